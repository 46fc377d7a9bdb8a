import { useEffect } from 'react'
import { refreshChannel, useVkChannel } from './channel-store'

/** How often the channel view is re-read while the page is visible (viewers, status). */
export const CHANNEL_REFRESH_MS = 15_000

/**
 * Reads the channel now and then every CHANNEL_REFRESH_MS while the page is visible; a hidden page
 * stops polling and catches up as soon as it is shown again.
 */
export function useChannelRefresh(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) {
      useVkChannel.getState().set({ channel: null, error: null })
      return
    }
    void refreshChannel()
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void refreshChannel()
    }, CHANNEL_REFRESH_MS)
    const onVisible = (): void => {
      if (document.visibilityState === 'visible') void refreshChannel()
    }
    document.addEventListener('visibilitychange', onVisible)
    return () => {
      clearInterval(timer)
      document.removeEventListener('visibilitychange', onVisible)
    }
  }, [enabled])
}
