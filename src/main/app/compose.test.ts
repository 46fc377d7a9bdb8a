import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { invokeChannelNames, type EventName } from '../../shared/ipc/contract'
import type { Result } from '../../shared/ipc/result'
import { createNodeCipher } from '../adapters/node/cipher'
import { createConfSettingsStore } from '../adapters/node/settings-store'
import { createRouter, type SenderInfo } from '../ipc/router'
import type { Logger } from '../ports/logger'
import { systemClock } from '../ports/clock'
import { realEndpoints, sandboxEndpoints } from '../services/platform-endpoints'
import { createMainApp, languageFromLocale } from './compose'
import { createNodeMainApp, type NodeMainAppOptions } from './node-app'
import { ELECTRON_IMAGE_BASE } from '../services/images/image-url'

const dirs: string[] = []
const servers: Server[] = []
afterEach(async () => {
  dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }))
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))))
})
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'livedeck-app-'))
  dirs.push(d)
  return d
}

const logLines: string[] = []
const logger: Logger = {
  debug: (m, meta) => logLines.push(JSON.stringify({ m, meta })),
  info: (m, meta) => logLines.push(JSON.stringify({ m, meta })),
  warn: (m, meta) => logLines.push(JSON.stringify({ m, meta })),
  error: (m, meta) => logLines.push(JSON.stringify({ m, meta }))
}

const PAGE = 'http://127.0.0.1:1/'
const sender: SenderInfo = { url: PAGE, isTopFrame: true, webContentsId: null }

/** The app behind the real router, recording the clipboard, opened links and events. */
async function start(options: Partial<NodeMainAppOptions> & { dataDir?: string } = {}) {
  const copied: string[] = []
  const opened: string[] = []
  const events: Array<{ name: EventName; payload: unknown }> = []
  const app = await createNodeMainApp({
    dataDir: options.dataDir ?? tempDir(),
    logger,
    clipboard: { writeText: (t) => Promise.resolve(void copied.push(t)) },
    externalOpener: { openExternal: (u) => Promise.resolve(void opened.push(u)) },
    ...options
  })
  app.events.subscribe((name, payload) => events.push({ name, payload }))
  const router = createRouter(app.handlers, { allows: (s) => s.url === PAGE }, logger)
  const invoke = (channel: string, input?: unknown) => router.dispatch(channel, input, sender)
  return { app, invoke, copied, opened, events }
}

