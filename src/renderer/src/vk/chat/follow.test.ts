import { describe, expect, it } from 'vitest'
import { following, onScroll, unseen } from './follow'

describe('chat follow state', () => {
  it('follows until the user scrolls up, then counts what arrives', () => {
    const paused = onScroll(following, { scrollTop: 300, previousTop: 500, atBottom: false }, 40)
    expect(paused).toEqual({ paused: true, pausedAt: 40 })
    expect(unseen(paused, 40)).toBe(0)
    expect(unseen(paused, 47)).toBe(7)
  })

  it('does not pause for our own downward scrolls that have not reached the end yet', () => {
    expect(onScroll(following, { scrollTop: 600, previousTop: 500, atBottom: false }, 10)).toBe(following)
  })

  it('resumes when the user is back at the bottom', () => {
    const paused = onScroll(following, { scrollTop: 0, previousTop: 500, atBottom: false }, 3)
    const resumed = onScroll(paused, { scrollTop: 900, previousTop: 0, atBottom: true }, 9)
    expect(resumed).toBe(following)
    expect(unseen(resumed, 20)).toBe(0)
  })

  it('stays paused while the user keeps scrolling up', () => {
    const paused = onScroll(following, { scrollTop: 400, previousTop: 500, atBottom: false }, 5)
    expect(onScroll(paused, { scrollTop: 200, previousTop: 400, atBottom: false }, 9)).toBe(paused)
  })
})
