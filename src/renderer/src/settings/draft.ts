/**
 * The settings form's editable copy of the non-secret settings, and its conversion back to a patch.
 * Validation reuses the contract's zod schemas so the form flags exactly what main would refuse.
 */
import type { SettingsPatch, SettingsView } from '../../../shared/ipc/domain'
// The settings screen is loaded lazily (settings/lazy.tsx), so this zod import stays out of the initial bundle.
import { kuaishouAppSettingsSchema, vkAppSettingsSchema } from '../../../shared/ipc/domain-schemas'

export interface SettingsDraft {
  vk: { clientId: string; redirectUri: string; scopes: string }
  kuaishou: { appId: string; redirectUri: string; scopes: string; bizId: string }
}

export function draftFrom(view: SettingsView): SettingsDraft {
  return {
    vk: { clientId: view.vk.clientId, redirectUri: view.vk.redirectUri, scopes: view.vk.scopes.join(' ') },
    kuaishou: {
      appId: view.kuaishou.appId,
      redirectUri: view.kuaishou.redirectUri,
      scopes: view.kuaishou.scopes.join(' '),
      bizId: view.kuaishou.bizId
    }
  }
}

/** "a b,c" → ["a", "b", "c"]: users paste scopes space- or comma-separated. */
export function parseScopes(text: string): string[] {
  return text.split(/[\s,]+/).filter((s) => s !== '')
}

export function patchFrom(draft: SettingsDraft): SettingsPatch {
  return {
    vk: { clientId: draft.vk.clientId.trim(), redirectUri: draft.vk.redirectUri.trim(), scopes: parseScopes(draft.vk.scopes) },
    kuaishou: {
      appId: draft.kuaishou.appId.trim(),
      redirectUri: draft.kuaishou.redirectUri.trim(),
      scopes: parseScopes(draft.kuaishou.scopes),
      bizId: draft.kuaishou.bizId.trim()
    }
  }
}

export type InvalidFields = ReadonlySet<string>

/** Field paths (`vk.clientId`, …) the contract schemas would reject. */
export function invalidFields(draft: SettingsDraft): InvalidFields {
  const patch = patchFrom(draft)
  const invalid = new Set<string>()
  const vk = vkAppSettingsSchema.safeParse(patch.vk)
  const ks = kuaishouAppSettingsSchema.safeParse(patch.kuaishou)
  for (const issue of vk.error?.issues ?? []) invalid.add(`vk.${String(issue.path[0])}`)
  for (const issue of ks.error?.issues ?? []) invalid.add(`kuaishou.${String(issue.path[0])}`)
  return invalid
}
