import { describe, expect, it } from 'vitest'
import { invokeChannelNames, ipcChannel, type InputOf, type InvokeChannel } from '../../shared/ipc/contract'
import type { SettingsView } from '../../shared/ipc/domain'
import type { KuaishouAccountView, KuaishouLiveView } from '../../shared/ipc/kuaishou'
import { AppError } from '../errors'
import type { Logger } from '../ports/logger'
import { createRouter, type Handlers, type SenderInfo } from './router'
import { createAppSenderPolicy } from './sender-policy'

interface LogLine {
  level: string
  message: string
  meta?: Record<string, unknown>
}
function memoryLogger(): Logger & { lines: LogLine[] } {
  const lines: LogLine[] = []
  const at = (level: string) => (message: string, meta?: Record<string, unknown>) => void lines.push({ level, message, meta })
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') }
}

const view: SettingsView = {
  language: 'en',
  vk: { clientId: '', redirectUri: '', scopes: [], clientSecretConfigured: false },
  kuaishou: { appId: '', redirectUri: '', scopes: [], bizId: '', appSecretConfigured: false },
  ui: { theme: 'system', split: 0.5 }
}

/** One valid input per channel; typed so adding a channel without a sample fails typecheck. */
const samples: { [C in InvokeChannel]: InputOf<C> } = {
  'app.getInfo': undefined,
  'settings.get': undefined,
  'settings.update': { language: 'ru', vk: { clientId: 'abc' } },
  'secrets.set': { key: 'vk.clientSecret', value: 'hunter2' },
  'secrets.clear': { key: 'kuaishou.appSecret' },
  'sensitive.reveal': { ref: 'vk:key1' },
  'sensitive.copy': { ref: 'vk:key1', part: 'key' },
  'shell.openExternal': { url: 'https://vkvideo.ru/' },
  'kuaishou.connect': undefined,
  'kuaishou.disconnect': undefined,
  'kuaishou.getAccount': undefined,
  'kuaishou.createLive': { cover: new Uint8Array([0xff, 0xd8, 0xff]), caption: '直播', panoramic: 0, shopLive: false },
  'kuaishou.getLive': undefined,
  'kuaishou.refreshLive': undefined,
  'kuaishou.stopLive': undefined,
  'kuaishou.dismissLive': undefined,
  'vk.getAccount': undefined,
  'vk.connect': undefined,
  'vk.disconnect': undefined,
  'vk.getChannel': undefined,
  'vk.searchCategories': { query: 'dota', type: 'game' },
  'vk.editStream': { title: 'Stream', categoryId: 'c1', plannedAt: 1_900_000_000_000 },
  'vk.getCredentials': undefined,
  'vkChat.open': { channelUrl: 'live_channel' },
  'vkChat.close': undefined,
  'vkChat.getStatus': undefined,
  'vkChat.getLines': undefined,
  'vkChat.send': { clientId: 'c1', parts: [{ kind: 'text', text: 'hi' }] },
  'vkChat.getMembers': undefined,
  'vkChat.getMember': { userId: 1 },
  'vkChat.getSettings': undefined,
  'vkChat.editSettings': {
    allowAccess: 'any',
    allowAccessAfter: 0,
    anyMessageTimeout: 0,
    sameMessageTimeout: 30,
    followAlert: true,
    subscriptionAlert: true,
    mode: 'general',
    capsProhibited: false,
    linksProhibited: false,
    ruEnNumbersOnly: false
  },
  'obs.getStatus': undefined,
  'obs.updateSettings': { address: 'ws://127.0.0.1:4455' },
  'obs.connect': undefined,
  'obs.disconnect': undefined,
  'obs.sendStream': { ref: 'kspush:abc' },
  'obs.startStream': undefined,
  'obs.stopStream': undefined
}

