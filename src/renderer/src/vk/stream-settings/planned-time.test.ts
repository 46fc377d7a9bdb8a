import { describe, expect, it } from 'vitest'
import { fromLocalInput, toLocalInput } from './planned-time'

describe('planned time ↔ datetime-local', () => {
  it('reads the picker value as local wall-clock time', () => {
    expect(fromLocalInput('2026-03-01T18:30')).toBe(new Date(2026, 2, 1, 18, 30).getTime())
  })

  it('round-trips to the minute', () => {
    const ms = new Date(2026, 11, 31, 23, 59).getTime()
    expect(toLocalInput(ms)).toBe('2026-12-31T23:59')
    expect(fromLocalInput(toLocalInput(ms))).toBe(ms)
  })

  it('empty and garbage mean no planned time', () => {
    expect(toLocalInput(null)).toBe('')
    expect(fromLocalInput('')).toBeNull()
    expect(fromLocalInput('tomorrow')).toBeNull()
  })
})
