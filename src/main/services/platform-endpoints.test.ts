import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import {
  isReleaseSafe,
  loadSandboxConfig,
  realEndpoints,
  resolveEndpoints,
  resolveSandboxUrl
} from './platform-endpoints'

/** A tiny stand-in for the sandbox control server: answers GET /config with `body`. */
async function serveConfig(body: (origin: string) => unknown, status = 200): Promise<{ origin: string; hits: string[] }> {
  const hits: string[] = []
  const server: Server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`)
    res.writeHead(req.url === '/config' ? status : 404, { 'content-type': 'application/json' })
    res.end(JSON.stringify(body(origin)))
  })
  servers.push(server)
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return { origin, hits }
}
const servers: Server[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))))
})

const fullConfig = (control: string) => ({
  vk: {
    authorizeUrl: 'http://127.0.0.1:5002/app/oauth2/authorize',
    tokenUrl: 'http://127.0.0.1:5001/oauth/server/token',
    revokeUrl: 'http://127.0.0.1:5001/oauth/server/revoke',
    apiBase: 'http://127.0.0.1:5001',
    pubsubUrl: 'ws://127.0.0.1:5003/connection/websocket?format=json&cf_protocol_version=v2'
  },
  kuaishou: { openBase: 'http://127.0.0.1:5004' },
  rtmp: { port: 1935 },
  control,
  apps: {
    vk: { client_id: 'sandbox-vk-app', client_secret: 'vk-sandbox-secret', redirect_uri: 'http://127.0.0.1:5002/cb' },
    kuaishou: { app_id: 'ks_sandbox', app_secret: 'ks-sandbox-secret', redirect_uri: 'http://127.0.0.1:5004/cb' }
  },
  users: { vk: [{ id: 1, nick: 'a', channel_url: 'a', role: 'owner' }], kuaishou: [] }
})

const logs: string[] = []
const logger = {
  debug: (m: string) => logs.push(`debug ${m}`),
  info: (m: string) => logs.push(`info ${m}`),
  warn: (m: string) => logs.push(`warn ${m}`),
  error: (m: string) => logs.push(`error ${m}`)
}

describe('loadSandboxConfig', () => {
  it('points every endpoint at the sandbox and carries its apps for pre-filling', async () => {
    const { origin, hits } = await serveConfig(fullConfig)
    const endpoints = await loadSandboxConfig(`${origin}/`, fetch)
    expect(hits).toEqual(['GET /config'])
    expect(endpoints.vk.apiBase).toBe('http://127.0.0.1:5001')
    expect(endpoints.vk.pubsubUrl).toContain('cf_protocol_version=v2')
    expect(endpoints.kuaishou.openBase).toBe('http://127.0.0.1:5004')
    expect(endpoints.authHosts.vk).toEqual(['127.0.0.1:5002', '127.0.0.1:5001'])
    expect(endpoints.authHosts.kuaishou).toEqual(['127.0.0.1:5004'])
    expect(endpoints.sandbox).toEqual({
      control: origin,
      rtmpPort: 1935,
      apps: {
        vk: { clientId: 'sandbox-vk-app', clientSecret: 'vk-sandbox-secret', redirectUri: 'http://127.0.0.1:5002/cb' },
        kuaishou: { appId: 'ks_sandbox', appSecret: 'ks-sandbox-secret', redirectUri: 'http://127.0.0.1:5004/cb' }
      }
    })
  })

  it('tolerates a sandbox without the Kuaishou and RTMP parts yet', async () => {
    const { origin } = await serveConfig((o) => {
      const { kuaishou: _k, rtmp: _r, ...rest } = fullConfig(o)
      return { ...rest, apps: { vk: rest.apps.vk } }
    })
    const endpoints = await loadSandboxConfig(origin, fetch)
    expect(endpoints.vk.authorizeUrl).toBe('http://127.0.0.1:5002/app/oauth2/authorize')
    expect(endpoints.kuaishou).toEqual(realEndpoints.kuaishou)
    expect(endpoints.sandbox?.rtmpPort).toBeNull()
    expect(endpoints.sandbox?.apps.kuaishou).toBeUndefined()
  })

  it('rejects a config of the wrong shape and an HTTP error', async () => {
    const bad = await serveConfig((o) => ({ ...fullConfig(o), vk: { apiBase: 'javascript:alert(1)' } }))
    await expect(loadSandboxConfig(bad.origin, fetch)).rejects.toThrow(/expected shape/)
    const down = await serveConfig(() => ({}), 503)
    await expect(loadSandboxConfig(down.origin, fetch)).rejects.toThrow(/HTTP 503/)
  })
})

describe('resolveSandboxUrl', () => {
  it('reads --sandbox=<url> first, then LIVEDECK_SANDBOX, else null', () => {
    expect(resolveSandboxUrl({}, [])).toBeNull()
    expect(resolveSandboxUrl({ LIVEDECK_SANDBOX: 'http://127.0.0.1:7000/' }, [])).toBe('http://127.0.0.1:7000')
    expect(resolveSandboxUrl({ LIVEDECK_SANDBOX: 'http://a:1' }, ['node', 'x', '--sandbox=http://b:2'])).toBe('http://b:2')
  })

  it('refuses a non-http override loudly', () => {
    expect(() => resolveSandboxUrl({ LIVEDECK_SANDBOX: 'file:///etc/passwd' }, [])).toThrow(/http/)
  })
})

describe('resolveEndpoints', () => {
  it('uses the real hosts without an override', async () => {
    const endpoints = await resolveEndpoints({ env: {}, argv: [], isPackaged: false, fetch, logger })
    expect(endpoints).toBe(realEndpoints)
    expect(isReleaseSafe(endpoints)).toBe(true)
  })

  it('uses the sandbox in a development build', async () => {
    const { origin } = await serveConfig(fullConfig)
    const endpoints = await resolveEndpoints({ env: { LIVEDECK_SANDBOX: origin }, argv: [], isPackaged: false, fetch, logger })
    expect(endpoints.sandbox?.control).toBe(origin)
    expect(isReleaseSafe(endpoints)).toBe(false)
  })

  it('ignores the override in a release build, with a warning and without contacting it', async () => {
    const { origin, hits } = await serveConfig(fullConfig)
    logs.length = 0
    const endpoints = await resolveEndpoints({ env: { LIVEDECK_SANDBOX: origin }, argv: [], isPackaged: true, fetch, logger })
    expect(endpoints).toBe(realEndpoints)
    expect(hits).toEqual([])
    expect(logs.some((l) => l.startsWith('warn sandbox override ignored'))).toBe(true)
  })
})

describe('real endpoints', () => {
  it('are the references’ https hosts', () => {
    expect(realEndpoints.vk).toEqual({
      authorizeUrl: 'https://auth.live.vkvideo.ru/app/oauth2/authorize',
      tokenUrl: 'https://api.live.vkvideo.ru/oauth/server/token',
      revokeUrl: 'https://api.live.vkvideo.ru/oauth/server/revoke',
      apiBase: 'https://apidev.live.vkvideo.ru',
      pubsubUrl: 'wss://pubsub-dev.live.vkvideo.ru/connection/websocket?format=json&cf_protocol_version=v2'
    })
    expect(realEndpoints.kuaishou.openBase).toBe('https://open.kuaishou.com')
  })
})
