/** SettingsStore on electron-store: the same schema, defaults and migrations as the `conf` adapter. */
import Store from 'electron-store'
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

/** `dataDir` is `app.getPath('userData')` (or a test dir); the file is `<dataDir>/settings.json`. */
export function createElectronSettingsStore(dataDir: string, logger?: Logger): SettingsStore<SettingsDocument> {
  const store = openStoreWithRecovery(
    () =>
      new Store<SettingsDocument>({
        cwd: dataDir,
        name: SETTINGS_FILE_NAME,
        projectVersion: SETTINGS_VERSION,
        schema: settingsJsonSchema,
        defaults: settingsDefaults,
        migrations: settingsMigrations,
        accessPropertiesByDotNotation: false,
        clearInvalidConfig: false
      }),
    join(dataDir, `${SETTINGS_FILE_NAME}.json`),
    logger
  )
  return {
    get: (key) => store.get(key),
    // electron-store refuses `undefined`; for an optional key that means "remove it".
    set: (key, value) => (value === undefined ? store.delete(key) : store.set(key as string, value as unknown)),
    delete: (key) => store.delete(key),
    snapshot: () => store.store
  }
}
