/** SettingsStore on `conf`: the same schema, defaults and migrations as the electron-store adapter. */
import Conf from 'conf'
import type { Logger } from '../../ports/logger'
import type { SettingsStore } from '../../ports/settings-store'
import { openSettingsStore, sharedStoreOptions } from '../../settings/open-store'
import { SETTINGS_FILE_NAME, type SettingsDocument } from '../../settings/schema'

/** `dataDir` must be absolute (conf refuses a relative cwd outside Electron). */
export function createConfSettingsStore(dataDir: string, logger?: Logger): SettingsStore<SettingsDocument> {
  return openSettingsStore(
    () => new Conf<SettingsDocument>({ ...sharedStoreOptions, cwd: dataDir, configName: SETTINGS_FILE_NAME, projectName: 'livedeck' }),
    dataDir,
    logger
  )
}
