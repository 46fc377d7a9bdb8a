/** SettingsStore on electron-store: the same schema, defaults and migrations as the `conf` adapter. */
import Store from 'electron-store'
import type { Logger } from '../../ports/logger'
import type { SettingsStore } from '../../ports/settings-store'
import { openSettingsStore, sharedStoreOptions } from '../../settings/open-store'
import { SETTINGS_FILE_NAME, type SettingsDocument } from '../../settings/schema'

/** `dataDir` is `app.getPath('userData')` (or a test dir); the file is `<dataDir>/settings.json`. */
export function createElectronSettingsStore(dataDir: string, logger?: Logger): SettingsStore<SettingsDocument> {
  return openSettingsStore(
    () => new Store<SettingsDocument>({ ...sharedStoreOptions, cwd: dataDir, name: SETTINGS_FILE_NAME }),
    dataDir,
    logger
  )
}
