/**
 * The one list of everything that crosses the main ↔ renderer boundary.
 *
 * - `invoke` channels: renderer asks, main answers with a Result. Each has a zod schema for its input
 *   (main parses every input with it) and a phantom result type.
 * - `events`: main → renderer pushes.
 *
 * Contract values are JSON plus Uint8Array. Nothing here may ever carry a secret or a token; sensitive
 * values (stream keys, push URLs) travel only as the result of `sensitive.reveal`.
 *
 * The preload and the browser-host bridge build `window.livedeck` from `invokeChannelNames` and
 * `eventNames` (zod-free copies in `channels.ts`, checked against this file at compile time):
 * a channel `settings.update` becomes `window.livedeck.settings.update(input)`.
 */
import { z } from 'zod'
import * as names from './channels'
import type { Result } from './result'
import {
  type VkAccountView,
  type VkCategoryView,
  type VkChannelView,
  type VkChatBatch,
  type VkChatLine,
  type VkChatSettingsView,
  type VkChatStatus,
  type VkCredentialsView,
  type VkMemberCard,
  type VkMemberView,
  type VkSendState,
  type VkSignOutResult,
  type AppInfo,
  type SettingsView
} from './domain'
import {
  secretKeySchema,
  sensitiveRefSchema,
  settingsPatchSchema,
  vkCategoryTypeSchema,
  vkChannelUrlSchema,
  vkChatSendSchema,
  vkChatSettingsSchema,
  vkStreamEditSchema
} from './domain-schemas'
import type { ObsStatusView } from './obs'
import { obsSendSchema, obsSettingsSchema } from './obs-schemas'
import type { KuaishouAccountView, KuaishouLiveView, KuaishouUploadProgress } from './kuaishou'
import { kuaishouCreateLiveSchema } from './kuaishou-schemas'

/** Declares a channel: its input schema and (phantom) result type. */
function channel<R>() {
  return <I extends z.ZodType>(input: I) => ({ input, result: undefined as unknown as R })
}

const none = z.undefined()

export const invokeChannels = {
  'app.getInfo': channel<AppInfo>()(none),
  'settings.get': channel<SettingsView>()(none),
  'settings.update': channel<SettingsView>()(settingsPatchSchema),
  'secrets.set': channel<SettingsView>()(z.strictObject({ key: secretKeySchema, value: z.string().min(1).max(512) })),
  'secrets.clear': channel<SettingsView>()(z.strictObject({ key: secretKeySchema })),
  'sensitive.reveal': channel<{ value: string }>()(z.strictObject({ ref: sensitiveRefSchema })),
  'sensitive.copy': channel<null>()(
    z.strictObject({ ref: sensitiveRefSchema, part: z.enum(['whole', 'server', 'key']) })
  ),
  'shell.openExternal': channel<null>()(z.strictObject({ url: z.string().max(2048) })),
  // Kuaishou (issue 6)
  'kuaishou.connect': channel<KuaishouAccountView>()(none),
  'kuaishou.disconnect': channel<KuaishouAccountView>()(none),
  'kuaishou.getAccount': channel<KuaishouAccountView>()(none),
  'kuaishou.createLive': channel<KuaishouLiveView>()(kuaishouCreateLiveSchema),
  'kuaishou.getLive': channel<KuaishouLiveView | null>()(none),
  'kuaishou.refreshLive': channel<KuaishouLiveView | null>()(none),
  'kuaishou.stopLive': channel<KuaishouLiveView>()(none),
  'kuaishou.dismissLive': channel<null>()(none),
  // VK Video Live (issue 5). Failures carry `code` + VK's `error` (or Livedeck's own, e.g. `not_live`) as platformCode.
  'vk.getAccount': channel<VkAccountView>()(none),
  'vk.connect': channel<VkAccountView>()(none),
  'vk.disconnect': channel<VkSignOutResult>()(none),
  'vk.getChannel': channel<VkChannelView>()(none),
  'vk.searchCategories': channel<VkCategoryView[]>()(
    z.strictObject({ query: z.string().max(100), type: vkCategoryTypeSchema.optional() })
  ),
  'vk.editStream': channel<VkChannelView>()(vkStreamEditSchema),
  'vk.getCredentials': channel<VkCredentialsView>()(z.strictObject({ slotUrl: z.string().max(200).optional() }).optional()),
  'vkChat.open': channel<VkChatStatus>()(z.strictObject({ channelUrl: vkChannelUrlSchema.optional() }).optional()),
  'vkChat.close': channel<null>()(none),
  'vkChat.getStatus': channel<VkChatStatus>()(none),
  'vkChat.getLines': channel<readonly VkChatLine[]>()(none),
  'vkChat.send': channel<VkSendState>()(vkChatSendSchema),
  'vkChat.getMembers': channel<VkMemberView[]>()(none),
  'vkChat.getMember': channel<VkMemberCard>()(z.strictObject({ userId: z.number().int().min(0) })),
  'vkChat.getSettings': channel<VkChatSettingsView>()(none),
  'vkChat.editSettings': channel<VkChatSettingsView>()(vkChatSettingsSchema),
  // OBS hand-off (issue 7). The password is the `obs.password` secret (secrets.set); the key goes as a ref.
  'obs.getStatus': channel<ObsStatusView>()(none),
  'obs.updateSettings': channel<ObsStatusView>()(obsSettingsSchema),
  'obs.connect': channel<ObsStatusView>()(none),
  'obs.disconnect': channel<ObsStatusView>()(none),
  'obs.sendStream': channel<ObsStatusView>()(obsSendSchema),
  'obs.startStream': channel<ObsStatusView>()(none),
  'obs.stopStream': channel<ObsStatusView>()(none)
} as const

