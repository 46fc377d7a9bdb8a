import { describe, expect, it } from 'vitest'
import { chatSettingsSchema } from '../schemas'
import { settingsBody, settingsView } from './chat-settings'

describe('chat settings mapping (reference §7.9)', () => {
  it('reads every documented field and writes the whole object back', () => {
    const vk = chatSettingsSchema.parse({
      allow_access: 'subscribers',
      allow_access_after: 600,
      any_message_timeout: 5,
      same_message_timeout: 30,
      follow_alert: false,
      subscription_alert: true,
      mode: { general: { is_caps_prohibited: true, is_links_prohibited: false, is_ru_en_numbers: true } }
    })
    const view = settingsView(vk)
    expect(view).toEqual({
      allowAccess: 'subscribers',
      allowAccessAfter: 600,
      anyMessageTimeout: 5,
      sameMessageTimeout: 30,
      followAlert: false,
      subscriptionAlert: true,
      mode: 'general',
      capsProhibited: true,
      linksProhibited: false,
      ruEnNumbersOnly: true
    })
    expect(settingsBody(view)).toEqual(vk)
  })

  it('emote-only is `mode.only_smiles`; an unknown access value reads as `any`; no mode reads as general', () => {
    const view = settingsView(chatSettingsSchema.parse({ allow_access: 'friends', allow_access_after: 0, any_message_timeout: 0, same_message_timeout: 0, follow_alert: true, subscription_alert: true, mode: { only_smiles: {} } }))
    expect(view).toMatchObject({ allowAccess: 'any', mode: 'only_smiles' })
    expect(settingsBody(view).mode).toEqual({ only_smiles: {} })
    expect(settingsView(chatSettingsSchema.parse({ allow_access: 'any', allow_access_after: 0, any_message_timeout: 0, same_message_timeout: 0, follow_alert: true, subscription_alert: true })).mode).toBe('general')
  })
})
