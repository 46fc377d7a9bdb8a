/**
 * Domain types shared by main and renderer. Only what the renderer may see lives here: no secret,
 * no token, no stream key. Secrets are represented by a `configured` flag.
 */
import { z } from 'zod'

export const languages = ['en', 'ru', 'zh'] as const
export type Language = (typeof languages)[number]
export const languageSchema = z.enum(languages)

export const platforms = ['vk', 'kuaishou'] as const
export type Platform = (typeof platforms)[number]

/** The secrets the renderer may set or clear, but never read back. */
export const secretKeys = ['vk.clientSecret', 'kuaishou.appSecret'] as const
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

/** What the renderer may change. Base URLs are deliberately absent: main owns them. */
export const settingsPatchSchema = z.strictObject({
  language: languageSchema.optional(),
  vk: vkAppSettingsSchema.partial().optional(),
  kuaishou: kuaishouAppSettingsSchema.partial().optional()
})
export type SettingsPatch = z.infer<typeof settingsPatchSchema>

export interface SettingsView {
  readonly language: Language
  readonly vk: VkAppSettings & { readonly clientSecretConfigured: boolean }
  readonly kuaishou: KuaishouAppSettings & { readonly appSecretConfigured: boolean }
}

export interface AppInfo {
  readonly version: string
  readonly platform: 'win32' | 'darwin' | 'linux' | 'web'
  /** Present while the app talks to the local platform sandbox instead of the real hosts. */
  readonly sandbox: { readonly active: boolean }
}
