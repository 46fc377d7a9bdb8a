import { describe, expect, it } from 'vitest'
import { isTokenError, liveError, oauthError, verificationLink } from './result-codes'

describe('verificationLink', () => {
  it('decodes a percent-encoded https link once and returns it normalised', () => {
    const raw = encodeURIComponent('https://app.m.kuaishou.com/verify?token=a%2Fb&x=1')
    expect(verificationLink(raw)).toBe('https://app.m.kuaishou.com/verify?token=a%2Fb&x=1')
    expect(verificationLink('https://app.m.kuaishou.com/v')).toBe('https://app.m.kuaishou.com/v')
  })

  it('refuses anything but https (http only for the one sandbox origin), credentials and junk', () => {
    expect(verificationLink('javascript:alert(1)')).toBeNull()
    expect(verificationLink(encodeURIComponent('javascript:alert(1)'))).toBeNull()
    expect(verificationLink('http://app.m.kuaishou.com/v')).toBeNull()
    expect(verificationLink('http://127.0.0.1:4100/v', 'http://127.0.0.1:4100')).toBe('http://127.0.0.1:4100/v')
    expect(verificationLink('http://127.0.0.1:4101/v', 'http://127.0.0.1:4100')).toBeNull()
    expect(verificationLink('https://user:pw@app.m.kuaishou.com/v')).toBeNull()
    expect(verificationLink('https%3A%2F%2F%E0%A4%A')).toBeNull()
    expect(verificationLink(undefined)).toBeNull()
  })
})

describe('result codes', () => {
  it('maps every live code of the reference to a stable code, keeping the platform code', () => {
    const table: Array<[number, string]> = [
      [200100, 'not_configured'],
      [200102, 'needs_reconnect'],
      [400001, 'invalid_input'],
      [400002, 'rate_limited'],
      [400003, 'platform'],
      [400005, 'not_found'],
      [400006, 'permission_denied'],
      [400008, 'permission_denied'],
      [400009, 'invalid_input'],
      [400013, 'permission_denied'],
      [400014, 'invalid_cover'],
      [400020, 'risk_control'],
      [400021, 'banned'],
      [400022, 'banned'],
      [400023, 'not_configured'],
      [499999, 'platform']
    ]
    for (const [result, code] of table) expect(liveError(result).toIpcError(), String(result)).toMatchObject({ code, platformCode: result })
  })

  it('400020 with face-verify content carries only vetted params, never Kuaishou\'s text', () => {
    const error = liveError(400020, {
      verifyErrorMsg: '人脸识别拦截 <img src=x onerror=alert(1)>',
      verifyErrorCode: 0,
      qrCodeFaceVerifyUrl: encodeURIComponent('https://app.m.kuaishou.com/face?c=1'),
      envokeKwaiFaceVerifyUrl: 'kwai://recognition?x=1'
    }).toIpcError()
    expect(error).toEqual({
      code: 'verification_required',
      message: expect.any(String) as string,
      platformCode: 400020,
      params: { verifyErrorCode: 0, verifyUrl: 'https://app.m.kuaishou.com/face?c=1' }
    })
    expect(JSON.stringify(error)).not.toContain('img')
    // A link that fails validation is dropped; the error still says verification is needed.
    expect(liveError(400020, { verifyErrorCode: 2, qrCodeFaceVerifyUrl: 'javascript:x' }).toIpcError()).toMatchObject({
      code: 'verification_required',
      params: { verifyErrorCode: 2 }
    })
    expect(liveError(400020, null).code).toBe('risk_control')
  })

  it('treats 200102 and the 1002001xx token codes as token errors, not scope or app errors', () => {
    for (const code of [200102, 100200102, 100200108, 100200109, 100200110, 100200111, 100200113]) expect(isTokenError(code)).toBe(true)
    for (const code of [100200101, 100200106, 400006, 200100]) expect(isTokenError(code)).toBe(false)
    expect(oauthError(100200106).code).toBe('scope_missing')
    expect(oauthError(100200101).code).toBe('not_configured')
    expect(oauthError(100200105).code).toBe('platform')
    expect(oauthError(100200113).code).toBe('needs_reconnect')
  })
})