/** Handlers that echo their channel and parsed input, so a test sees what reached them. */
function echoHandlers(calls: Array<[string, unknown]>): Handlers {
  const record = (channel: string) => (input: unknown) => {
    calls.push([channel, input])
    return null
  }
  return {
    'app.getInfo': () => ({ version: '1.0.0', platform: 'linux', sandbox: { active: false } }),
    'settings.get': () => view,
    'settings.update': async (patch) => {
      record('settings.update')(patch)
      return Promise.resolve({ ...view, language: patch.language ?? view.language })
    },
    'secrets.set': (input) => (record('secrets.set')(input), view),
    'secrets.clear': (input) => (record('secrets.clear')(input), view),
    'sensitive.reveal': (input) => (record('sensitive.reveal')(input), { value: 'shown' }),
    'sensitive.copy': (input) => record('sensitive.copy')(input),
    'shell.openExternal': (input) => record('shell.openExternal')(input),
    ...kuaishouEchoHandlers(record),
    ...vkEchoHandlers(record),
    ...obsEchoHandlers(record)
  }
}

/** OBS handlers only echo (their results are not looked at here). */
function obsEchoHandlers(record: (channel: string) => (input: unknown) => null) {
  const obs = invokeChannelNames.filter((c) => c.startsWith('obs.'))
  return Object.fromEntries(obs.map((c) => [c, record(c)])) as unknown as Pick<Handlers, Extract<InvokeChannel, `obs.${string}`>>
}

/** VK handlers only echo (their results are not looked at here). */
function vkEchoHandlers(record: (channel: string) => (input: unknown) => null) {
  const vk = invokeChannelNames.filter((c) => c.startsWith('vk.') || c.startsWith('vkChat.'))
  return Object.fromEntries(vk.map((c) => [c, record(c)])) as unknown as Pick<Handlers, Extract<InvokeChannel, `vk.${string}` | `vkChat.${string}`>>
}

const ksAccount: KuaishouAccountView = { state: 'disconnected', user: null, scopes: [], missingScopes: [], expiresAt: null }
const ksLive: KuaishouLiveView = {
  liveStreamName: 'bYowzZxAOZA',
  pushUrlRef: null,
  createdAt: 0,
  expiresAt: 1,
  status: 'LIVE_END',
  statusMsg: '',
  checkedAt: null,
  stop: 'stopped',
  endedWithoutStop: false,
  pollError: null
}
function kuaishouEchoHandlers(record: (channel: string) => (input: unknown) => null) {
  return {
    'kuaishou.connect': (input: undefined) => (record('kuaishou.connect')(input), ksAccount),
    'kuaishou.disconnect': (input: undefined) => (record('kuaishou.disconnect')(input), ksAccount),
    'kuaishou.getAccount': (input: undefined) => (record('kuaishou.getAccount')(input), ksAccount),
    'kuaishou.createLive': (input: unknown) => (record('kuaishou.createLive')(input), ksLive),
    'kuaishou.getLive': (input: undefined) => record('kuaishou.getLive')(input),
    'kuaishou.refreshLive': (input: undefined) => record('kuaishou.refreshLive')(input),
    'kuaishou.stopLive': (input: undefined) => (record('kuaishou.stopLive')(input), ksLive),
    'kuaishou.dismissLive': (input: undefined) => record('kuaishou.dismissLive')(input)
  } satisfies Partial<Handlers>
}

const app: SenderInfo = { url: 'app://livedeck/index.html', isTopFrame: true, webContentsId: 1 }
const policy = createAppSenderPolicy({ origins: ['app://livedeck'], isKnownWebContents: (id) => id === 1 })

