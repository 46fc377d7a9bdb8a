/**
 * Domain types shared by main and renderer. Only what the renderer may see lives here: no secret,
 * no token, no stream key. Secrets are represented by a `configured` flag.
 *
 * Zod-free on purpose: the renderer imports values from here, and zod must stay out of its initial
 * bundle (issue 7). The schemas main validates with live in `domain-schemas.ts`, which checks at
 * compile time that they agree with these types.
 */
import type { IpcError } from './result'

export const languages = ['en', 'ru', 'zh'] as const
export type Language = (typeof languages)[number]
/** Plain guard for the renderer (main parses with `languageSchema`). */
export const isLanguage = (value: unknown): value is Language => (languages as readonly unknown[]).includes(value)

export const platforms = ['vk', 'kuaishou'] as const
export type Platform = (typeof platforms)[number]

/** The secrets the renderer may set or clear, but never read back. */
export const secretKeys = ['vk.clientSecret', 'kuaishou.appSecret', 'obs.password'] as const
export type SecretKey = (typeof secretKeys)[number]

/** Opaque handle to a sensitive value held by main (stream key, push URL): `kind:id`. */
export type SensitiveRef = string

export interface VkAppSettings {
  clientId: string
  redirectUri: string
  scopes: string[]
}
export interface KuaishouAppSettings {
  appId: string
  redirectUri: string
  scopes: string[]
  bizId: string
}

/** Colour theme: `system` follows the OS (Electron's nativeTheme, the browser's prefers-color-scheme). */
export const themes = ['system', 'light', 'dark'] as const
export type Theme = (typeof themes)[number]
/** Dashboard preferences (issue 7): nothing sensitive. `split` is the VK column's share of the width. */
export interface UiPrefs {
  theme: Theme
  /** 0.2–0.8. */
  split: number
}
export const defaultUiPrefs: UiPrefs = { theme: 'system', split: 0.5 }

/** What the renderer may change. Base URLs are deliberately absent: main owns them. */
export interface SettingsPatch {
  language?: Language | undefined
  ui?: Partial<UiPrefs> | undefined
  vk?: Partial<VkAppSettings> | undefined
  kuaishou?: Partial<KuaishouAppSettings> | undefined
}

export interface SettingsView {
  readonly language: Language
  readonly vk: VkAppSettings & { readonly clientSecretConfigured: boolean }
  readonly kuaishou: KuaishouAppSettings & { readonly appSecretConfigured: boolean }
  readonly ui: UiPrefs
}

export interface AppInfo {
  readonly version: string
  readonly platform: 'win32' | 'darwin' | 'linux' | 'web'
  /** Present while the app talks to the local platform sandbox instead of the real hosts. */
  readonly sandbox: { readonly active: boolean }
}

// ───────────────────────────── VK Video Live (issue 5) ─────────────────────────────
// Display data only. Image URLs are main-vetted image URLs (`livedeck-img://img/…` in Electron, `/livedeck-img/img/…` in the browser host; or null); times are epoch milliseconds.

export type VkConnectionState = 'disconnected' | 'connected' | 'needsReconnect'
/** `code`: signed in with the app secret (refreshes itself); `implicit`: no secret, re-consent on expiry. */
export type VkAuthFlow = 'code' | 'implicit'

export interface VkAccountView {
  readonly state: VkConnectionState
  readonly flow: VkAuthFlow | null
  readonly user: {
    readonly id: number
    readonly nick: string
    readonly nickColor: number
    readonly avatarUrl: string | null
    readonly isStreamer: boolean
  } | null
  /** The user's channel slug; null for an account that never streamed. */
  readonly channelUrl: string | null
  /** When the access token expires (implicit flow: when the user must reconnect). */
  readonly expiresAt: number | null
}

export interface VkSignOutResult {
  /** Tokens revoked at VK (code flow). Implicit tokens cannot be revoked: they stay valid until `validUntil`. */
  readonly revoked: boolean
  readonly validUntil: number | null
}

export interface VkCategoryView {
  readonly id: string
  readonly title: string
  readonly type: string
  readonly coverUrl: string | null
  readonly viewers: number | null
}

export interface VkStreamView {
  readonly id: string
  readonly title: string
  readonly category: VkCategoryView | null
  readonly viewers: number
  readonly startedAt: number | null
  readonly plannedAt: number | null
  readonly isLive: boolean
  readonly slotUrl: string | null
}

export interface VkChannelView {
  readonly id: number
  readonly url: string
  readonly nick: string
  readonly nickColor: number
  readonly avatarUrl: string | null
  /** VK's channel status as sent (`online`, `offline`, …). */
  readonly status: string
  readonly subscribers: number
  readonly isLive: boolean
  readonly stream: VkStreamView | null
}

