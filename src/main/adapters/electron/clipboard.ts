/** Clipboard port on Electron's clipboard (main process). */
import { clipboard } from 'electron'
import type { Clipboard } from '../../ports/clipboard'

export const electronClipboard: Clipboard = {
  writeText: (text) => Promise.resolve(clipboard.writeText(text))
}
