/**
 * Capability map (issue 7): which controls each platform panel shows, decided from the account and
 * channel state alone. Pure, so the rules are unit-tested in one place instead of scattered `&&`s.
 */
import type { VkAccountView, VkChannelView, VkChatStatus } from '../../../shared/ipc/domain'
import type { KuaishouAccountView, KuaishouLiveView } from '../../../shared/ipc/kuaishou'

export interface VkCapabilities {
  /** Stream title/category form, RTMP credentials, the chat: a connected account with a channel. */
  readonly channel: boolean
  /** Sending chat messages: only while a stream is live (VK has nowhere to send otherwise). */
  readonly send: boolean
  /** Chat settings (slow mode, followers-only…): owner or moderator of the channel only. */
  readonly chatSettings: boolean
  readonly reconnect: boolean
}

export function vkCapabilities(account: VkAccountView | null, channel: VkChannelView | null, chat: VkChatStatus | null): VkCapabilities {
  const connected = account?.state === 'connected'
  const hasChannel = connected && account.channelUrl !== null
  const live = hasChannel && (chat?.streamId != null || channel?.isLive === true)
  const owner = hasChannel && channel !== null && account.user !== null && channel.id === account.user.id
  return {
    channel: hasChannel,
    send: live,
    chatSettings: hasChannel && (owner || chat?.canModerate === true),
    reconnect: account?.state === 'needsReconnect'
  }
}

export interface KuaishouCapabilities {
  /** The go-live form itself: connected with no live in the way (it explains a missing scope itself). */
  readonly form: boolean
  /** The "Get push URL" form: connected, with the live scope granted, and no live in the way. */
  readonly goLive: boolean
  /** Stop: only while a live exists that is not over and not already stopped. */
  readonly stop: boolean
  /** The push URL card (copy / send to OBS): while main still holds an unused URL. */
  readonly pushUrl: boolean
  readonly reconnect: boolean
}

export function kuaishouCapabilities(account: KuaishouAccountView | null, live: KuaishouLiveView | null): KuaishouCapabilities {
  const connected = account?.state === 'connected'
  const active = live !== null && live.status !== 'LIVE_END' && live.stop !== 'stopped'
  return {
    form: connected && live === null,
    goLive: connected && live === null && !account.missingScopes.includes('user_video_live'),
    stop: connected && active && live.stop !== 'stopping',
    pushUrl: live !== null && live.pushUrlRef !== null && live.status !== 'LIVE_END',
    reconnect: account?.state === 'needsReconnect'
  }
}

export type AccountBadge = 'disconnected' | 'connected' | 'reconnect' | 'live'

/** The header's one-word state per platform. */
export function vkBadge(account: VkAccountView | null, caps: VkCapabilities): AccountBadge {
  if (caps.reconnect) return 'reconnect'
  if (caps.send) return 'live'
  return account?.state === 'connected' ? 'connected' : 'disconnected'
}

export function kuaishouBadge(account: KuaishouAccountView | null, live: KuaishouLiveView | null): AccountBadge {
  if (account?.state === 'needsReconnect') return 'reconnect'
  if (live?.status === 'LIVING') return 'live'
  return account?.state === 'connected' ? 'connected' : 'disconnected'
}
