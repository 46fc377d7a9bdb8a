/**
 * Holds the OS's "don't suspend the app" block while anything that must keep running is active: an
 * unused push URL (the encoder may connect any moment), a live. Sources report themselves by name;
 * the block is taken once when the first becomes active and released when the last stops.
 */
import type { Logger } from '../../ports/logger'
import type { PowerSaveBlocker } from '../../ports/power-save-blocker'

export interface PowerSaveService {
  setActive(source: string, active: boolean): void
  isBlocking(): boolean
  /** Releases the block (shutdown). */
  dispose(): void
}

export function createPowerSaveService(deps: { readonly blocker: PowerSaveBlocker; readonly logger: Logger }): PowerSaveService {
  const active = new Set<string>()
  let blocking = false

  const apply = (): void => {
    const want = active.size > 0
    if (want === blocking) return
    if (want) deps.blocker.start()
    else deps.blocker.stop()
    blocking = want
    deps.logger.info(want ? 'keeping the system awake while live' : 'system may sleep again', { sources: [...active] })
  }

  return {
    setActive(source, isActive) {
      if (isActive) active.add(source)
      else active.delete(source)
      apply()
    },
    isBlocking: () => blocking,
    dispose() {
      active.clear()
      apply()
    }
  }
}
