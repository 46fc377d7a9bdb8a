/**
 * Domain types shared by main and renderer. Only what the renderer may see lives here: no secret,
 * no token, no stream key. Secrets are represented by a `configured` flag.
 */
import { z } from 'zod'
import type { IpcError } from './result'

export const languages = ['en', 'ru', 'zh'] as const
export type Language = (typeof languages)[number]
export const languageSchema = z.enum(languages)

export const platforms = ['vk', 'kuaishou'] as const
export type Platform = (typeof platforms)[number]

/** The secrets the renderer may set or clear, but never read back. */
export const secretKeys = ['vk.clientSecret', 'kuaishou.appSecret', 'obs.password'] as const
export type SecretKey = (typeof secretKeys)[number]
export const secretKeySchema = z.enum(secretKeys)

/** Opaque handle to a sensitive value held by main (stream key, push URL). */
export const sensitiveRefSchema = z.string().regex(/^[a-z]+:[A-Za-z0-9_-]{1,64}$/)
export type SensitiveRef = z.infer<typeof sensitiveRefSchema>

const redirectUri = z.string().max(2048).refine((v) => v === '' || /^https?:\/\/[^\s]+$/.test(v), 'http(s) URL')
const scopeList = z.array(z.string().regex(/^[A-Za-z0-9_:.-]{1,64}$/)).max(64)

export const vkAppSettingsSchema = z.strictObject({
  clientId: z.string().max(64).regex(/^[A-Za-z0-9_-]*$/),
  redirectUri,
  scopes: scopeList
})
export const kuaishouAppSettingsSchema = z.strictObject({
  appId: z.string().max(64).regex(/^[A-Za-z0-9_-]*$/),
  redirectUri,
  scopes: scopeList,
  bizId: z.string().max(128)
})
export type VkAppSettings = z.infer<typeof vkAppSettingsSchema>
export type KuaishouAppSettings = z.infer<typeof kuaishouAppSettingsSchema>

/** Colour theme: `system` follows the OS (Electron's nativeTheme, the browser's prefers-color-scheme). */
export const themes = ['system', 'light', 'dark'] as const
export type Theme = (typeof themes)[number]
/** Dashboard preferences (issue 7): nothing sensitive. `split` is the VK column's share of the width. */
export const uiPrefsSchema = z.strictObject({
  theme: z.enum(themes),
  split: z.number().min(0.2).max(0.8)
})
export type UiPrefs = z.infer<typeof uiPrefsSchema>
export const defaultUiPrefs: UiPrefs = { theme: 'system', split: 0.5 }

/** What the renderer may change. Base URLs are deliberately absent: main owns them. */
export const settingsPatchSchema = z.strictObject({
  language: languageSchema.optional(),
  ui: uiPrefsSchema.partial().optional(),
  vk: vkAppSettingsSchema.partial().optional(),
  kuaishou: kuaishouAppSettingsSchema.partial().optional()
})
export type SettingsPatch = z.infer<typeof settingsPatchSchema>

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

export const vkChannelUrlSchema = z.string().min(1).max(200).regex(/^[A-Za-z0-9_.-]+$/)
export const vkCategoryTypeSchema = z.enum(['game', 'irl', 'sport'])

export const vkStreamEditSchema = z.strictObject({
  title: z.string().trim().min(1).max(140),
  categoryId: z.string().min(1).max(64),
  /** Epoch ms of the planned start (the picker's local date-time), or null for none. */
  plannedAt: z.number().int().min(0).max(8_640_000_000_000_000).nullable().optional(),
  slotUrl: z.string().max(200).optional()
})
export type VkStreamEdit = z.infer<typeof vkStreamEditSchema>

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

export const vkSendPartSchema = z.union([
  z.strictObject({ kind: z.literal('text'), text: z.string().min(1).max(2000) }),
  z.strictObject({ kind: z.literal('mention'), userId: z.number().int().min(0) }),
  z.strictObject({ kind: z.literal('smile'), id: z.string().min(1).max(64) }),
  z.strictObject({ kind: z.literal('link'), url: z.string().max(2048).regex(/^https?:\/\//) })
])
export const vkChatSendSchema = z.strictObject({
  /** The renderer's id for this message, echoed in `vkChat.sendState`. */
  clientId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  parts: z.array(vkSendPartSchema).min(1).max(50)
})
export type VkChatSend = z.infer<typeof vkChatSendSchema>

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

export const vkChatSettingsSchema = z.strictObject({
  allowAccess: z.enum(['any', 'subscribers', 'paid_subscribers']),
  allowAccessAfter: z.number().int().min(0).max(10_000_000),
  anyMessageTimeout: z.number().int().min(0).max(86_400),
  sameMessageTimeout: z.number().int().min(0).max(86_400),
  followAlert: z.boolean(),
  subscriptionAlert: z.boolean(),
  mode: z.enum(['general', 'only_smiles']),
  capsProhibited: z.boolean(),
  linksProhibited: z.boolean(),
  ruEnNumbersOnly: z.boolean()
})
export type VkChatSettingsView = z.infer<typeof vkChatSettingsSchema>
