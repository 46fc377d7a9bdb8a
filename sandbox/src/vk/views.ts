/**
 * Response shapes of reference §7 built from the state: Channel, Owner, Stream, Category, Message.
 */
import type { Category } from './fixtures'
import { IMAGE_PLACEHOLDER } from './images'
import type { ChannelState, StreamState, VkState } from './state'
import { webSocketChannels } from './ws-channels'

export const categoryView = (c: Category): Record<string, unknown> => ({ cover_url: c.cover_url, id: c.id, title: c.title, type: c.type })
export const categoryWithCounters = (c: Category): Record<string, unknown> => ({ counters: { viewers: c.viewers }, ...categoryView(c) })

export function channelView(state: VkState, channel: ChannelState, viewerId: number): Record<string, unknown> {
  const owner = state.users.get(channel.ownerId)
  return {
    avatar_url: owner?.avatar_url ?? '',
    counters: { subscribers: channel.subscribers },
    cover_url: `${IMAGE_PLACEHOLDER}/cover/${channel.url}.png`,
    description: channel.description,
    id: channel.id,
    nick: owner?.nick ?? channel.url,
    nick_color: owner?.nick_color ?? 0,
    status: state.isLive(channel) ? 'online' : 'offline',
    url: channel.url,
    web_socket_channels: webSocketChannels(channel.id, viewerId)
  }
}

export function ownerView(state: VkState, channel: ChannelState): Record<string, unknown> {
  const owner = state.users.get(channel.ownerId)
  return {
    avatar_url: owner?.avatar_url ?? '',
    external_profile_links: [],
    id: channel.ownerId,
    is_verified_streamer: owner?.is_verified_streamer ?? false,
    nick: owner?.nick ?? '',
    nick_color: owner?.nick_color ?? 0
  }
}

export interface StreamViewOptions {
  withSourceUrls?: boolean
  /** `POST /v1/channels` items omit slot, source_urls and status (reference §6.1 note). */
  compact?: boolean
}

export function streamView(channel: ChannelState, stream: StreamState, options: StreamViewOptions = {}): Record<string, unknown> {
  const base: Record<string, unknown> = {
    category: categoryView(stream.category),
    counters: { viewers: stream.ended_at === 0 ? stream.viewers : 0, views: stream.views },
    ended_at: stream.ended_at,
    id: stream.id,
    preview_url: `${IMAGE_PLACEHOLDER}/preview/${stream.id}.png`,
    reactions: [{ count: 12, type: 'heart' }],
    started_at: stream.started_at,
    title: stream.title,
    video_id: stream.video_id,
    vk_video: { owner_id: String(channel.ownerId), video_id: stream.video_id }
  }
  if (options.compact) return base
  return {
    ...base,
    slot: { id: 1, url: 'main' },
    source_urls: options.withSourceUrls ? [{ type: 'hls', url: `https://video.sandbox.invalid/${stream.id}/index.m3u8` }] : [],
    status: stream.ended_at === 0 ? 'started' : 'ended'
  }
}

/** `{channel, owner, stream, streams}`; `stream` is absent for a channel that never streamed. */
export function channelBundle(state: VkState, channel: ChannelState, viewerId: number, options: StreamViewOptions = {}): Record<string, unknown> {
  const bundle: Record<string, unknown> = { channel: channelView(state, channel, viewerId), owner: ownerView(state, channel) }
  if (channel.stream) {
    bundle.stream = streamView(channel, channel.stream, options)
    bundle.streams = [streamView(channel, channel.stream, { ...options, compact: false })]
  } else bundle.streams = []
  return bundle
}
