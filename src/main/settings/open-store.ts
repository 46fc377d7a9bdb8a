/**
 * Opening a settings file must not brick the app: a file that no longer parses or validates (hand
 * edit, disk error, a downgrade) is moved aside and a fresh one is started, with a warning.
 */
import { existsSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import type { Logger } from '../ports/logger'
import type { SettingsStore } from '../ports/settings-store'
import {
  SETTINGS_FILE_NAME,
  SETTINGS_VERSION,
  settingsDefaults,
  settingsJsonSchema,
  settingsMigrations,
  type SettingsDocument
} from './schema'

export function openStoreWithRecovery<S>(open: () => S, filePath: string, logger?: Logger): S {
  try {
    return open()
  } catch (error) {
    if (!existsSync(filePath)) throw error
    const aside = `${filePath}.invalid-${Date.now()}`
    renameSync(filePath, aside)
    logger?.warn('settings file was unreadable; started fresh and kept the old one', { aside, error })
    return open()
  }
}

/** The options both stores take alike (electron-store's options extend conf's). */
export const sharedStoreOptions = {
  projectVersion: SETTINGS_VERSION,
  // Per-key JSON schemas derived from the zod document schema (see settings/schema.ts).
  schema: settingsJsonSchema,
  defaults: settingsDefaults,
  migrations: settingsMigrations,
  // Our top-level keys are plain names and the secrets record has dotted keys (`vk.clientSecret`).
  accessPropertiesByDotNotation: false,
  clearInvalidConfig: false
} as const

/** What the adapter needs of a conf or electron-store instance. */
export interface ConfLike {
  get(key: string): unknown
  set(key: string, value: unknown): void
  delete(key: string): void
  readonly store: SettingsDocument
}

/**
 * Opens `<dataDir>/settings.json` with `open` (recovering from an unreadable file) and adapts it to the
 * port. conf and electron-store both refuse `undefined`; for an optional key that means "remove it".
 */
export function openSettingsStore(open: () => ConfLike, dataDir: string, logger?: Logger): SettingsStore<SettingsDocument> {
  const store = openStoreWithRecovery(open, join(dataDir, `${SETTINGS_FILE_NAME}.json`), logger)
  return {
    get: (key) => store.get(key) as SettingsDocument[typeof key],
    set: (key, value) => (value === undefined ? store.delete(key) : store.set(key, value)),
    delete: (key) => store.delete(key),
    snapshot: () => store.store
  }
}
