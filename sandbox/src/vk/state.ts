/**
 * The VK simulator's mutable world: channels and their streams, chat history and settings, follows,
 * roles, channel points. Built from the fixtures and rebuilt by `reset()`.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import type { SandboxClock } from '../core/clock'
import * as fx from './fixtures'

export interface StreamState {
  id: string
  title: string
  category: fx.Category
  started_at: number
  ended_at: number
  planned_at: number
  viewers: number
  views: number
  video_id: string
}

export interface ChatSettings {
  allow_access: 'any' | 'subscribers' | 'paid_subscribers'
  allow_access_after: number
  any_message_timeout: number
  same_message_timeout: number
  follow_alert: boolean
  subscription_alert: boolean
  mode?: {
    general?: { is_caps_prohibited?: boolean; is_links_prohibited?: boolean; is_ru_en_numbers?: boolean }
    only_smiles?: Record<string, never>
  }
}

export type ResponsePart =
  | { text: { content: string } }
  | { link: { content: string; url: string } }
  | { mention: { id: number; nick: string } }
  | { smile: fx.Smile }

export interface ChatMessage {
  id: number
  created_at: number
  is_private: boolean
  /** Only for private messages: who may see it. */
  visible_to?: number
  author: {
    id: number
    nick: string
    nick_color: number
    avatar_url: string
    is_owner: boolean
    is_moderator: boolean
    badges: fx.Badge[]
    roles: fx.RoleInfo[]
  }
  parts: ResponsePart[]
}

export interface Reward {
  id: string
  name: string
  description: string
  price: number
  background_color: number
  is_disabled: boolean
  is_message_required: boolean
  max_uses_count: number
  max_uses_count_per_user: number
  repair_timeout: number
  small_url: string
  medium_url: string
  large_url: string
}

export interface Demand {
  id: number
  created_at: number
  status: 'pending' | 'accepted' | 'rejected'
  reward: { id: string; name: string; price: number }
  user: { id: number; nick: string; avatar_url: string; nick_color: number }
  message_parts: ResponsePart[]
}

export interface ChannelState {
  id: number
  url: string
  ownerId: number
  description: string
  subscribers: number
  banned: boolean
  stream: StreamState | undefined
  /** Settings saved while offline; the next stream starts with them. */
  planned: { title: string; category: fx.Category; planned_at: number }
  streamKey: string
  moderators: Set<number>
  /** user id → followed at (unix seconds) */
  followers: Map<number, number>
  paidSubscribers: Set<number>
  roles: Map<number, string[]>
  chatSettings: ChatSettings
  messages: ChatMessage[]
  /** `${userId}` → last accepted message (for slow mode and same-message checks) */
  lastSent: Map<number, { atS: number; text: string; history: Map<string, number> }>
  rewards: Reward[]
  demands: Demand[]
  balances: Map<number, number>
  records: Array<{ id: string; title: string; category: fx.Category; created_at: number; duration: number; stream_started_at: number; views: number; video_id: string }>
}

export const defaultChatSettings = (): ChatSettings => ({
  allow_access: 'any',
  allow_access_after: 0,
  any_message_timeout: 0,
  same_message_timeout: 30,
  follow_alert: true,
  subscription_alert: true,
  mode: { general: { is_caps_prohibited: false, is_links_prohibited: false, is_ru_en_numbers: false } }
})

const MAX_HISTORY = 1000

export class VkState {
  channels = new Map<string, ChannelState>()
  users = new Map<number, fx.UserFixture>()
  private nextMessageId = 627_867_254
  private nextDemandId = 310_001

  constructor(private readonly clock: SandboxClock) {
    this.reset()
  }

  reset(): void {
    const now = this.clock.nowS()
    this.users = new Map(fx.users.map((u) => [u.id, { ...u }]))
    this.channels = new Map(fx.channels.map((c) => [c.url, this.channelFromFixture(c, now)]))
  }

