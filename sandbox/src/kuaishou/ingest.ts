/**
 * Kuaishou's side of the RTMP ingest (reference §6, §8.5): publishes to `/gifshow/<liveStreamName>?sign=…`.
 * Refused: an unknown stream, a wrong sign, a URL past its 2-day lifetime, an ended live, and any second
 * publish of the URL (single use) — unless `reconnectWithinGrace` is on and the first publisher is gone
 * but still inside the grace period, which then continues the same live.
 */
import type { PublishAuthorizer } from '../rtmp/registry'
import type { KuaishouLives } from './lives'

export const KUAISHOU_RTMP_APP = 'gifshow'

export function kuaishouPublishAuthorizer(lives: KuaishouLives, reconnectWithinGrace: () => boolean): PublishAuthorizer {
  return (request, drop) => {
    const live = lives.get(request.name)
    if (!live) return { refuse: 'unknown stream' }
    if (request.query.sign !== live.sign) return { refuse: 'bad sign' }
    if (live.status === 'LIVE_END') return { refuse: 'live ended: the push URL is used up' }
    if (live.drop) return { refuse: 'already publishing' }
    const resuming = live.publishes > 0 && live.grace !== undefined && reconnectWithinGrace()
    if (live.publishes > 0 && !resuming) return { refuse: 'push URL already used' }
    live.grace?.cancel()
    live.grace = undefined
    live.publishes += 1
    live.drop = drop
    return {
      accept: {
        onMedia: () => lives.mediaArrived(live),
        onEnd: () => lives.publishGone(live)
      }
    }
  }
}
