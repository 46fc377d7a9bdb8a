import { describe, expect, it } from 'vitest'
import { timeLeft } from './countdown'

describe('timeLeft', () => {
  it('counts a fresh 2-day push URL down in days, hours and minutes (rounded up)', () => {
    expect(timeLeft(2 * 86_400_000, 0)).toEqual({ days: 2, hours: 0, minutes: 0 })
    expect(timeLeft(2 * 86_400_000, 1)).toEqual({ days: 2, hours: 0, minutes: 0 })
    expect(timeLeft(2 * 86_400_000, 60_001)).toEqual({ days: 1, hours: 23, minutes: 59 })
    expect(timeLeft(90_000, 0)).toEqual({ days: 0, hours: 0, minutes: 2 })
  })

  it('is null once expired', () => {
    expect(timeLeft(1000, 1000)).toBeNull()
    expect(timeLeft(1000, 5000)).toBeNull()
  })
})
