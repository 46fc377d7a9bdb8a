import { describe, expect, it } from 'vitest'
import { DEFAULT_LIFETIME_S, lifetimeSeconds } from './oauth'
import { channelResponseSchema, tokenInfoSchema } from './schemas'

const NOW = 1_790_000_000_000

describe('token lifetimes (reference §4.5 CONFLICT)', () => {
  it('accepts expires_in, expire_time as seconds-from-now or as a unix time; defaults to an hour', () => {
    expect(lifetimeSeconds({ expires_in: 600 }, NOW)).toBe(600)
    expect(lifetimeSeconds({ expire_time: 900 }, NOW)).toBe(900)
    expect(lifetimeSeconds({ expire_time: NOW / 1000 + 1200 }, NOW)).toBe(1200)
    expect(lifetimeSeconds({}, NOW)).toBe(DEFAULT_LIFETIME_S)
  })
})

describe('schemas are defensive (reference §11)', () => {
  it('/v1/token: milliseconds become seconds', () => {
    expect(tokenInfoSchema.parse({ data: { expired_at: 1_790_000_000_000 } }).data.expired_at).toBe(1_790_000_000)
  })

  it('/v1/channel: no stream, extra fields, null nick colour', () => {
    const parsed = channelResponseSchema.parse({
      data: { channel: { id: '5', url: 'c', nick: null, nick_color: null, status: 'offline', new_field: 1 }, streams: null }
    })
    expect(parsed.data).toMatchObject({ channel: { id: 5, url: 'c', nick: '', nick_color: 0, avatar_url: '' } })
    expect(parsed.data.stream).toBeUndefined()
  })
})
