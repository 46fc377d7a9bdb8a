import { describe, expect, it } from 'vitest'
import { createOAuthState, statesEqual } from './oauth-state'

describe('OAuth state', () => {
  it('is random, long and URL-safe', () => {
    const states = new Set(Array.from({ length: 100 }, createOAuthState))
    expect(states.size).toBe(100)
    for (const s of states) expect(s).toMatch(/^[A-Za-z0-9_-]{43}$/)
  })

  it('compares equal only for the same value', () => {
    const s = createOAuthState()
    expect(statesEqual(s, s)).toBe(true)
    expect(statesEqual(s, `${s}x`)).toBe(false)
    expect(statesEqual(s, s.slice(0, -1))).toBe(false)
    expect(statesEqual(s, createOAuthState())).toBe(false)
    expect(statesEqual(s, null)).toBe(false)
    expect(statesEqual(s, undefined)).toBe(false)
    expect(statesEqual('', '')).toBe(false)
  })
})
