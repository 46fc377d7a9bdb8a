/**
 * The persisted settings document: one schema, defaults and migrations module shared by both
 * SettingsStore adapters (electron-store in Electron, `conf` under Node), so a data dir written by one
 * reads the same in the other. Only non-secret values and base64 ciphertexts live here.
 */
import { z } from 'zod'
import { secretKeys } from '../../shared/ipc/domain'
import { kuaishouAppSettingsSchema, languageSchema, uiPrefsSchema, vkAppSettingsSchema } from '../../shared/ipc/domain-schemas'
import { obsSettingsSchema } from '../../shared/ipc/obs-schemas'
import { windowStateSchema } from '../services/window-state/window-bounds'

/** Bumped when the document's shape changes; a migration keyed by the new version upgrades old files. */
export const SETTINGS_VERSION = '1.0.0'
export const SETTINGS_FILE_NAME = 'settings'

const base64 = z.string().max(8192).regex(/^[A-Za-z0-9+/]*={0,2}$/)

export const settingsDocumentSchema = z.object({
  /** Absent until the user picks one: the app then follows the OS language. */
  language: languageSchema.optional(),
  vk: vkAppSettingsSchema,
  kuaishou: kuaishouAppSettingsSchema,
  /** Secret key → base64 ciphertext from the Cipher port. */
  secrets: z.partialRecord(z.enum(secretKeys), base64),
  /** Main window bounds, saved on close (absent until the first close). */
  window: windowStateSchema.optional(),
  /** obs-websocket address (absent: the default); its password is the `obs.password` secret. */
  obs: obsSettingsSchema.optional(),
  /** Dashboard theme and split (absent: the defaults). */
  ui: uiPrefsSchema.optional()
})
export type SettingsDocument = z.infer<typeof settingsDocumentSchema>

/**
 * VK scopes for what Livedeck does (reference §5): stream key, stream title/category, sending chat
 * messages and managing chat settings. Channel points and roles are not used by the app.
 */
export const defaultVkScopes = ['channel:credentials', 'channel:stream:settings', 'chat:message:send', 'chat:settings']
export const defaultKuaishouScopes = ['user_info', 'user_video_live']

export const settingsDefaults: SettingsDocument = {
  vk: { clientId: '', redirectUri: '', scopes: defaultVkScopes },
  kuaishou: { appId: '', redirectUri: '', scopes: defaultKuaishouScopes, bizId: '' },
  secrets: {}
}

/** Per-key JSON schemas (draft 2020-12, what conf/electron-store validate with ajv), derived from zod. */
export const settingsJsonSchema = (
  z.toJSONSchema(settingsDocumentSchema, { io: 'input' }) as { properties: Record<string, object> }
).properties

/** The slice of a store a migration may use (conf and electron-store both provide it). */
export interface MigrationStore {
  get(key: string): unknown
  set(key: string, value: unknown): void
  has(key: string): boolean
  delete(key: string): void
}

/**
 * Migrations keyed by the settings version that introduced them (semver, run in order by the store).
 * Version 1.0.0 is the first shape, so there is nothing to migrate yet; add `'1.1.0': (store) => …`
 * here when the document changes.
 */
export const settingsMigrations: Record<string, (store: MigrationStore) => void> = {}