export type InvokeChannel = keyof typeof invokeChannels
export type InputOf<C extends InvokeChannel> = z.input<(typeof invokeChannels)[C]['input']>
export type ParsedInputOf<C extends InvokeChannel> = z.output<(typeof invokeChannels)[C]['input']>
export type ResultOf<C extends InvokeChannel> = (typeof invokeChannels)[C]['result']

export interface EventPayloads {
  'settings.changed': SettingsView
  'app.info': AppInfo
  'kuaishou.account': KuaishouAccountView
  /** The active live changed (status, stop state, push URL availability); null when none. */
  'kuaishou.live': KuaishouLiveView | null
  'kuaishou.uploadProgress': KuaishouUploadProgress
  'vk.account': VkAccountView
  /** Chat lines of one 16 ms window (many lines per event). */
  'vkChat.batch': VkChatBatch
  'vkChat.status': VkChatStatus
  /** Per-message send state: sending → sent | failed (+ why, + retryAt during a cooldown). */
  'vkChat.sendState': VkSendState
  /** OBS connection and streaming state (from OBS's events). */
  'obs.status': ObsStatusView
}
export type EventName = keyof EventPayloads

/** Mutual assignability: the zod-free name lists in channels.ts must match exactly. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const channelNamesMatch: Same<InvokeChannel, names.InvokeChannelName> = true
const eventNamesMatch: Same<EventName, names.EventNameLiteral> = true
void channelNamesMatch
void eventNamesMatch

export const invokeChannelNames: readonly InvokeChannel[] = names.invokeChannelNames
export const eventNames: readonly EventName[] = names.eventNames
export const ipcChannel: (name: InvokeChannel | EventName) => string = names.ipcChannel

/**
 * The shape of `window.livedeck`, derived from the contract: `a.b` → `api.a.b(input)`.
 */
type Split<S extends string> = S extends `${infer H}.${infer T}` ? [H, T] : never
type Namespaces = Split<InvokeChannel>[0]
type MethodsOf<N extends string> = {
  [C in InvokeChannel as Split<C>[0] extends N ? Split<C>[1] : never]: undefined extends InputOf<C>
    ? (input?: InputOf<C>) => Promise<Result<ResultOf<C>>>
    : (input: InputOf<C>) => Promise<Result<ResultOf<C>>>
}
export type LivedeckApi = { readonly [N in Namespaces]: MethodsOf<N> } & {
  /** Subscribe to a main → renderer event; returns the unsubscribe function. */
  readonly on: <E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void) => () => void
}
