import { describe, expect, it } from 'vitest'
import { createI18n } from '../../i18n/setup'
import { errorKeys, verificationUrl } from './error-text'

const liveCodes = [200100, 400001, 400002, 400003, 400005, 400006, 400008, 400009, 400013, 400014, 400020, 400021, 400022, 400023]

describe('Kuaishou error messages', () => {
  it.each(['en', 'ru', 'zh'] as const)('has a message of its own for every live result code in %s', (lng) => {
    const i18n = createI18n(lng)
    const texts = liveCodes.map((code) => i18n.t(errorKeys({ code: 'platform', message: '', platformCode: code })))
    texts.forEach((text, i) => expect(text, String(liveCodes[i])).not.toBe(i18n.t('kuaishou.errors.platform')))
    expect(new Set(texts).size).toBeGreaterThan(10)
  })

  it('prefers face verification over the generic 400020 text, and falls back to the stable code', () => {
    expect(errorKeys({ code: 'verification_required', message: '', platformCode: 400020 })[0]).toBe('kuaishou.errors.verification_required')
    const i18n = createI18n('en')
    expect(i18n.t(errorKeys({ code: 'unknown_outcome', message: '', platformCode: 'http_502' }))).toMatch(/answer was lost/)
    expect(i18n.t(errorKeys({ code: 'needs_reconnect', message: '', platformCode: 100200108 }))).toMatch(/Reconnect Kuaishou/)
  })

  it('takes only an http(s) verification link', () => {
    expect(verificationUrl({ code: 'verification_required', message: '', params: { verifyUrl: 'https://verify.kuaishou.com/x' } })).toBe('https://verify.kuaishou.com/x')
    expect(verificationUrl({ code: 'verification_required', message: '', params: { verifyUrl: 'javascript:alert(1)' } })).toBeNull()
    expect(verificationUrl({ code: 'verification_required', message: '' })).toBeNull()
  })
})
