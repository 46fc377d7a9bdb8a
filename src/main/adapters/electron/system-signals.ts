/**
 * SystemSignals on Electron: `powerMonitor` for sleep/wake. Electron has no "network changed" event
 * in main, so `net.isOnline()` is sampled every few seconds and changes are reported.
 */
import { net, powerMonitor } from 'electron'
import type { SystemSignals } from '../../ports/system-signals'

export function createElectronSystemSignals(pollMs = 5_000): SystemSignals {
  const onlineListeners = new Set<(online: boolean) => void>()
  let online = net.isOnline()
  let timer: ReturnType<typeof setInterval> | null = null
  const sample = (): void => {
    const now = net.isOnline()
    if (now === online) return
    online = now
    for (const l of [...onlineListeners]) l(now)
  }
  const on = (event: 'suspend' | 'resume', listener: () => void): (() => void) => {
    powerMonitor.on(event as 'resume', listener)
    return () => void powerMonitor.removeListener(event as 'resume', listener)
  }
  return {
    onSuspend: (listener) => on('suspend', listener),
    onResume: (listener) => on('resume', listener),
    onOnlineChange(listener) {
      onlineListeners.add(listener)
      if (timer === null) {
        timer = setInterval(sample, pollMs)
        timer.unref?.()
      }
      return () => {
        onlineListeners.delete(listener)
        if (onlineListeners.size === 0 && timer !== null) {
          clearInterval(timer)
          timer = null
        }
      }
    },
    isOnline: () => online
  }
}
