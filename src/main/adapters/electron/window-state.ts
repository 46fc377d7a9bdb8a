/** Window bounds on Electron: the displays' work areas for restoring, and a save when the window closes. */
import { screen, type BrowserWindow } from 'electron'
import type { Rect } from '../../services/window-state/window-bounds'
import type { WindowStateService } from '../../services/window-state/window-state-service'

/** Work areas with the primary display first, as `restoreWindowState` expects. */
export function displayWorkAreas(): Rect[] {
  const primary = screen.getPrimaryDisplay()
  const others = screen.getAllDisplays().filter((d) => d.id !== primary.id)
  return [primary, ...others].map((d) => d.workArea)
}

export function trackWindowState(window: BrowserWindow, service: WindowStateService): void {
  // The normal bounds, so a window closed maximized un-maximizes to where the user had it.
  window.on('close', () => service.save({ bounds: window.getNormalBounds(), maximized: window.isMaximized() }))
}
