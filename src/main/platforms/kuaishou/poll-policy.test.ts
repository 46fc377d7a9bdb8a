import { describe, expect, it } from 'vitest'
import { nextPollDelay } from './poll-policy'

describe('nextPollDelay', () => {
  it('polls every 2 s until live, every 10 s while live, never after the end', () => {
    expect(nextPollDelay('LIVE_NOT_START', null)).toBe(2_000)
    expect(nextPollDelay('UNKNOWN', 8_000)).toBe(2_000)
    expect(nextPollDelay('LIVING', 2_000)).toBe(10_000)
    expect(nextPollDelay('LIVE_END', 10_000)).toBeNull()
  })

  it('doubles up to 60 s while rate limited, then returns to the normal pace', () => {
    const seen: number[] = []
    let delay: number | null = 10_000
    for (let i = 0; i < 5; i++) {
      delay = nextPollDelay('LIVING', delay, 'rate_limited')
      seen.push(delay!)
    }
    expect(seen).toEqual([20_000, 40_000, 60_000, 60_000, 60_000])
    expect(nextPollDelay('LIVING', 60_000)).toBe(10_000)
    expect(nextPollDelay('LIVE_NOT_START', 2_000, 'rate_limited')).toBe(4_000)
  })

  it('keeps the pace on transient errors and stops on ones only the user can fix', () => {
    expect(nextPollDelay('LIVING', 10_000, 'network')).toBe(10_000)
    expect(nextPollDelay('LIVE_NOT_START', 2_000, 'platform')).toBe(2_000)
    expect(nextPollDelay('LIVING', 10_000, 'needs_reconnect')).toBeNull()
    expect(nextPollDelay('LIVING', 10_000, 'permission_denied')).toBeNull()
  })
})
