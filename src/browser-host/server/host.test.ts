import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createNodeLogger } from '../../main/adapters/node/logger'
import type { SettingsView } from '../../shared/ipc/domain'
import { startBrowserHost, type RunningBrowserHost, type WebAdapters } from './host'
import { connectPage, fakeRendererDir, stubApp, tokenOf } from './test-support'

let host: RunningBrowserHost
let app: ReturnType<typeof stubApp>
let web: WebAdapters
const logs: string[] = []

beforeEach(async () => {
  app = stubApp()
  host = await startBrowserHost({
    rendererDir: fakeRendererDir(),
    logger: createNodeLogger({ write: (line) => void logs.push(line) }),
    createApp: (adapters) => {
      web = adapters
      return Promise.resolve(app)
    }
  })
})
afterEach(async () => {
  await host.close()
})

async function pageToken(): Promise<string> {
  const html = await (await fetch(host.url)).text()
  return tokenOf(html)
}

describe('browser host: page', () => {
  it('serves the renderer with a per-run token and the bridge script ahead of the app, under the app CSP', async () => {
    const res = await fetch(host.url)
    const html = await res.text()
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    expect(tokenOf(html)).toMatch(/^[0-9a-f]{64}$/)
    expect(html.indexOf('/__livedeck/bridge.js')).toBeLessThan(html.indexOf('./assets/app.js'))
    expect(html).not.toMatch(/<script>(?!<)/) // no inline script
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(res.headers.get('cache-control')).toBe('no-store')

    const bridge = await fetch(new URL('/__livedeck/bridge.js', host.url))
    expect(bridge.headers.get('content-type')).toContain('javascript')
    expect(await bridge.text()).toContain('livedeck-bridge-token')
    expect((await fetch(new URL('/assets/app.js', host.url))).status).toBe(200)
    expect((await fetch(new URL('/%2e%2e/%2e%2e/etc/passwd', host.url))).status).toBeGreaterThanOrEqual(400)
  })

  it('gives each run a new token', async () => {
    const first = await pageToken()
    await host.close()
    host = await startBrowserHost({ rendererDir: fakeRendererDir(), logger: createNodeLogger({ write: () => {} }), createApp: () => Promise.resolve(stubApp()) })
    expect(await pageToken()).not.toBe(first)
  })
})

describe('browser host: bridge socket', () => {
  it('runs invokes through the router and forwards events to the page', async () => {
    const page = await connectPage(host.url, { token: await pageToken() })
    page.send({ t: 'invoke', id: 7, channel: 'app.getInfo', input: undefined })
    expect(await page.next((m) => m.t === 'result' && m.id === 7)).toEqual({
      t: 'result',
      id: 7,
      result: { ok: true, value: { version: 'test', platform: 'web', sandbox: { active: false } } }
    })
    // Input is validated by the contract's schema before any handler runs.
    page.send({ t: 'invoke', id: 8, channel: 'secrets.set', input: { key: 'nope', value: 'x' } })
    const refused = await page.next((m) => m.t === 'result' && m.id === 8)
    expect(refused.t === 'result' && !refused.result.ok && refused.result.error.code).toBe('invalid_input')

    const view = { language: 'ru' } as SettingsView
    app.events.emit('settings.changed', view)
    expect(await page.next((m) => m.t === 'event')).toEqual({ t: 'event', name: 'settings.changed', payload: view })
    page.ws.close()
  })

  it.each([
    ['another origin', { origin: 'http://evil.example' }],
    ['a look-alike origin', { origin: 'http://localhost:1' }],
    ['no token', { token: undefined }],
    ['a wrong token', { token: 'f'.repeat(64) }],
    ['a rebound Host name', { host: 'evil.example' }],
    ['no bridge subprotocol', { protocols: ['x'] }]
  ])('refuses an upgrade with %s', async (_name, override) => {
    const token = await pageToken()
    const attempt = connectPage(host.url, { token, ...override })
    await expect(attempt).rejects.toThrow(/403/)
    expect(logs.some((l) => l.includes('bridge upgrade refused'))).toBe(true)
  })

  it('closes a socket that sends a malformed frame', async () => {
    const page = await connectPage(host.url, { token: await pageToken() })
    const closed = new Promise<number>((resolve) => page.ws.once('close', (code) => resolve(code)))
    page.ws.send('{"t":"invoke","id":"x"}')
    expect(await closed).toBe(1008)
  })

  it('carries a 2,000,000-byte cover, and survives an oversize frame by closing only that socket', async () => {
    const page = await connectPage(host.url, { token: await pageToken() })
    // A frame as big as a maximal Kuaishou cover (base64 in JSON) reaches the router (here: refused input).
    page.send({ t: 'invoke', id: 1, channel: 'secrets.set', input: { cover: new Uint8Array(2_000_000) } })
    const answer = await page.next((m) => m.t === 'result' && m.id === 1)
    expect(answer.t === 'result' && !answer.result.ok && answer.result.error.code).toBe('invalid_input')

    const closed = new Promise<number>((resolve) => page.ws.once('close', (code) => resolve(code)))
    page.ws.send('x'.repeat(5 * 1024 * 1024))
    expect(await closed).toBe(1009)
    // The host is still up: a new page connects and is served.
    const next = await connectPage(host.url, { token: await pageToken() })
    next.send({ t: 'invoke', id: 2, channel: 'app.getInfo', input: undefined })
    expect(await next.next((m) => m.t === 'result' && m.id === 2)).toMatchObject({ result: { ok: true } })
    next.ws.close()
  })

  it('refuses plain HTTP under a foreign Host name', async () => {
    const { request } = await import('node:http')
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(host.url, { headers: { host: 'evil.example' } }, (res) => resolve(res.statusCode ?? 0))
      req.on('error', reject)
      req.end()
    })
    expect(status).toBe(421)
  })
})

