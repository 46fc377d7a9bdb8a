/**
 * VK Video Live fixtures (reference §10.5): two channel owners (one live, one offline), a banned channel,
 * a moderator, a paid subscriber, a plain viewer and the platform's chat bot; categories of type `game` and
 * `irl`; smiles, badges, roles, rewards and recordings. `POST <control>/reset` restores exactly this.
 */
export type VkRole = 'owner' | 'moderator' | 'subscriber' | 'viewer' | 'bot'

export interface Badge {
  id: string
  name: string
  achievement_name: string
  small_url: string
  medium_url: string
  large_url: string
}

export interface RoleInfo {
  id: string
  name: string
  small_url: string
  medium_url: string
  large_url: string
}

export interface Category {
  id: string
  title: string
  type: string
  cover_url: string
  viewers: number
}

export interface Smile {
  id: string
  name: string
  animated: boolean
  small_url: string
  medium_url: string
  large_url: string
}

export interface UserFixture {
  id: number
  nick: string
  nick_color: number
  avatar_url: string
  role: VkRole
  /** The channel the role applies to (an owner's own channel). */
  channel_url: string
  is_verified_streamer: boolean
  registered_at: number
  badges: Badge[]
  /** Shown in the users list of the SANDBOX JSON (the banned channel's owner is not offered). */
  listed: boolean
}

export interface ChannelFixture {
  id: number
  url: string
  owner_id: number
  description: string
  subscribers: number
  banned: boolean
  live: boolean
  moderators: number[]
  followers: number[]
  paid_subscribers: number[]
  /** user id → role ids on this channel */
  roles: Record<number, string[]>
}

import { IMAGE_PLACEHOLDER } from './images'

const img = (kind: string, id: string, size: string): string => `${IMAGE_PLACEHOLDER}/${kind}/${id}/${size}.png`
const urls = (kind: string, id: string): { small_url: string; medium_url: string; large_url: string } => ({
  small_url: img(kind, id, 's'),
  medium_url: img(kind, id, 'm'),
  large_url: img(kind, id, 'l')
})
const badge = (id: string, achievement: string, name = ''): Badge => ({ id, name, achievement_name: achievement, ...urls('badge', id) })

export const badges = {
  owner: badge('b0d6a1e2-0000-4000-8000-000000000001', 'owner'),
  verified: badge('b0d6a1e2-0000-4000-8000-000000000002', 'verified_streamer'),
  subscription: badge('b0d6a1e2-0000-4000-8000-000000000003', 'subscription_01'),
  chatbot: badge('b0d6a1e2-0000-4000-8000-000000000004', 'internal_chatbot')
}

export const roles: RoleInfo[] = [
  { id: 'c3a0f1d4-0000-4000-8000-000000000001', name: 'VIP', ...urls('role', 'vip') },
  { id: 'c3a0f1d4-0000-4000-8000-000000000002', name: 'Старожил', ...urls('role', 'old') }
]

export const categories: Category[] = [
  { id: '5f1c0a52-0000-4000-8000-000000000001', title: 'Just Chatting', type: 'irl', cover_url: img('category', 'chatting', 'cover'), viewers: 15230 },
  { id: '5f1c0a52-0000-4000-8000-000000000002', title: 'Музыка', type: 'irl', cover_url: img('category', 'music', 'cover'), viewers: 3120 },
  { id: '5f1c0a52-0000-4000-8000-000000000003', title: 'Counter-Strike 2', type: 'game', cover_url: img('category', 'cs2', 'cover'), viewers: 42110 },
  { id: '5f1c0a52-0000-4000-8000-000000000004', title: 'Dota 2', type: 'game', cover_url: img('category', 'dota2', 'cover'), viewers: 38400 },
  { id: '5f1c0a52-0000-4000-8000-000000000005', title: 'Minecraft', type: 'game', cover_url: img('category', 'minecraft', 'cover'), viewers: 12005 },
  { id: '5f1c0a52-0000-4000-8000-000000000006', title: 'Genshin Impact', type: 'game', cover_url: img('category', 'genshin', 'cover'), viewers: 8001 }
]

export const smiles: Smile[] = [
  { id: 'a1b2c3d4-0000-4000-8000-000000000001', name: 'wave', animated: false, ...urls('smile', 'wave') },
  { id: 'a1b2c3d4-0000-4000-8000-000000000002', name: 'lol', animated: true, ...urls('smile', 'lol') },
  { id: 'a1b2c3d4-0000-4000-8000-000000000003', name: 'heart', animated: false, ...urls('smile', 'heart') }
]