  private channelFromFixture(c: fx.ChannelFixture, now: number): ChannelState {
    const category = fx.categories[c.live ? 2 : 0]!
    const channel: ChannelState = {
      id: c.id,
      url: c.url,
      ownerId: c.owner_id,
      description: c.description,
      subscribers: c.subscribers,
      banned: c.banned,
      stream: undefined,
      planned: { title: `${c.url} stream`, category, planned_at: 0 },
      streamKey: `${c.id}-${randomBytes(12).toString('hex')}`,
      moderators: new Set(c.moderators),
      followers: new Map(c.followers.map((id) => [id, now - 90 * 24 * 3600])),
      paidSubscribers: new Set(c.paid_subscribers),
      roles: new Map(Object.entries(c.roles).map(([id, r]) => [Number(id), [...r]])),
      chatSettings: defaultChatSettings(),
      messages: [],
      lastSent: new Map(),
      rewards: [
        { id: '0c8e4b1a-0000-4000-8000-000000000001', name: 'Hydrate!', description: 'The streamer drinks water', price: 100, background_color: 7, is_disabled: false, is_message_required: false, max_uses_count: 0, max_uses_count_per_user: 0, repair_timeout: 0, small_url: '', medium_url: '', large_url: '' },
        { id: '0c8e4b1a-0000-4000-8000-000000000002', name: 'Song request', description: 'Write the song', price: 500, background_color: 3, is_disabled: false, is_message_required: true, max_uses_count: 0, max_uses_count_per_user: 0, repair_timeout: 60, small_url: '', medium_url: '', large_url: '' }
      ],
      demands: [],
      balances: new Map(fx.users.map((u) => [u.id, 5000])),
      records: [
        { id: fx.RECORD_ID, title: 'Yesterday', category: fx.categories[3]!, created_at: now - 86_400, duration: 7200, stream_started_at: now - 93_600, views: 340, video_id: 'video-1' }
      ]
    }
    if (c.live) {
      channel.stream = {
        id: c.url === 'live_channel' ? fx.LIVE_STREAM_ID : randomUUID(),
        title: 'Evening stream: ranked games',
        category,
        started_at: now - 1800,
        ended_at: 0,
        planned_at: 0,
        viewers: 321,
        views: 1200,
        video_id: `video-${c.id}`
      }
    }
    return channel
  }

  nowS(): number {
    return this.clock.nowS()
  }

  isLive(channel: ChannelState): boolean {
    return channel.stream !== undefined && channel.stream.ended_at === 0
  }

  channelById(id: number): ChannelState | undefined {
    for (const c of this.channels.values()) if (c.id === id) return c
    return undefined
  }

  channelOwnedBy(userId: number): ChannelState | undefined {
    for (const c of this.channels.values()) if (c.ownerId === userId) return c
    return undefined
  }

  findStream(streamId: string): { channel: ChannelState; stream: StreamState } | undefined {
    for (const channel of this.channels.values()) if (channel.stream?.id === streamId) return { channel, stream: channel.stream }
    return undefined
  }

  /** Starts a new stream (with the planned settings) or ends the current one. */
  setLive(channel: ChannelState, live: boolean): StreamState | undefined {
    const now = this.clock.nowS()
    if (live && !this.isLive(channel)) {
      channel.stream = {
        id: randomUUID(),
        title: channel.planned.title,
        category: channel.planned.category,
        started_at: now,
        ended_at: 0,
        planned_at: channel.planned.planned_at,
        viewers: 1,
        views: 0,
        video_id: `video-${randomBytes(4).toString('hex')}`
      }
    } else if (!live && channel.stream && channel.stream.ended_at === 0) {
      channel.stream.ended_at = now
      channel.records.unshift({ id: randomUUID(), title: channel.stream.title, category: channel.stream.category, created_at: now, duration: now - channel.stream.started_at, stream_started_at: channel.stream.started_at, views: channel.stream.views, video_id: channel.stream.video_id })
    }
    return channel.stream
  }

  nextMessage(): number {
    return this.nextMessageId++
  }

  nextDemand(): number {
    return this.nextDemandId++
  }

  addMessage(channel: ChannelState, message: ChatMessage): void {
    channel.messages.push(message)
    if (channel.messages.length > MAX_HISTORY) channel.messages.splice(0, channel.messages.length - MAX_HISTORY)
  }

  /** The author block of a chat message as the channel sees this user. */
  author(channel: ChannelState, userId: number): ChatMessage['author'] {
    const user = this.users.get(userId)
    const roleIds = channel.roles.get(userId) ?? []
    const isOwner = channel.ownerId === userId
    const badges = [...(user?.badges ?? [])].filter((b) => b.achievement_name !== 'owner' || isOwner)
    if (channel.paidSubscribers.has(userId) && !badges.some((b) => b.achievement_name.startsWith('subscription'))) badges.push(fx.badges.subscription)
    return {
      id: userId,
      nick: user?.nick ?? `user${userId}`,
      nick_color: user?.nick_color ?? 0,
      avatar_url: user?.avatar_url ?? '',
      is_owner: isOwner,
      is_moderator: channel.moderators.has(userId),
      badges,
      roles: fx.roles.filter((r) => roleIds.includes(r.id))
    }
  }
}
