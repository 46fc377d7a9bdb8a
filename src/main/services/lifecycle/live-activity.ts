/**
 * What is "on air" right now, derived from the events platform features already emit, so neither
 * feature needs to know about power saving or the quit guard:
 * - Kuaishou: live while its status is LIVING; a push URL is "active" while it is still unused.
 * - VK: live while the chat follows a stream (`vkChat.status` has a stream id).
 */
import type { EventPayloads } from '../../../shared/ipc/contract'
import type { EventHub } from '../../ipc/events'
import type { PowerSaveService } from './power-save'

export interface LiveActivity {
  /** Display names of the platforms live now (for the quit confirmation). */
  livePlatforms(): string[]
  dispose(): void
}

export function createLiveActivity(deps: { readonly events: EventHub; readonly powerSave: PowerSaveService }): LiveActivity {
  const live = new Set<string>()
  const setLive = (platform: string, isLive: boolean): void => {
    if (isLive) live.add(platform)
    else live.delete(platform)
  }

  // The hub's listener is generic over the event name, so the payload is narrowed by hand per name.
  const unsubscribe = deps.events.subscribe((name, payload) => {
    if (name === 'kuaishou.live') {
      const view = payload as EventPayloads['kuaishou.live']
      const isLive = view?.status === 'LIVING'
      setLive('Kuaishou', isLive)
      deps.powerSave.setActive('kuaishou', isLive || (view?.pushUrlRef ?? null) !== null)
    } else if (name === 'vkChat.status') {
      const status = payload as EventPayloads['vkChat.status']
      setLive('VK Video Live', status.streamId !== null)
      deps.powerSave.setActive('vk', status.streamId !== null)
    }
  })

  return {
    livePlatforms: () => [...live],
    dispose: unsubscribe
  }
}
