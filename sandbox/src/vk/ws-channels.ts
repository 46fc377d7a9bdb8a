/**
 * Pubsub channel names (reference §8.4, §10.4.25), minted from the channel id in the observed style:
 * `api-channel-chat:<id>`, `api-channel-info:<id>`, `api-channel-points:<id>`, limited chat
 * `api-channel-limited-chat:<id>`, and private variants ending in `#<user id>`.
 */
const PREFIX = { chat: 'api-channel-chat', info: 'api-channel-info', points: 'api-channel-points', limited: 'api-channel-limited-chat' } as const

export interface WebSocketChannels {
  chat: string
  private_chat: string
  limited_chat: string
  limited_private_chat: string
  info: string
  private_info: string
  channel_points: string
  private_channel_points: string
}

export const chatChannel = (channelId: number): string => `${PREFIX.chat}:${channelId}`
export const infoChannel = (channelId: number): string => `${PREFIX.info}:${channelId}`
export const pointsChannel = (channelId: number): string => `${PREFIX.points}:${channelId}`
export const privateOf = (name: string, userId: number): string => `${name}#${userId}`

/** Names for a viewer; private ones carry the viewer's id (0 for application callers, who have none). */
export function webSocketChannels(channelId: number, viewerId: number): WebSocketChannels {
  const limited = `${PREFIX.limited}:${channelId}`
  return {
    chat: chatChannel(channelId),
    private_chat: privateOf(chatChannel(channelId), viewerId),
    limited_chat: limited,
    limited_private_chat: privateOf(limited, viewerId),
    info: infoChannel(channelId),
    private_info: privateOf(infoChannel(channelId), viewerId),
    channel_points: pointsChannel(channelId),
    private_channel_points: privateOf(pointsChannel(channelId), viewerId)
  }
}

export interface ParsedChannel {
  kind: 'public' | 'limited' | 'private'
  channelId: number
  /** For private channels: the only user who may subscribe. */
  userId?: number
}

const NAME = /^(api-channel-chat|api-channel-info|api-channel-points|api-channel-limited-chat):(\d{1,15})(?:#(\d{1,15}))?$/

export function parseChannelName(name: string): ParsedChannel | undefined {
  const m = NAME.exec(name)
  if (!m) return undefined
  const channelId = Number(m[2])
  if (m[3] !== undefined) return { kind: 'private', channelId, userId: Number(m[3]) }
  return { kind: m[1] === PREFIX.limited ? 'limited' : 'public', channelId }
}
