/** QuitDialog on Electron: a warning message box, modal on the main window when there is one. */
import { dialog, type BrowserWindow, type MessageBoxOptions } from 'electron'
import type { QuitDialog } from '../../ports/quit-dialog'
import type { QuitWhileLiveTexts } from '../../services/menu/menu-labels'

export function createElectronQuitDialog(deps: { parent: () => BrowserWindow | null; texts: () => QuitWhileLiveTexts }): QuitDialog {
  return {
    async confirmQuitWhileLive(platforms) {
      const t = deps.texts()
      const options: MessageBoxOptions = {
        type: 'warning',
        title: t.title,
        message: `${t.title} ${t.message.replace('{platforms}', platforms.join(', '))}`,
        detail: t.detail,
        buttons: [t.cancel, t.quit],
        // Enter and Esc both keep the app (and the live's controls) open.
        defaultId: 0,
        cancelId: 0,
        noLink: true
      }
      const parent = deps.parent()
      const { response } = parent && !parent.isDestroyed() ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options)
      return response === 1
    }
  }
}
