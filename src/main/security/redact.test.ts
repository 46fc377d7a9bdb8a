import { describe, expect, it } from 'vitest'
import { redact, redactText, REDACTED } from './redact'

const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c'

describe('redactText', () => {
  it.each([
    ['access_token', 'https://open.kuaishou.com/openapi/user_info?app_id=ks1&access_token=AT-secret-1'],
    ['refresh_token', 'grant_type=refresh_token&refresh_token=RT-secret-1&redirect_uri=http%3A%2F%2Fx'],
    ['client_secret', 'POST /token client_secret=CS-secret-1'],
    ['app_secret', 'https://open.kuaishou.com/oauth2/access_token?app_id=1&app_secret=AS-secret-1&code=x'],
    ['code', 'https://app.example/cb?code=CODE-secret-1&state=abc'],
    ['sign', 'rtmp://push.example:1935/gifshow/stream1?sign=SIGN-secret-1&t=5'],
    ['token (revoke form)', 'token=TOK-secret-1&token_type_hint=access_token'],
    ['fragment', 'https://localhost/#access_token=AT-secret-1&state=s&expire_time=1'],
    ['upper-case key', 'URL?ACCESS_TOKEN=AT-secret-1']
  ])('removes the %s query/form value', (_kind, input) => {
    const out = redactText(input)
    expect(out).not.toMatch(/secret-1/)
    expect(out).toContain(REDACTED)
  })

  it('keeps the harmless parts of a URL readable', () => {
    const out = redactText('https://app.example/cb?code=CODE-secret-1&state=abc')
    expect(out).toBe(`https://app.example/cb?code=${REDACTED}&state=abc`)
  })

  it('does not touch keys that merely end like a secret key', () => {
    expect(redactText('?zipcode=12345&design=blue')).toBe('?zipcode=12345&design=blue')
  })

  it('removes Authorization Bearer and Basic headers', () => {
    const bearer = redactText('Authorization: Bearer AT-secret-1-abcdef')
    const basic = redactText('authorization=Basic Y2xpZW50OnNlY3JldC0x')
    expect(bearer).toBe(`Authorization: Bearer ${REDACTED}`)
    expect(basic).toBe(`authorization=Basic ${REDACTED}`)
  })

  it('removes a bare bearer credential in free text', () => {
    expect(redactText('sent bearer abcdefgh12345678 to api')).toBe(`sent bearer ${REDACTED} to api`)
  })

  it('removes JWTs anywhere in text', () => {
    const out = redactText(`connect token ${JWT} failed`)
    expect(out).toBe(`connect token ${REDACTED} failed`)
  })

  it('removes the stream key from RTMP push URLs, keeping the server', () => {
    expect(redactText('publish to rtmp://push.vk.example/live/STREAMKEY-secret-1 failed')).toBe(
      `publish to rtmp://push.vk.example/live/${REDACTED} failed`
    )
    expect(redactText('rtmp://host:1935/gifshow/kwai_secret-1?sign=abc')).toBe(`rtmp://host:1935/gifshow/${REDACTED}`)
  })

  it('removes secret values from JSON text', () => {
    const body = JSON.stringify({ access_token: 'AT-secret-1', refresh_token: 'RT-secret-1', expires_in: 3600 })
    const out = redactText(body)
    expect(out).not.toMatch(/secret-1/)
    expect(JSON.parse(out)).toEqual({ access_token: REDACTED, refresh_token: REDACTED, expires_in: 3600 })
  })
})

describe('redact', () => {
  it('replaces values under secret object keys, deeply and in any casing', () => {
    const out = redact({
      vk: { accessToken: 'AT-secret-1', clientSecret: 'CS-secret-1', nested: [{ refresh_token: 'RT-secret-1' }] },
      headers: { Authorization: 'Bearer AT-secret-1' },
      kuaishou: { appSecret: 'AS-secret-1', sign: 'SIGN-secret-1', app_id: 'ks123' }
    })
    expect(JSON.stringify(out)).not.toMatch(/secret-1/)
    expect(out).toMatchObject({ kuaishou: { app_id: 'ks123' } })
  })

  it('redacts strings inside objects and arrays', () => {
    const out = redact({ url: 'https://x/?access_token=AT-secret-1', list: [`jwt ${JWT}`] })
    expect(JSON.stringify(out)).not.toMatch(/secret-1|eyJ/)
  })

  it('keeps our own error codes and numeric codes under a `code` key, hides OAuth codes', () => {
    expect(redact({ code: 'invalid_input' })).toEqual({ code: 'invalid_input' })
    expect(redact({ result: 1, code: 400002 })).toEqual({ result: 1, code: 400002 })
    expect(redact({ code: 'a1b2c3d4e5f6' })).toEqual({ code: REDACTED })
  })

  it('reduces errors to name and redacted message, including the cause', () => {
    const err = new Error('fetch https://api/x?access_token=AT-secret-1 failed', {
      cause: new Error(`jwt ${JWT}`)
    })
    const out = redact(err)
    expect(JSON.stringify(out)).not.toMatch(/secret-1|eyJ/)
    expect(out).toMatchObject({ name: 'Error' })
  })

  it('handles cycles, URLs and bytes without throwing', () => {
    const a: Record<string, unknown> = { url: new URL('https://x/cb?code=CODE-secret-1') }
    a.self = a
    a.bytes = new Uint8Array(4)
    const out = redact(a) as Record<string, unknown>
    expect(out.self).toBe('[circular]')
    expect(out.bytes).toBe('[4 bytes]')
    expect(String(out.url)).not.toContain('secret-1')
  })
})
