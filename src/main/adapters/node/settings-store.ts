/** SettingsStore on `conf`: the same schema, defaults and migrations as the electron-store adapter. */
import Conf from 'conf'
import { join } from 'node:path'
import type { Logger } from '../../ports/logger'
import type { SettingsStore } from '../../ports/settings-store'
import { openStoreWithRecovery } from '../../settings/open-store'
import {
  SETTINGS_FILE_NAME,
  SETTINGS_VERSION,
  settingsDefaults,
  settingsJsonSchema,
  settingsMigrations,
  type SettingsDocument
} from '../../settings/schema'

/** `dataDir` must be absolute (conf refuses a relative cwd outside Electron). */
export function createConfSettingsStore(dataDir: string, logger?: Logger): SettingsStore<SettingsDocument> {
  const conf = openStoreWithRecovery(
    () =>
      new Conf<SettingsDocument>({
        cwd: dataDir,
        configName: SETTINGS_FILE_NAME,
        projectName: 'livedeck',
        projectVersion: SETTINGS_VERSION,
        // Per-key JSON schemas derived from the zod document schema (see settings/schema.ts).
        schema: settingsJsonSchema,
        defaults: settingsDefaults,
        migrations: settingsMigrations,
        // Our top-level keys are plain names and the secrets record has dotted keys (`vk.clientSecret`).
        accessPropertiesByDotNotation: false,
        clearInvalidConfig: false
      }),
    join(dataDir, `${SETTINGS_FILE_NAME}.json`),
    logger
  )
  return {
    get: (key) => conf.get(key),
    // conf refuses `undefined`; for an optional key that means "remove it".
    set: (key, value) => (value === undefined ? conf.delete(key) : conf.set(key as string, value as unknown)),
    delete: (key) => conf.delete(key),
    snapshot: () => conf.store
  }
}