const value = <T>(r: Result<unknown>): T => {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`)
  return r.value as T
}

/** Every file under the data dir, as text, to search for leaked plaintext. */
const diskText = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((p) => statSync(p).isFile())
    .map((p) => readFileSync(p).toString('latin1'))
    .join('\n')

describe('createMainApp through the router', () => {
  it('has a handler for every contract channel', async () => {
    const { app } = await start()
    expect(Object.keys(app.handlers).sort()).toEqual([...invokeChannelNames].sort())
  })

  it('answers app.getInfo', async () => {
    const { invoke } = await start({ appVersion: '9.9.9' })
    expect(value(await invoke('app.getInfo'))).toEqual({ version: '9.9.9', platform: 'web', sandbox: { active: false } })
  })

  it('round-trips settings across a restart with the same data dir and emits settings.changed', async () => {
    const dataDir = tempDir()
    const first = await start({ dataDir, defaultLanguage: 'ru-RU' })
    expect(value<{ language: string }>(await first.invoke('settings.get')).language).toBe('ru')
    const updated = value<{ language: string; vk: { clientId: string } }>(
      await first.invoke('settings.update', { language: 'zh', vk: { clientId: 'my-vk-app', redirectUri: 'https://localhost/cb' } })
    )
    expect(updated.vk.clientId).toBe('my-vk-app')
    expect(first.events).toEqual([{ name: 'settings.changed', payload: updated }])
    await first.app.dispose()

    const second = await start({ dataDir })
    expect(value(await second.invoke('settings.get'))).toEqual(updated)
  })

  it('refuses renderer edits of base URLs and invalid values', async () => {
    const { invoke } = await start()
    const r = await invoke('settings.update', { vk: { apiBase: 'http://evil' } })
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await invoke('settings.update', { vk: { redirectUri: 'javascript:alert(1)' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' }
    })
  })

  it('keeps secrets write-only: no handler result ever contains them, the disk holds only ciphertext', async () => {
    const dataDir = tempDir()
    const { app, invoke, events } = await start({ dataDir })
    const SECRET = 'VK-CLIENT-SECRET-do-not-leak'
    const results = [
      await invoke('secrets.set', { key: 'vk.clientSecret', value: SECRET }),
      await invoke('secrets.set', { key: 'kuaishou.appSecret', value: `${SECRET}-ks` }),
      await invoke('settings.get'),
      await invoke('settings.update', { language: 'en' }),
      await invoke('app.getInfo')
    ]
    for (const r of results) expect(r.ok).toBe(true)
    expect(value<{ vk: { clientSecretConfigured: boolean } }>(results[2]!).vk.clientSecretConfigured).toBe(true)
    expect(JSON.stringify(results)).not.toContain(SECRET)
    expect(JSON.stringify(events)).not.toContain(SECRET)
    expect(logLines.join('\n')).not.toContain(SECRET)
    expect(diskText(dataDir)).not.toContain(SECRET)
    // Main services can still read it.
    expect(await app.services.settings.getSecret('vk.clientSecret')).toBe(SECRET)

    const cleared = value<{ vk: { clientSecretConfigured: boolean } }>(await invoke('secrets.clear', { key: 'vk.clientSecret' }))
    expect(cleared.vk.clientSecretConfigured).toBe(false)
  })

  it('reveals and copies sensitive values registered by services; unknown refs are not_found', async () => {
    const { app, invoke, copied } = await start()
    const ref = app.services.sensitive.register('kspush', 'rtmp://host:1935/gifshow/abc?sign=x')
    expect(value(await invoke('sensitive.reveal', { ref }))).toEqual({ value: 'rtmp://host:1935/gifshow/abc?sign=x' })
    for (const part of ['server', 'key', 'whole']) expect((await invoke('sensitive.copy', { ref, part })).ok).toBe(true)
    expect(copied).toEqual(['rtmp://host:1935/gifshow/', 'abc?sign=x', 'rtmp://host:1935/gifshow/abc?sign=x'])
    expect(await invoke('sensitive.reveal', { ref: 'kspush:nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } })
    await app.dispose()
    expect(await invoke('sensitive.reveal', { ref })).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })

  it('opens only http(s) links without credentials', async () => {
    const { invoke, opened } = await start()
    expect((await invoke('shell.openExternal', { url: 'https://liveopen.kuaishou.com/' })).ok).toBe(true)
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'https://user:pw@example.com/', 'vkplay://x', 'not a url']) {
      expect(await invoke('shell.openExternal', { url })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    }
    expect(opened).toEqual(['https://liveopen.kuaishou.com/'])
  })

  it('exposes the token vault on the same data dir', async () => {
    const dataDir = tempDir()
    const { app } = await start({ dataDir })
    await app.services.vault.save('vk', { accessToken: 'ACCESS-xyz', expiresAt: Date.now() + 60_000 })
    expect((await (await start({ dataDir })).app.services.vault.get('vk'))?.accessToken).toBe('ACCESS-xyz')
    expect(diskText(dataDir)).not.toContain('ACCESS-xyz')
  })
})

describe('sandbox mode', () => {
  const serveConfig = async () => {
    const server = createServer((req, res) => {
      const control = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      res.writeHead(req.url === '/config' ? 200 : 404, { 'content-type': 'application/json' })
      res.end(
        JSON.stringify({
          vk: {
            authorizeUrl: 'http://127.0.0.1:6002/app/oauth2/authorize',
            tokenUrl: 'http://127.0.0.1:6001/oauth/server/token',
            revokeUrl: 'http://127.0.0.1:6001/oauth/server/revoke',
            apiBase: 'http://127.0.0.1:6001',
            pubsubUrl: 'ws://127.0.0.1:6003/connection/websocket?format=json&cf_protocol_version=v2'
          },
          control,
          apps: { vk: { client_id: 'sandbox_vk', client_secret: 'SANDBOX-VK-SECRET', redirect_uri: 'http://127.0.0.1:6002/cb' } },
          users: { vk: [] }
        })
      )
    })
    servers.push(server)
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  }

  it('loads the sandbox config, shows the badge flag and pre-fills the sandbox app', async () => {
    const control = await serveConfig()
    const dataDir = tempDir()
    const { app, invoke } = await start({ dataDir, sandboxUrl: control })
    expect(value(await invoke('app.getInfo'))).toMatchObject({ sandbox: { active: true } })
    const view = value<{ vk: { clientId: string; redirectUri: string; clientSecretConfigured: boolean } }>(
      await invoke('settings.get')
    )
    expect(view.vk).toMatchObject({ clientId: 'sandbox_vk', redirectUri: 'http://127.0.0.1:6002/cb', clientSecretConfigured: true })
    expect(await app.services.settings.getSecret('vk.clientSecret')).toBe('SANDBOX-VK-SECRET')
    expect(app.services.endpoints.vk.apiBase).toBe('http://127.0.0.1:6001')
    expect(diskText(dataDir)).not.toContain('SANDBOX-VK-SECRET')
  })

  it('is refused in a release build: the real hosts are used and nothing is pre-filled', async () => {
    const dataDir = tempDir()
    const sandbox = sandboxEndpoints({
      vk: {
        authorizeUrl: 'http://127.0.0.1:6002/a',
        tokenUrl: 'http://127.0.0.1:6001/t',
        revokeUrl: 'http://127.0.0.1:6001/r',
        apiBase: 'http://127.0.0.1:6001',
        pubsubUrl: 'ws://127.0.0.1:6003/c'
      },
      control: 'http://127.0.0.1:6000',
      apps: { vk: { client_id: 'sandbox_vk', client_secret: 'S', redirect_uri: 'http://127.0.0.1:6002/cb' } }
    })
    const app = await createMainApp({
      dataDir,
      settingsStore: createConfSettingsStore(dataDir),
      cipher: createNodeCipher(dataDir),
      clipboard: { writeText: () => Promise.resolve() },
      notifier: { notify() {} },
      externalOpener: { openExternal: () => Promise.resolve() },
      authWindow: { open: () => Promise.resolve({ kind: 'cancelled' }), clearSession: () => Promise.resolve(), redirectUriOverride: () => null },
      logger,
      fetch,
      clock: systemClock,
      platform: 'linux',
      appVersion: '1.0.0',
      endpoints: sandbox,
      isPackaged: true,
      imageUrlBase: ELECTRON_IMAGE_BASE
    })
    expect(app.services.endpoints).toBe(realEndpoints)
    expect(app.handlers['app.getInfo'](undefined)).toMatchObject({ sandbox: { active: false } })
    expect(app.services.settings.view().vk.clientId).toBe('')
  })
})

describe('languageFromLocale', () => {
  it('maps OS locales to a supported language', () => {
    expect(languageFromLocale('ru-RU')).toBe('ru')
    expect(languageFromLocale('zh-Hans-CN')).toBe('zh')
    expect(languageFromLocale('zh_TW')).toBe('zh')
    expect(languageFromLocale('de-DE')).toBe('en')
    expect(languageFromLocale(undefined)).toBe('en')
  })
})
