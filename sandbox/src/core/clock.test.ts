import { describe, expect, it } from 'vitest'
import { createClock } from './clock'

describe('sandbox clock', () => {
  it('advance moves now and fires due timers in order', () => {
    const clock = createClock({ startMs: 1_000_000 })
    const fired: string[] = []
    clock.setTimeout(() => fired.push('b'), 20_000)
    clock.setTimeout(() => fired.push('a'), 10_000)
    clock.setTimeout(() => fired.push('c'), 60_000)
    clock.advance(30_000)
    expect(fired).toEqual(['a', 'b'])
    expect(clock.now()).toBeGreaterThanOrEqual(1_030_000)
    clock.dispose()
  })

  it('intervals fire once per period on advance and stop on cancel', () => {
    const clock = createClock()
    let n = 0
    const h = clock.setInterval(() => n++, 1000)
    clock.advance(3500)
    expect(n).toBe(3)
    h.cancel()
    clock.advance(5000)
    expect(n).toBe(3)
    clock.dispose()
  })

  it('real time fires timers without an advance', async () => {
    const clock = createClock()
    await new Promise<void>((resolve) => clock.setTimeout(resolve, 5))
    clock.dispose()
  })
})