describe('ipc router', () => {
  it('dispatches every contract channel to its handler with the parsed input', async () => {
    const calls: Array<[string, unknown]> = []
    const router = createRouter(echoHandlers(calls), policy, memoryLogger())
    expect(router.channels).toEqual(invokeChannelNames)
    for (const channel of invokeChannelNames) {
      const result = await router.dispatch(channel, samples[channel], app)
      expect(result.ok, channel).toBe(true)
    }
    expect(calls).toContainEqual(['secrets.set', { key: 'vk.clientSecret', value: 'hunter2' }])
    expect(await router.dispatch('settings.update', { language: 'zh' }, app)).toEqual({
      ok: true,
      value: { ...view, language: 'zh' }
    })
  })

  it('refuses an unknown channel, including prototype keys and prefixed names', async () => {
    const router = createRouter(echoHandlers([]), policy, memoryLogger())
    for (const name of ['nope.nothing', 'toString', '__proto__', ipcChannel('app.getInfo')]) {
      const result = await router.dispatch(name, undefined, app)
      expect(result).toEqual({ ok: false, error: { code: 'unknown_channel', message: 'unknown channel' } })
    }
  })

  it('refuses senders from another origin, a subframe or an unknown window, and logs it', async () => {
    const calls: Array<[string, unknown]> = []
    const logger = memoryLogger()
    const router = createRouter(echoHandlers(calls), policy, logger)
    const senders: SenderInfo[] = [
      { ...app, url: 'https://evil.example/index.html' },
      { ...app, url: 'app://other/index.html' },
      { ...app, isTopFrame: false },
      { ...app, webContentsId: 7 },
      { ...app, webContentsId: null },
      { ...app, url: 'not a url' }
    ]
    for (const sender of senders) {
      const result = await router.dispatch('secrets.set', samples['secrets.set'], sender)
      expect(result.ok).toBe(false)
      if (!result.ok) expect(result.error.code).toBe('forbidden_sender')
    }
    expect(calls).toEqual([])
    expect(logger.lines.filter((l) => l.level === 'warn')).toHaveLength(senders.length)
    expect(logger.lines[0]?.meta).toMatchObject({ channel: 'secrets.set', origin: 'https://evil.example' })
  })

  it('rejects bad input with the issue paths and never the raw value', async () => {
    const calls: Array<[string, unknown]> = []
    const router = createRouter(echoHandlers(calls), policy, memoryLogger())
    const secretish = 'SECRET-VALUE-1234'
    const bad: Array<[InvokeChannel, unknown]> = [
      ['secrets.set', { key: 'vk.clientSecret', value: '' }],
      ['secrets.set', { key: secretish, value: secretish }],
      ['settings.update', { vk: { clientId: `${secretish}!` } }],
      ['settings.update', { [secretish]: 1 }],
      ['sensitive.reveal', { ref: secretish.toLowerCase() }],
      ['app.getInfo', secretish],
      ['shell.openExternal', { url: 'x'.repeat(3000) }]
    ]
    for (const [channel, input] of bad) {
      const result = await router.dispatch(channel, input, app)
      expect(result.ok, channel).toBe(false)
      if (result.ok) continue
      expect(result.error.code).toBe('invalid_input')
      expect(result.error.message).toMatch(/^invalid input at /)
      expect(result.error.message).not.toContain(secretish)
      expect(result.error.message).not.toContain(secretish.toLowerCase())
      expect(result.error.message).not.toContain('xxxx')
    }
    const nested = await router.dispatch('settings.update', { vk: { clientId: 'bad id!' } }, app)
    expect(nested.ok || nested.error.message).toBe('invalid input at vk.clientId (invalid_format)')
    expect(calls).toEqual([])
  })

  it('passes an AppError through with its code, message and platform code', async () => {
    const handlers = echoHandlers([])
    handlers['sensitive.reveal'] = () => {
      throw new AppError('expired', 'value expired')
    }
    handlers['secrets.clear'] = async () => Promise.reject(new AppError('platform', 'platform refused', 'access_denied'))
    const router = createRouter(handlers, policy, memoryLogger())
    expect(await router.dispatch('sensitive.reveal', samples['sensitive.reveal'], app)).toEqual({
      ok: false,
      error: { code: 'expired', message: 'value expired' }
    })
    expect(await router.dispatch('secrets.clear', samples['secrets.clear'], app)).toEqual({
      ok: false,
      error: { code: 'platform', message: 'platform refused', platformCode: 'access_denied' }
    })
  })

  it('maps any other exception to internal without its text, and logs the exception', async () => {
    const leak = 'https://api.example/token?access_token=LEAKED'
    const handlers = echoHandlers([])
    handlers['settings.get'] = () => {
      throw new Error(`fetch failed for ${leak}`)
    }
    handlers['app.getInfo'] = async () => Promise.reject(new TypeError(leak))
    const logger = memoryLogger()
    const router = createRouter(handlers, policy, logger)
    for (const channel of ['settings.get', 'app.getInfo'] as const) {
      const result = await router.dispatch(channel, undefined, app)
      expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'internal error' } })
      expect(JSON.stringify(result)).not.toContain('LEAKED')
    }
    const errors = logger.lines.filter((l) => l.level === 'error')
    expect(errors).toHaveLength(2)
    // The logger adapter redacts; the router hands it the full exception for diagnosis.
    expect(String(errors[0]?.meta?.error)).toContain('fetch failed')
    expect(errors[0]?.meta?.channel).toBe('settings.get')
  })
})
