/**
 * VK chat data → the renderer's view types. Everything stays text (the renderer never renders HTML);
 * images go through the image protocol; the bot, owner, moderator and subscriber marks are decided here
 * once, so every view shows them alike.
 */
import type { VkBadgeView, VkChatAuthor, VkChatMessageView, VkChatPart, VkChatSystemLine } from '../../../../shared/ipc/domain'
import type { ImageUrlOf } from '../../../services/images/image-url'
import {
  authorSchema,
  chatMessageSchema,
  followEventDataSchema,
  raidEventDataSchema,
  subscriptionEventDataSchema,
  type VkMessagePart
} from '../schemas'
import type { z } from 'zod'

type Author = z.infer<typeof authorSchema>

type Badge = { id: string; name: string; achievement_name?: string; small_url: string; medium_url: string }
const badgeView = (b: Badge, imageUrl: ImageUrlOf): VkBadgeView => ({
  id: b.id,
  name: b.name,
  achievement: b.achievement_name ?? '',
  imageUrl: imageUrl(b.medium_url || b.small_url)
})

export function authorView(a: Author, imageUrl: ImageUrlOf): VkChatAuthor {
  const badges = (a.badges ?? []).map((b) => badgeView(b, imageUrl))
  return {
    id: a.id,
    nick: a.nick,
    nickColor: a.nick_color,
    avatarUrl: imageUrl(a.avatar_url),
    isOwner: a.is_owner === true || badges.some((b) => b.achievement === 'owner'),
    isModerator: a.is_moderator === true,
    isBot: badges.some((b) => b.achievement === 'internal_chatbot'),
    isSubscriber: badges.some((b) => b.achievement.startsWith('subscription')),
    badges,
    roles: (a.roles ?? []).map((b) => badgeView(b, imageUrl))
  }
}

function partView(p: VkMessagePart, myId: number | null, imageUrl: ImageUrlOf): VkChatPart | null {
  if (p.text) return { kind: 'text', text: p.text.content }
  if (p.mention) return { kind: 'mention', userId: p.mention.id, nick: p.mention.nick, mine: myId !== null && p.mention.id === myId }
  if (p.smile) return { kind: 'smile', id: p.smile.id, name: p.smile.name, imageUrl: imageUrl(p.smile.medium_url || p.smile.small_url), animated: p.smile.animated === true }
  if (p.link) return { kind: 'link', text: p.link.content || p.link.url, url: p.link.url }
  return null
}

/** A chat message, or null when it is not one (logged by the caller). */
export function messageView(raw: unknown, myId: number | null, nowMs: number, imageUrl: ImageUrlOf): VkChatMessageView | null {
  const parsed = chatMessageSchema.safeParse(raw)
  if (!parsed.success) return null
  const m = parsed.data
  const parts = (m.parts ?? []).map((p) => partView(p, myId, imageUrl)).filter((p): p is VkChatPart => p !== null)
  return {
    kind: 'message',
    key: `m${m.id}`,
    id: m.id,
    createdAt: m.created_at ? m.created_at * 1000 : nowMs,
    author: authorView(m.author, imageUrl),
    parts,
    isPrivate: m.is_private === true,
    deleted: false,
    mentionsMe: parts.some((p) => p.kind === 'mention' && p.mine)
  }
}

/** Follow / raid / subscription pushes as system lines; null for other event types. */
export function systemLine(type: string, data: unknown, nowMs: number, seq: number): VkChatSystemLine | null {
  const base = { kind: 'system' as const, key: `s${nowMs}-${seq}`, createdAt: nowMs }
  if (type === 'channel_follow_create') {
    const p = followEventDataSchema.safeParse(data)
    return p.success ? { ...base, event: 'follow', nick: p.data.follow.follower.nick, nickColor: p.data.follow.follower.nick_color } : null
  }
  if (type === 'channel_raid_income') {
    const p = raidEventDataSchema.safeParse(data)
    if (!p.success) return null
    const owner = p.data.raid.source?.owner
    return { ...base, event: 'raid', nick: owner?.nick ?? '', nickColor: owner?.nick_color ?? 0, raiders: p.data.raid.raiders_count ?? 0 }
  }
  if (type === 'channel_subscription_create') {
    const p = subscriptionEventDataSchema.safeParse(data)
    if (!p.success) return null
    const s = p.data.subscription
    return { ...base, event: 'subscription', nick: s.subscriber.nick, nickColor: s.subscriber.nick_color, ...(s.level?.name ? { level: s.level.name } : {}) }
  }
  return null
}
