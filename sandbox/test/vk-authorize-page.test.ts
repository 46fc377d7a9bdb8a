/**
 * The VK authorize page (reference §4.2, §10.2.10) as a browser meets it: first by following its HTML
 * forms over plain HTTP, then in real Chromium, where the sign-in step opens in a popup and the opener
 * lands on the redirect URI.
 */
import { existsSync } from 'node:fs'
import { chromium, type Browser } from '@playwright/test'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startVk, type TokenPair, type Vk } from './vk-helpers'

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

let t: Vk
beforeAll(async () => {
  t = await startVk()
})
afterAll(async () => {
  await t.sb.stop()
})

const authorizeUrl = (params: Record<string, string>): string =>
  `${t.vk.authorizeUrl}?${new URLSearchParams({ client_id: t.app.client_id, redirect_uri: t.app.redirect_uri, response_type: 'code', scope: 'chat:message:send,channel:credentials', state: 'st-1', ...params }).toString()}`

/** The hidden and checked inputs of the first form in `html` whose markup includes `marker`. */
function formFields(html: string, marker: string): { action: string; fields: URLSearchParams } {
  const form = [...html.matchAll(/<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/g)].find((m) => m[0].includes(marker))
  if (!form) throw new Error(`no form with ${marker}`)
  const fields = new URLSearchParams()
  const unescape = (s: string): string => s.replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n)))
  for (const input of (form[2] ?? '').matchAll(/<input([^>]*)>/g)) {
    const attrs = input[1] ?? ''
    const name = /name="([^"]*)"/.exec(attrs)?.[1]
    const value = unescape(/value="([^"]*)"/.exec(attrs)?.[1] ?? '')
    const type = /type="([^"]*)"/.exec(attrs)?.[1]
    if (name && (type === 'hidden' || /\bchecked\b/.test(attrs))) fields.append(name, value)
  }
  return { action: form[1] ?? '', fields }
}

describe('authorize page over HTTP', () => {
  it('refuses an unknown client, a wrong redirect_uri, a bad response_type and space-separated scopes', async () => {
    const bad: Array<Record<string, string>> = [{ client_id: 'nobody' }, { redirect_uri: 'https://evil.invalid/cb' }, { response_type: 'id_token' }, { scope: 'chat:message:send chat:settings' }]
    for (const params of bad) {
      const res = await fetch(authorizeUrl(params))
      expect(res.status, JSON.stringify(params)).toBe(400)
      expect(await res.text()).toContain('id="error"')
    }
  })

  it('shows the requested scopes and a sign-in button that opens the popup step', async () => {
    const res = await fetch(authorizeUrl({}))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/text\/html/)
    const html = await res.text()
    expect(html).toContain('chat:message:send')
    expect(html).toMatch(/id="signin" data-href="\/app\/oauth2\/signin\?/)
    const js = await (await fetch(new URL('/app/oauth2/authorize.js', t.vk.authorizeUrl))).text()
    expect(js).toContain('window.open(')
  })

  it('cancel on the page redirects with error=access_denied and the state', async () => {
    const html = await (await fetch(authorizeUrl({}))).text()
    const { action, fields } = formFields(html, 'id="cancel"')
    const res = await fetch(new URL(action, t.vk.authorizeUrl), { method: 'POST', body: fields, redirect: 'manual' })
    expect(res.status).toBe(303)
    const location = new URL(res.headers.get('location') ?? '')
    expect(location.searchParams.get('error')).toBe('access_denied')
    expect(location.searchParams.get('state')).toBe('st-1')
  })

  it('the sign-in step: pick a user, allow → a code that the token endpoint accepts', async () => {
    const page = await (await fetch(authorizeUrl({}))).text()
    const signin = /data-href="([^"]+)"/.exec(page)?.[1]?.replace(/&#38;/g, '&') ?? ''
    const html = await (await fetch(new URL(signin, t.vk.authorizeUrl))).text()
    for (const u of t.users) expect(html).toContain(`value="${u.id}"`)
    const { action, fields } = formFields(html, 'name="decision"')
    fields.set('user', String(t.user('moderator').id))
    fields.set('decision', 'allow')
    const res = await fetch(new URL(action, t.vk.authorizeUrl), { method: 'POST', body: fields })
    const result = await res.text()
    const location = new URL((/data-location="([^"]+)"/.exec(result)?.[1] ?? '').replace(/&#38;/g, '&'))
    expect(location.searchParams.get('state')).toBe('st-1')
    const tok = await t.token({ grant_type: 'authorization_code', code: location.searchParams.get('code') ?? '', redirect_uri: t.app.redirect_uri })
    const pair = (await tok.json()) as TokenPair
    const me = (await (await t.api('/v1/current_user', { token: pair.access_token })).json()) as { data: { user: { id: number } } }
    expect(me.data.user.id).toBe(t.user('moderator').id)
  })
})

describe('authorize page in Chromium', () => {
  let browser: Browser
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium)`)
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] })
  })
  afterAll(async () => {
    await browser?.close()
  })

  const flow = async (responseType: 'code' | 'token', decision: '#allow' | '#deny'): Promise<URL> => {
    const context = await browser.newContext()
    // The redirect URI is caught before it loads, as the app's auth window does.
    await context.route(`${t.app.redirect_uri}**`, (route) => route.fulfill({ status: 200, contentType: 'text/plain', body: 'redirected' }))
    const page = await context.newPage()
    await page.goto(authorizeUrl({ response_type: responseType }))
    const popupOpened = page.waitForEvent('popup')
    await page.click('#signin')
    const popup = await popupOpened
    await popup.waitForLoadState()
    expect(new URL(popup.url()).pathname).toBe('/app/oauth2/signin')
    await popup.check(`input[name="user"][value="${t.user('owner', 'live_channel').id}"]`)
    const popupClosed = popup.waitForEvent('close')
    await popup.click(decision)
    await popupClosed
    await page.waitForURL(`${t.app.redirect_uri}**`)
    const landed = new URL(page.url())
    await context.close()
    return landed
  }

  it('code flow: the popup signs in, closes, and the opener lands on redirect_uri?code&state', async () => {
    const landed = await flow('code', '#allow')
    expect(landed.searchParams.get('state')).toBe('st-1')
    const tok = await t.token({ grant_type: 'authorization_code', code: landed.searchParams.get('code') ?? '', redirect_uri: t.app.redirect_uri })
    expect(tok.status).toBe(200)
  })

  it('implicit flow: the token arrives in the fragment', async () => {
    const landed = await flow('token', '#allow')
    const frag = new URLSearchParams(landed.hash.slice(1))
    expect(frag.get('token_type')).toBe('Bearer')
    expect(frag.get('state')).toBe('st-1')
    expect((await t.api('/v1/current_user', { token: frag.get('access_token') ?? '' })).status).toBe(200)
  })

  it('deny in the popup: error=access_denied', async () => {
    const landed = await flow('code', '#deny')
    expect(landed.searchParams.get('error')).toBe('access_denied')
    expect(landed.searchParams.get('code')).toBeNull()
  })
})
