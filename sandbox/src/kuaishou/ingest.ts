/**
 * Kuaishou's side of the RTMP ingest (reference §6, §8.5): publishes to `/gifshow/<liveStreamName>?sign=…`.
 * Refused: an unknown stream, a wrong sign, a URL past its 2-day lifetime, an ended live, and any second
 * publish of the URL (single use) — unless `reconnectWithinGrace` is on and the first publisher is gone
 * but still inside the grace period, which then continues the same live. Audio that is not AAC is flagged
 * (`audio_not_aac`), or refused with `refuseNonAacAudio`.
 */
import type { PublishAuthorizer } from '../rtmp/registry'
import type { KuaishouLives } from './lives'

export const KUAISHOU_RTMP_APP = 'gifshow'

/** FLV audio codec id of AAC, the only audio Kuaishou takes (reference §5.1, §8.5). */
const FLV_AAC = 10

export function kuaishouPublishAuthorizer(lives: KuaishouLives, options: () => { reconnectWithinGrace: boolean; refuseNonAacAudio: boolean }): PublishAuthorizer {
  return (request, drop) => {
    const live = lives.get(request.name)
    if (!live) return { refuse: 'unknown stream' }
    if (request.query.sign !== live.sign) return { refuse: 'bad sign' }
    if (live.status === 'LIVE_END') return { refuse: 'live ended: the push URL is used up' }
    if (live.drop) return { refuse: 'already publishing' }
    const resuming = live.publishes > 0 && live.grace !== undefined && options().reconnectWithinGrace
    if (live.publishes > 0 && !resuming) return { refuse: 'push URL already used' }
    live.grace?.cancel()
    live.grace = undefined
    live.publishes += 1
    live.drop = drop
    let refused = false
    return {
      accept: {
        onMedia: ({ audio }) => {
          const notAac = audio !== undefined && audio !== FLV_AAC
          if (notAac && options().refuseNonAacAudio) {
            // Refused before the live opened: the URL stays unused, so an AAC publish may follow.
            refused = true
            live.publishes -= 1
            live.drop = undefined
            return { refuse: 'audio must be AAC' }
          }
          lives.mediaArrived(live)
          return notAac ? { flags: ['audio_not_aac'] } : undefined
        },
        onEnd: () => {
          if (!refused) lives.publishGone(live)
        }
      }
    }
  }
}