export const vkCategoryTypes = ['game', 'irl', 'sport'] as const
export type VkCategoryType = (typeof vkCategoryTypes)[number]

export interface VkStreamEdit {
  title: string
  categoryId: string
  /** Epoch ms of the planned start (the picker's local date-time), or null for none. */
  plannedAt?: number | null | undefined
  slotUrl?: string | undefined
}

export interface VkCredentialsView {
  /** Sensitive ref: reveal shows `url/token`; copy `server` = RTMP URL, `key` = stream key. */
  readonly ref: SensitiveRef
}

export interface VkBadgeView {
  readonly id: string
  readonly name: string
  readonly achievement: string
  readonly imageUrl: string | null
}

export interface VkChatAuthor {
  readonly id: number
  readonly nick: string
  readonly nickColor: number
  readonly avatarUrl: string | null
  readonly isOwner: boolean
  readonly isModerator: boolean
  /** The platform's own bot (`internal_chatbot` badge). */
  readonly isBot: boolean
  readonly isSubscriber: boolean
  readonly badges: readonly VkBadgeView[]
  readonly roles: readonly VkBadgeView[]
}

export type VkChatPart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'mention'; readonly userId: number; readonly nick: string; readonly mine: boolean }
  | { readonly kind: 'smile'; readonly id: string; readonly name: string; readonly imageUrl: string | null; readonly animated: boolean }
  | { readonly kind: 'link'; readonly text: string; readonly url: string }

export interface VkChatMessageView {
  readonly kind: 'message'
  /** Unique in the buffer: `m<id>` for platform messages. */
  readonly key: string
  readonly id: number
  readonly createdAt: number
  readonly author: VkChatAuthor
  readonly parts: readonly VkChatPart[]
  readonly isPrivate: boolean
  readonly deleted: boolean
  /** Mentions the signed-in user. */
  readonly mentionsMe: boolean
}

export interface VkChatSystemLine {
  readonly kind: 'system'
  readonly key: string
  readonly event: 'follow' | 'raid' | 'subscription'
  readonly createdAt: number
  readonly nick: string
  readonly nickColor: number
  readonly raiders?: number
  readonly level?: string
}

export type VkChatLine = VkChatMessageView | VkChatSystemLine

/** `live`: websocket up; `polling`: websocket unavailable, reading `/v1/chat/messages`; `offline`: no stream. */
export type VkChatTransport = 'idle' | 'connecting' | 'live' | 'polling' | 'stopped'

export interface VkChatStatus {
  readonly channelUrl: string | null
  readonly transport: VkChatTransport
  /** The live stream chat sends go to; null → "Chat opens when you go live". */
  readonly streamId: string | null
  readonly canModerate: boolean
}

/** One `vkChat.batch` event: everything that happened in one 16 ms window. */
export interface VkChatBatch {
  readonly lines: readonly VkChatLine[]
  readonly deleted: readonly number[]
  /** True when `lines` replaces the list (backlog on (re)connect). */
  readonly reset: boolean
}

export type VkSendPart =
  | { kind: 'text'; text: string }
  | { kind: 'mention'; userId: number }
  | { kind: 'smile'; id: string }
  | { kind: 'link'; url: string }
export interface VkChatSend {
  /** The renderer's id for this message, echoed in `vkChat.sendState`. */
  clientId: string
  parts: VkSendPart[]
}

export interface VkSendState {
  readonly clientId: string
  readonly state: 'sending' | 'sent' | 'failed'
  /** Why it failed: a stable code + VK's `error` (e.g. `send_too_fast`, `same_message`, `not_live`). */
  readonly error?: IpcError
  /** While a cooldown is running: when sending is possible again (epoch ms). */
  readonly retryAt?: number
}

export interface VkMemberView {
  readonly id: number
  readonly nick: string
  readonly nickColor: number
  readonly avatarUrl: string | null
  readonly isOwner: boolean
  readonly isModerator: boolean
}

export interface VkMemberCard extends VkChatAuthor {
  readonly registeredAt: number | null
  readonly statistics: {
    readonly chatMessages: number
    readonly permanentBans: number
    readonly temporaryBans: number
    /** Seconds. */
    readonly watchedTime: number
  }
}

export const vkChatAccessModes = ['any', 'subscribers', 'paid_subscribers'] as const
export const vkChatModes = ['general', 'only_smiles'] as const
export interface VkChatSettingsView {
  allowAccess: (typeof vkChatAccessModes)[number]
  allowAccessAfter: number
  /** Seconds. */
  anyMessageTimeout: number
  sameMessageTimeout: number
  followAlert: boolean
  subscriptionAlert: boolean
  mode: (typeof vkChatModes)[number]
  capsProhibited: boolean
  linksProhibited: boolean
  ruEnNumbersOnly: boolean
}