const REGISTERED = 1_600_000_000

export const users: UserFixture[] = [
  { id: 1000001, nick: 'streamer_live', nick_color: 7, avatar_url: img('avatar', 'u1000001', 'a'), role: 'owner', channel_url: 'live_channel', is_verified_streamer: true, registered_at: REGISTERED, badges: [badges.owner, badges.verified], listed: true },
  { id: 1000002, nick: 'streamer_quiet', nick_color: 3, avatar_url: img('avatar', 'u1000002', 'a'), role: 'owner', channel_url: 'quiet_channel', is_verified_streamer: false, registered_at: REGISTERED + 1000, badges: [badges.owner], listed: true },
  { id: 1000003, nick: 'mod_masha', nick_color: 6, avatar_url: img('avatar', 'u1000003', 'a'), role: 'moderator', channel_url: 'live_channel', is_verified_streamer: false, registered_at: REGISTERED + 2000, badges: [], listed: true },
  { id: 1000004, nick: 'sub_sasha', nick_color: 9, avatar_url: img('avatar', 'u1000004', 'a'), role: 'subscriber', channel_url: 'live_channel', is_verified_streamer: false, registered_at: REGISTERED + 3000, badges: [badges.subscription], listed: true },
  { id: 1000005, nick: 'viewer_vova', nick_color: 0, avatar_url: '', role: 'viewer', channel_url: 'live_channel', is_verified_streamer: false, registered_at: REGISTERED + 4000, badges: [], listed: true },
  { id: 1000006, nick: 'ChatBot', nick_color: 0, avatar_url: img('avatar', 'chatbot', 'a'), role: 'bot', channel_url: 'live_channel', is_verified_streamer: false, registered_at: REGISTERED - 1000, badges: [badges.chatbot], listed: true },
  { id: 1000007, nick: 'streamer_banned', nick_color: 5, avatar_url: '', role: 'owner', channel_url: 'banned_channel', is_verified_streamer: false, registered_at: REGISTERED + 5000, badges: [], listed: false },
  // Extra viewers for injected chat and the firehose (ru / zh / en names).
  { id: 1000101, nick: 'Котик_Мурзик', nick_color: 4, avatar_url: '', role: 'viewer', channel_url: 'live_channel', is_verified_streamer: false, registered_at: REGISTERED + 6000, badges: [], listed: false },
  { id: 1000102, nick: '小龙', nick_color: 11, avatar_url: '', role: 'viewer', channel_url: 'live_channel', is_verified_streamer: false, registered_at: REGISTERED + 7000, badges: [], listed: false },
  { id: 1000103, nick: 'night_owl', nick_color: 14, avatar_url: '', role: 'viewer', channel_url: 'live_channel', is_verified_streamer: false, registered_at: REGISTERED + 8000, badges: [], listed: false }
]

export const channels: ChannelFixture[] = [
  { id: 2000001, url: 'live_channel', owner_id: 1000001, description: 'Live every evening', subscribers: 1520, banned: false, live: true, moderators: [1000003], followers: [1000003, 1000004], paid_subscribers: [1000004], roles: { 1000004: [roles[0]!.id] } },
  { id: 2000002, url: 'quiet_channel', owner_id: 1000002, description: 'Offline for now', subscribers: 12, banned: false, live: false, moderators: [], followers: [], paid_subscribers: [], roles: {} },
  { id: 2000003, url: 'banned_channel', owner_id: 1000007, description: '', subscribers: 3, banned: true, live: false, moderators: [], followers: [], paid_subscribers: [], roles: {} }
]

/** Fixed ids so tests and demos can refer to the live stream across resets. */
export const LIVE_STREAM_ID = '9e6f3a10-0000-4000-8000-000000000001'
export const RECORD_ID = '7d2b4c60-0000-4000-8000-000000000001'

export const sandboxApp = {
  client_id: 'livedeck-sandbox',
  client_secret: 'sandbox-vk-client-secret-0001',
  redirect_uri: 'https://livedeck.invalid/oauth/vk'
}

export const allScopes = [
  'channel:credentials',
  'channel:stream:settings',
  'channel:roles',
  'channel:points',
  'channel:points:rewards',
  'channel:points:rewards:demands',
  'chat:settings',
  'chat:message:send'
] as const

export const firehoseTexts = [
  'Привет всем!',
  'какой сегодня стрим 🔥',
  '大家好',
  '主播加油！',
  'hello from Berlin',
  'gg wp',
  'лол',
  'это было мощно',
  'nice play!',
  '666'
]
