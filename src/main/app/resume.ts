/**
 * What each platform does when the machine wakes or the network returns (AppLifecycle's resume hook):
 * - VK: re-check the stored token (refresh or "reconnect needed"), then reopen an open chat so pubsub
 *   reconnects with fresh connection and subscription tokens instead of retrying stale ones.
 * - Kuaishou: re-poll the live's status (which refreshes an expired token on the way).
 * Each platform runs on its own: one failing does not hold the other back.
 */
import type { Logger } from '../ports/logger'
import type { AppLifecycle } from '../services/lifecycle/app-lifecycle'
import type { MainApp } from './compose'

export type ResumablePlatforms = {
  readonly vk: { readonly account: Pick<MainApp['vk']['account'], 'checkStoredToken'>; readonly chat: Pick<MainApp['vk']['chat'], 'status' | 'open'> }
  readonly kuaishou: { readonly live: Pick<MainApp['kuaishou']['live'], 'view' | 'refresh'> }
}

export async function resumeVk(vk: ResumablePlatforms['vk']): Promise<void> {
  const account = await vk.account.checkStoredToken()
  const chat = vk.chat.status()
  const open = chat.channelUrl !== null && chat.transport !== 'idle' && chat.transport !== 'stopped'
  if (open && account.state === 'connected') await vk.chat.open(chat.channelUrl ?? undefined)
}

export async function resumeKuaishou(kuaishou: ResumablePlatforms['kuaishou']): Promise<void> {
  if (kuaishou.live.view() !== null) await kuaishou.live.refresh()
}

/** Subscribes both platforms to the resume hook; returns the unsubscribe function. */
export function subscribePlatformsToResume(lifecycle: AppLifecycle, platforms: ResumablePlatforms, logger: Logger): () => void {
  return lifecycle.onResume(async () => {
    const results = await Promise.allSettled([resumeVk(platforms.vk), resumeKuaishou(platforms.kuaishou)])
    results.forEach((r, i) => {
      if (r.status === 'rejected') logger.warn('a platform could not catch up after resume', { platform: i === 0 ? 'vk' : 'kuaishou', error: String(r.reason) })
    })
  })
}
