/**
 * App settings: non-secret values the renderer may read and change, and the platform app secrets
 * (`vk.clientSecret`, `kuaishou.appSecret`) which it may only set or clear. Secrets are stored as
 * base64 ciphertext from the Cipher port; only main services read them back (`getSecret`).
 */
import {
  defaultUiPrefs,
  type KuaishouAppSettings,
  type Language,
  type SecretKey,
  type SettingsPatch,
  type SettingsView,
  type VkAppSettings
} from '../../../shared/ipc/domain'
import { kuaishouAppSettingsSchema, uiPrefsSchema, vkAppSettingsSchema } from '../../../shared/ipc/domain-schemas'
import { AppError } from '../../errors'
import { CipherError, type Cipher } from '../../ports/cipher'
import type { Logger } from '../../ports/logger'
import type { SettingsStore } from '../../ports/settings-store'
import { settingsDefaults, type SettingsDocument } from '../../settings/schema'

/** App credentials to fill into blank fields (the sandbox's apps at start-up). */
export interface AppPrefill {
  readonly vk?: { readonly clientId: string; readonly clientSecret: string; readonly redirectUri: string }
  readonly kuaishou?: { readonly appId: string; readonly appSecret: string; readonly redirectUri: string }
}

export interface SettingsService {
  view(): SettingsView
  update(patch: SettingsPatch): SettingsView
  setSecret(key: SecretKey, value: string): Promise<SettingsView>
  clearSecret(key: SecretKey): SettingsView
  /** The decrypted secret, or null when unset or unreadable on this machine (then it is cleared). */
  getSecret(key: SecretKey): Promise<string | null>
  /** Fills blank app fields only: what the user typed always wins. */
  prefill(apps: AppPrefill): Promise<SettingsView>
  /** Returns the unsubscribe function. */
  onChange(listener: (view: SettingsView) => void): () => void
}

export interface SettingsServiceDeps {
  readonly store: SettingsStore<SettingsDocument>
  readonly cipher: Cipher
  readonly logger: Logger
  /** The OS language, used until the user picks one. */
  readonly defaultLanguage?: Language
}

const uniq = (list: readonly string[]): string[] => [...new Set(list)]

export function createSettingsService(deps: SettingsServiceDeps): SettingsService {
  const { store, cipher, logger } = deps
  const listeners = new Set<(view: SettingsView) => void>()

  // Stored values were validated on write, but a hand-edited file can still break the refinements
  // the JSON schema cannot express; fall back to defaults rather than serve an invalid value.
  const readVk = (): VkAppSettings => {
    const parsed = vkAppSettingsSchema.safeParse(store.get('vk'))
    if (parsed.success) return parsed.data
    logger.warn('stored VK settings are invalid; using defaults')
    return settingsDefaults.vk
  }
  const readKuaishou = (): KuaishouAppSettings => {
    const parsed = kuaishouAppSettingsSchema.safeParse(store.get('kuaishou'))
    if (parsed.success) return parsed.data
    logger.warn('stored Kuaishou settings are invalid; using defaults')
    return settingsDefaults.kuaishou
  }
  const secrets = () => store.get('secrets') ?? {}
  const readUi = () => uiPrefsSchema.safeParse(store.get('ui')).data ?? defaultUiPrefs

  const view = (): SettingsView => {
    const stored = secrets()
    return {
      language: store.get('language') ?? deps.defaultLanguage ?? 'en',
      vk: { ...readVk(), clientSecretConfigured: stored['vk.clientSecret'] !== undefined },
      kuaishou: { ...readKuaishou(), appSecretConfigured: stored['kuaishou.appSecret'] !== undefined },
      ui: readUi()
    }
  }

  const changed = (): SettingsView => {
    const v = view()
    for (const l of [...listeners]) l(v)
    return v
  }

  const writeSecret = (key: SecretKey, base64: string | undefined): void => {
    const next = { ...secrets() }
    if (base64 === undefined) delete next[key]
    else next[key] = base64
    store.set('secrets', next)
  }

  const setSecret = async (key: SecretKey, value: string): Promise<void> => {
    // Pasted secrets often carry a trailing newline; no platform secret has surrounding spaces.
    const trimmed = value.trim()
    if (trimmed === '') throw new AppError('invalid_input', 'the secret is empty')
    writeSecret(key, Buffer.from(await cipher.encrypt(trimmed)).toString('base64'))
  }

  return {
    view,
    update(patch) {
      if (patch.language !== undefined) store.set('language', patch.language)
      if (patch.ui) store.set('ui', uiPrefsSchema.parse({ ...readUi(), ...patch.ui }))
      if (patch.vk) {
        const next = vkAppSettingsSchema.parse({ ...readVk(), ...patch.vk })
        store.set('vk', { ...next, scopes: uniq(next.scopes) })
      }
      if (patch.kuaishou) {
        const next = kuaishouAppSettingsSchema.parse({ ...readKuaishou(), ...patch.kuaishou })
        store.set('kuaishou', { ...next, scopes: uniq(next.scopes) })
      }
      return changed()
    },
    async setSecret(key, value) {
      await setSecret(key, value)
      return changed()
    },
    clearSecret(key) {
      writeSecret(key, undefined)
      return changed()
    },
    async getSecret(key) {
      const stored = secrets()[key]
      if (stored === undefined) return null
      try {
        return await cipher.decrypt(Buffer.from(stored, 'base64'))
      } catch (e) {
        if (!(e instanceof CipherError)) throw e
        // Unreadable here for good (other machine, keyring reset): show it as not configured so the
        // user enters it again, instead of failing every sign-in with an opaque error.
        logger.warn('a stored app secret cannot be decrypted on this machine; cleared it', { key })
        writeSecret(key, undefined)
        changed()
        return null
      }
    },
    async prefill(apps) {
      const vk = readVk()
      if (apps.vk) {
        store.set('vk', vkAppSettingsSchema.parse({
          ...vk,
          clientId: vk.clientId || apps.vk.clientId,
          redirectUri: vk.redirectUri || apps.vk.redirectUri
        }))
        if (secrets()['vk.clientSecret'] === undefined) await setSecret('vk.clientSecret', apps.vk.clientSecret)
      }
      const ks = readKuaishou()
      if (apps.kuaishou) {
        store.set('kuaishou', kuaishouAppSettingsSchema.parse({
          ...ks,
          appId: ks.appId || apps.kuaishou.appId,
          redirectUri: ks.redirectUri || apps.kuaishou.redirectUri
        }))
        if (secrets()['kuaishou.appSecret'] === undefined) await setSecret('kuaishou.appSecret', apps.kuaishou.appSecret)
      }
      return changed()
    },
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
  }
}
