/**
 * VK's side of the RTMP ingest: the credentials of `/v1/channel/credentials` (`url` =
 * `rtmp://127.0.0.1:<port>/vk`, `token` = the channel's stream key) take a publish that makes the channel's
 * stream live in `/v1/channel` (on the first media, like `POST <control>/vk/stream {live:true}`); the
 * publisher's socket closing ends the stream. An unknown key, a banned channel or a second concurrent
 * publisher is refused.
 */
import type { ChannelState, VkState } from '../vk/state'
import type { PublishAuthorizer } from './registry'

export const VK_RTMP_APP = 'vk'

export function vkPublishAuthorizer(state: VkState): PublishAuthorizer {
  // Keyed by the channel object: `POST /reset` rebuilds the channels, so a publish dropped by the reset
  // (its socket closes a moment later) never blocks a publish to the restored channel.
  const publishing = new Set<ChannelState>()
  return (request) => {
    const channel = [...state.channels.values()].find((c) => c.streamKey === request.name)
    if (!channel) return { refuse: 'unknown stream key' }
    if (channel.banned) return { refuse: 'channel is banned' }
    if (publishing.has(channel)) return { refuse: 'already publishing' }
    publishing.add(channel)
    return {
      accept: {
        onMedia: () => void state.setLive(channel, true),
        onEnd: () => {
          publishing.delete(channel)
          state.setLive(channel, false)
        }
      }
    }
  }
}
