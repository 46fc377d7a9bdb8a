/**
 * An in-memory `window.livedeck` for renderer tests, built with the same `buildLivedeckApi` the preload
 * and the bridge use. It keeps settings like main does (secrets write-only) and records every call so
 * tests can check exactly what crossed the boundary.
 */
import { buildLivedeckApi } from '../../../shared/ipc/build-api'
import { invokeChannels, type EventName, type InvokeChannel, type LivedeckApi } from '../../../shared/ipc/contract'
import type { AppInfo, SecretKey, SettingsView } from '../../../shared/ipc/domain'
import { fail, ok, type Result } from '../../../shared/ipc/result'

export interface FakeLivedeck {
  readonly api: LivedeckApi
  readonly calls: { channel: InvokeChannel; input: unknown }[]
  /** Secrets as main would hold them (tests assert they arrived, and never came back). */
  readonly secrets: Map<SecretKey, string>
  emit(event: EventName, payload: unknown): void
}

export const emptySettings: SettingsView = {
  language: 'en',
  vk: { clientId: '', redirectUri: '', scopes: [], clientSecretConfigured: false },
  kuaishou: { appId: '', redirectUri: '', scopes: [], bizId: '', appSecretConfigured: false },
  ui: { theme: 'system', split: 0.5 }
}

export function createFakeLivedeck(info: AppInfo = { version: '0.0.0', platform: 'web', sandbox: { active: false } }): FakeLivedeck {
  let settings: SettingsView = emptySettings
  const secrets = new Map<SecretKey, string>()
  const calls: FakeLivedeck['calls'] = []
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>()

  const view = (): SettingsView => ({
    ...settings,
    vk: { ...settings.vk, clientSecretConfigured: secrets.has('vk.clientSecret') },
    kuaishou: { ...settings.kuaishou, appSecretConfigured: secrets.has('kuaishou.appSecret') }
  })

  const handle = (channel: InvokeChannel, input: unknown): Result<unknown> => {
    // Parse like main's router does, so the renderer is tested against the real input schemas.
    const parsed = invokeChannels[channel].input.safeParse(input)
    if (!parsed.success) return fail('invalid_input', 'invalid input')
    const data = parsed.data as { key?: SecretKey; value?: string } | undefined
    switch (channel) {
      case 'app.getInfo':
        return ok(info)
      case 'settings.get':
        return ok(view())
      case 'settings.update': {
        const patch = parsed.data as Partial<SettingsView>
        settings = {
          language: patch.language ?? settings.language,
          vk: { ...settings.vk, ...patch.vk },
          kuaishou: { ...settings.kuaishou, ...patch.kuaishou },
          ui: { ...settings.ui, ...patch.ui }
        }
        return ok(view())
      }
      case 'secrets.set':
        secrets.set(data!.key!, data!.value!)
        return ok(view())
      case 'secrets.clear':
        secrets.delete(data!.key!)
        return ok(view())
      default:
        return fail('unknown_channel', 'not faked')
    }
  }

  const api = buildLivedeckApi(
    (channel, input) => {
      calls.push({ channel, input })
      return Promise.resolve(handle(channel, input))
    },
    (event, listener) => {
      const set = listeners.get(event) ?? new Set()
      listeners.set(event, set)
      set.add(listener)
      return () => set.delete(listener)
    }
  )
  return {
    api,
    calls,
    secrets,
    emit: (event, payload) => listeners.get(event)?.forEach((l) => l(payload))
  }
}

/** Installs the fake as `window.livedeck` (the property is read-only in the app's typings). */
export function installFakeLivedeck(fake: FakeLivedeck): void {
  Object.defineProperty(window, 'livedeck', { value: fake.api, configurable: true })
}
