/** The dashboard window: hardened, with the contract preload, shown once it has painted. */
import type { BrowserWindow } from 'electron'
import type { Logger } from '../../ports/logger'
import { createHardenedWindow, denyAllPolicy } from './harden'

export interface MainWindowOptions {
  readonly preloadPath: string
  readonly url: string
  /** Opens http(s) links the page tried to open as popups in the user's browser. */
  readonly openExternal: (url: string) => void
  readonly logger: Logger
  /** Restored bounds (see window-state); default size when absent. */
  readonly bounds?: { x: number; y: number; width: number; height: number }
  readonly maximized?: boolean
}

/** The default and minimum sizes, also what window-state clamps restored bounds to. */
export const mainWindowLimits = { defaultWidth: 1280, defaultHeight: 800, minWidth: 900, minHeight: 600 } as const

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = createHardenedWindow(
    {
      width: mainWindowLimits.defaultWidth,
      height: mainWindowLimits.defaultHeight,
      ...options.bounds,
      minWidth: mainWindowLimits.minWidth,
      minHeight: mainWindowLimits.minHeight,
      show: false,
      title: 'Livedeck',
      backgroundColor: '#111318'
    },
    { preload: options.preloadPath },
    denyAllPolicy(options.openExternal)
  )
  window.once('ready-to-show', () => {
    if (options.maximized === true) window.maximize()
    window.show()
  })
  window.loadURL(options.url).catch((e: unknown) => options.logger.error('main window failed to load', { error: String(e) }))
  return window
}

/** Brings an existing window to the front (second instance launched). */
export function focusWindow(window: BrowserWindow | null): void {
  if (window === null || window.isDestroyed()) return
  if (window.isMinimized()) window.restore()
  window.show()
  window.focus()
}
