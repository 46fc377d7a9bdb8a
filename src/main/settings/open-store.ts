/**
 * Opening a settings file must not brick the app: a file that no longer parses or validates (hand
 * edit, disk error, a downgrade) is moved aside and a fresh one is started, with a warning.
 */
import { existsSync, renameSync } from 'node:fs'
import type { Logger } from '../ports/logger'

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
