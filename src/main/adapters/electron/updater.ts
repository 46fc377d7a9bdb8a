/**
 * electron-updater on a generic feed, started only when `resolveUpdateFeed` found one. The module is
 * imported lazily so an unconfigured app never loads it.
 */
import type { Logger } from '../../ports/logger'

export async function startAutoUpdate(feedUrl: string, logger: Logger): Promise<void> {
  const { autoUpdater } = await import('electron-updater')
  autoUpdater.logger = null
  autoUpdater.setFeedURL({ provider: 'generic', url: feedUrl })
  autoUpdater.on('error', (e: Error) => logger.warn('update check failed', { error: e.message }))
  await autoUpdater.checkForUpdatesAndNotify()
}
