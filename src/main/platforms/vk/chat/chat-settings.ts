/**
 * VK chat settings (reference §7.9) ↔ the settings panel's flat view. VK wants the whole object back on
 * edit (every field but `mode` required), so the panel always sends every field.
 */
import type { VkChatSettingsView } from '../../../../shared/ipc/domain'
import type { VkChatSettings } from '../schemas'

export function settingsView(s: VkChatSettings): VkChatSettingsView {
  const access = s.allow_access === 'subscribers' || s.allow_access === 'paid_subscribers' ? s.allow_access : 'any'
  return {
    allowAccess: access,
    allowAccessAfter: s.allow_access_after,
    anyMessageTimeout: s.any_message_timeout,
    sameMessageTimeout: s.same_message_timeout,
    followAlert: s.follow_alert,
    subscriptionAlert: s.subscription_alert,
    mode: s.mode?.only_smiles ? 'only_smiles' : 'general',
    capsProhibited: s.mode?.general?.is_caps_prohibited === true,
    linksProhibited: s.mode?.general?.is_links_prohibited === true,
    ruEnNumbersOnly: s.mode?.general?.is_ru_en_numbers === true
  }
}

/** The full object VK wants back (all fields but `mode` required; reference §7.9). */
export function settingsBody(v: VkChatSettingsView): VkChatSettings {
  return {
    allow_access: v.allowAccess,
    allow_access_after: v.allowAccessAfter,
    any_message_timeout: v.anyMessageTimeout,
    same_message_timeout: v.sameMessageTimeout,
    follow_alert: v.followAlert,
    subscription_alert: v.subscriptionAlert,
    mode:
      v.mode === 'only_smiles'
        ? { only_smiles: {} }
        : { general: { is_caps_prohibited: v.capsProhibited, is_links_prohibited: v.linksProhibited, is_ru_en_numbers: v.ruEnNumbersOnly } }
  }
}