describe('browser host: page-side ports', () => {
  it('asks the page to write the clipboard and reports a refusal', async () => {
    const page = await connectPage(host.url, { token: await pageToken() })
    const write = web.clipboard.writeText('rtmp://example/live')
    const ask = await page.next((m) => m.t === 'request')
    expect(ask.t === 'request' && ask.request).toEqual({ kind: 'clipboard', text: 'rtmp://example/live' })
    page.send({ t: 'reply', id: ask.t === 'request' ? ask.id : -1, ok: true })
    await expect(write).resolves.toBeUndefined()

    const denied = web.clipboard.writeText('again')
    const ask2 = await page.next((m) => m.t === 'request' && m.request.kind === 'clipboard' && m.request.text === 'again')
    page.send({ t: 'reply', id: ask2.t === 'request' ? ask2.id : -1, ok: false })
    await expect(denied).rejects.toThrow(/clipboard/)
    page.ws.close()
  })

  it('fails at once when no page is connected', async () => {
    await expect(web.clipboard.writeText('x')).rejects.toThrow(/no page/)
  })
})

describe('browser host: OAuth callback', () => {
  const request = (over: Partial<{ timeoutMs: number }> = {}) => ({
    platform: 'vk' as const,
    authorizeUrl: 'https://auth.example/authorize?client_id=1',
    redirectUri: web.authWindow.redirectUriOverride('vk') ?? '',
    allowedHosts: ['auth.example'],
    timeoutMs: over.timeoutMs ?? 10_000
  })

  it('registers its own callback route as the redirect URI', () => {
    expect(web.authWindow.redirectUriOverride('vk')).toBe(`${host.url}oauth/callback/vk`)
    expect(web.authWindow.redirectUriOverride('kuaishou')).toBe(`${host.url}oauth/callback/kuaishou`)
  })

  it('opens the authorize URL in a tab and resolves with the code-flow callback URL', async () => {
    const page = await connectPage(host.url, { token: await pageToken() })
    const outcome = web.authWindow.open(request())
    const ask = await page.next((m) => m.t === 'request' && m.request.kind === 'authOpen')
    expect(ask.t === 'request' && ask.request).toEqual({ kind: 'authOpen', url: 'https://auth.example/authorize?client_id=1' })
    page.send({ t: 'reply', id: ask.t === 'request' ? ask.id : -1, ok: true })

    const callback = `${host.url}oauth/callback/vk?code=abc&state=s1`
    const res = await fetch(callback)
    expect(await res.text()).toContain('You can close this tab')
    await expect(outcome).resolves.toEqual({ kind: 'redirected', url: callback })
    page.ws.close()
  })

  it('takes an implicit-flow fragment only from its own callback page', async () => {
    const page = await connectPage(host.url, { token: await pageToken() })
    const outcome = web.authWindow.open(request())
    const ask = await page.next((m) => m.t === 'request' && m.request.kind === 'authOpen')
    page.send({ t: 'reply', id: ask.t === 'request' ? ask.id : -1, ok: true })
    const path = new URL('oauth/callback/vk', host.url)

    const forged = await fetch(path, { method: 'POST', headers: { origin: 'http://evil.example' }, body: 'access_token=x&state=s' })
    expect(forged.status).toBe(405)
    const real = await fetch(path, { method: 'POST', headers: { origin: new URL(host.url).origin }, body: 'access_token=tok&state=s2' })
    expect(real.status).toBe(204)
    await expect(outcome).resolves.toEqual({ kind: 'redirected', url: `${path.href}#access_token=tok&state=s2` })
    page.ws.close()
  })

  it('ends in cancelled when the popup is blocked and timedOut when the tab never answers', async () => {
    const page = await connectPage(host.url, { token: await pageToken() })
    const blocked = web.authWindow.open(request())
    const ask = await page.next((m) => m.t === 'request' && m.request.kind === 'authOpen')
    page.send({ t: 'reply', id: ask.t === 'request' ? ask.id : -1, ok: false })
    await expect(blocked).resolves.toEqual({ kind: 'cancelled' })

    const silent = web.authWindow.open(request({ timeoutMs: 100 }))
    await expect(silent).resolves.toEqual({ kind: 'timedOut' })
    // A late callback after the timeout is not taken.
    expect(web.authWindow.complete('vk', `${host.url}oauth/callback/vk?code=late`)).toBe(false)
    page.ws.close()
  })
})
