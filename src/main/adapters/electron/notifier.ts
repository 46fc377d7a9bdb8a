/** Notifier port on Electron's native notifications; silently skipped where the OS has none. */
import { Notification } from 'electron'
import type { Notifier } from '../../ports/notifier'

export const electronNotifier: Notifier = {
  notify({ title, body }) {
    if (Notification.isSupported()) new Notification({ title, body }).show()
  }
}
