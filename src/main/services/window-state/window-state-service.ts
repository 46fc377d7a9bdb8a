/**
 * Persists the main window's bounds in the settings store. A stored value that no longer parses
 * (hand edit, older shape) is ignored rather than trusted.
 */
import type { Logger } from '../../ports/logger'
import type { SettingsStore } from '../../ports/settings-store'
import type { SettingsDocument } from '../../settings/schema'
import { restoreWindowState, windowStateSchema, type Rect, type WindowLimits, type WindowState } from './window-bounds'

export interface WindowStateService {
  /** The state to open with, clamped to `workAreas` (primary display first). */
  restore(workAreas: readonly Rect[]): WindowState
  /** `bounds` are the normal (un-maximized) bounds, so un-maximizing later lands where the user left it. */
  save(state: WindowState): void
}

export function createWindowStateService(deps: {
  readonly store: SettingsStore<SettingsDocument>
  readonly limits: WindowLimits
  readonly logger: Logger
}): WindowStateService {
  const stored = (): WindowState | null => {
    const raw = deps.store.get('window')
    if (raw === undefined) return null
    const parsed = windowStateSchema.safeParse(raw)
    if (parsed.success) return parsed.data
    deps.logger.warn('stored window bounds are invalid; using defaults')
    return null
  }
  return {
    restore: (workAreas) => restoreWindowState(stored(), workAreas, deps.limits),
    save(state) {
      const rounded: WindowState = {
        maximized: state.maximized,
        bounds: {
          x: Math.round(state.bounds.x),
          y: Math.round(state.bounds.y),
          width: Math.round(state.bounds.width),
          height: Math.round(state.bounds.height)
        }
      }
      const parsed = windowStateSchema.safeParse(rounded)
      if (parsed.success) deps.store.set('window', parsed.data)
    }
  }
}
