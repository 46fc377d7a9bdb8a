/**
 * One "resume" hook for everything that must catch up after the machine slept or the network came
 * back: VK's pubsub reconnects with fresh tokens, token expiry is re-checked, live status re-polled.
 *
 * - Waking while offline does not fire: sockets would fail at once. It fires when the network returns.
 * - Wake and network-back usually arrive together (Wi-Fi reconnects right after wake); one resume is
 *   enough, so triggers within `coalesceMs` of a resume are merged.
 */
import type { Clock } from '../../ports/clock'
import type { Logger } from '../../ports/logger'
import type { SystemSignals } from '../../ports/system-signals'

export type ResumeReason = 'wake' | 'online'
export type ResumeListener = (reason: ResumeReason) => void | Promise<void>

export interface AppLifecycle {
  /** Returns the unsubscribe function. */
  onResume(listener: ResumeListener): () => void
  dispose(): void
}

export interface AppLifecycleDeps {
  readonly signals: SystemSignals
  readonly clock: Clock
  readonly logger: Logger
  readonly coalesceMs?: number
}

export function createAppLifecycle(deps: AppLifecycleDeps): AppLifecycle {
  const { signals, clock, logger } = deps
  const coalesceMs = deps.coalesceMs ?? 5_000
  const listeners = new Set<ResumeListener>()
  let lastResumeAt = Number.NEGATIVE_INFINITY

  const fire = (reason: ResumeReason): void => {
    if (clock.now() - lastResumeAt < coalesceMs) return
    lastResumeAt = clock.now()
    logger.info('resuming after sleep or network loss', { reason })
    for (const listener of [...listeners]) {
      // One subscriber failing (e.g. a token refresh refused) must not keep the others from catching up.
      Promise.resolve()
        .then(() => listener(reason))
        .catch((error: unknown) => logger.warn('a resume subscriber failed', { reason, error: String(error) }))
    }
  }

  const unsubscribers = [
    signals.onSuspend(() => {
      // A resume just before sleeping must not swallow the one after waking.
      lastResumeAt = Number.NEGATIVE_INFINITY
    }),
    signals.onResume(() => {
      // Offline: the 'online' change fires the resume once the network is back.
      if (signals.isOnline()) fire('wake')
    }),
    signals.onOnlineChange((online) => {
      if (online) fire('online')
    })
  ]

  return {
    onResume(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    dispose() {
      unsubscribers.forEach((u) => u())
      listeners.clear()
    }
  }
}
