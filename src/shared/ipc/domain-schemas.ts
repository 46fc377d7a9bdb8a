/**
 * The zod schemas for the domain inputs main accepts (settings, secrets, VK stream/chat edits).
 * Main, the contract and the browser host import these; the renderer does not, so zod stays out of
 * its bundle. The plain types in `domain.ts` are the ones the renderer sees: each schema below is
 * checked at compile time to parse to exactly that type, so the two cannot drift apart.
 */
import { z } from 'zod'
import {
  languages,
  secretKeys,
  themes,
  vkCategoryTypes,
  vkChatAccessModes,
  vkChatModes,
  type KuaishouAppSettings,
  type Language,
  type SecretKey,
  type SensitiveRef,
  type SettingsPatch,
  type UiPrefs,
  type VkAppSettings,
  type VkCategoryType,
  type VkChatSend,
  type VkChatSettingsView,
  type VkStreamEdit
} from './domain'
import { assertSameType, type Same } from './same-type'

export const languageSchema = z.enum(languages)
export const secretKeySchema = z.enum(secretKeys)

/** Opaque handle to a sensitive value held by main (stream key, push URL). */
export const sensitiveRefSchema = z.string().regex(/^[a-z]+:[A-Za-z0-9_-]{1,64}$/)

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

export const uiPrefsSchema = z.strictObject({
  theme: z.enum(themes),
  split: z.number().min(0.2).max(0.8)
})

/** What the renderer may change. Base URLs are deliberately absent: main owns them. */
export const settingsPatchSchema = z.strictObject({
  language: languageSchema.optional(),
  ui: uiPrefsSchema.partial().optional(),
  vk: vkAppSettingsSchema.partial().optional(),
  kuaishou: kuaishouAppSettingsSchema.partial().optional()
})

export const vkChannelUrlSchema = z.string().min(1).max(200).regex(/^[A-Za-z0-9_.-]+$/)
export const vkCategoryTypeSchema = z.enum(vkCategoryTypes)

export const vkStreamEditSchema = z.strictObject({
  title: z.string().trim().min(1).max(140),
  categoryId: z.string().min(1).max(64),
  /** Epoch ms of the planned start (the picker's local date-time), or null for none. */
  plannedAt: z.number().int().min(0).max(8_640_000_000_000_000).nullable().optional(),
  slotUrl: z.string().max(200).optional()
})

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

export const vkChatSettingsSchema = z.strictObject({
  allowAccess: z.enum(vkChatAccessModes),
  allowAccessAfter: z.number().int().min(0).max(10_000_000),
  anyMessageTimeout: z.number().int().min(0).max(86_400),
  sameMessageTimeout: z.number().int().min(0).max(86_400),
  followAlert: z.boolean(),
  subscriptionAlert: z.boolean(),
  mode: z.enum(vkChatModes),
  capsProhibited: z.boolean(),
  linksProhibited: z.boolean(),
  ruEnNumbersOnly: z.boolean()
})

// Compile-time agreement between each schema and the plain type the renderer uses.
assertSameType<Same<z.output<typeof languageSchema>, Language>>(true)
assertSameType<Same<z.output<typeof secretKeySchema>, SecretKey>>(true)
assertSameType<Same<z.output<typeof sensitiveRefSchema>, SensitiveRef>>(true)
assertSameType<Same<z.output<typeof vkAppSettingsSchema>, VkAppSettings>>(true)
assertSameType<Same<z.output<typeof kuaishouAppSettingsSchema>, KuaishouAppSettings>>(true)
assertSameType<Same<z.output<typeof uiPrefsSchema>, UiPrefs>>(true)
assertSameType<Same<z.output<typeof settingsPatchSchema>, SettingsPatch>>(true)
assertSameType<Same<z.output<typeof vkCategoryTypeSchema>, VkCategoryType>>(true)
assertSameType<Same<z.output<typeof vkStreamEditSchema>, VkStreamEdit>>(true)
assertSameType<Same<z.output<typeof vkChatSendSchema>, VkChatSend>>(true)
assertSameType<Same<z.output<typeof vkChatSettingsSchema>, VkChatSettingsView>>(true)
