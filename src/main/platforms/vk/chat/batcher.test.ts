import { describe, expect, it } from 'vitest'
import type { VkChatBatch, VkChatSystemLine } from '../../../../shared/ipc/domain'
import type { Clock } from '../../../ports/clock'
import { BATCH_WINDOW_MS, ChatBatcher } from './batcher'

/** A manual clock: timers fire only when the test moves time. */
function manualClock() {
  let now = 0
  const timers: Array<{ at: number; fn: () => void; live: boolean }> = []
  const clock: Clock = {
    now: () => now,
    setTimeout(fn, ms) {
      const t = { at: now + ms, fn, live: true }
      timers.push(t)
      return { cancel: () => void (t.live = false) }
    }
  }
  const advance = (ms: number) => {
    now += ms
    for (const t of timers.filter((x) => x.live && x.at <= now)) {
      t.live = false
      t.fn()
    }
  }
  return { clock, advance, pending: () => timers.filter((t) => t.live).length }
}

const line = (n: number): VkChatSystemLine => ({ kind: 'system', key: `s${n}`, event: 'follow', createdAt: 0, nick: `u${n}`, nickColor: 0 })

describe('ChatBatcher', () => {
  it('sends everything of one 16 ms window as one event', () => {
    const { clock, advance } = manualClock()
    const out: VkChatBatch[] = []
    const b = new ChatBatcher(clock, (x) => out.push(x))
    for (let i = 0; i < 50; i++) b.push(line(i))
    b.pushDeleted(9)
    advance(BATCH_WINDOW_MS - 1)
    expect(out).toEqual([])
    advance(1)
    expect(out).toHaveLength(1)
    expect(out[0]!.lines).toHaveLength(50)
    expect(out[0]!.deleted).toEqual([9])
    expect(out[0]!.reset).toBe(false)
    b.push(line(50))
    advance(BATCH_WINDOW_MS)
    expect(out).toHaveLength(2)
  })

  it('a reset replaces what was pending; nothing is sent for an empty window', () => {
    const { clock, advance, pending } = manualClock()
    const out: VkChatBatch[] = []
    const b = new ChatBatcher(clock, (x) => out.push(x))
    b.push(line(1))
    b.replaceAll([line(2), line(3)])
    advance(BATCH_WINDOW_MS)
    expect(out).toEqual([{ lines: [line(2), line(3)], deleted: [], reset: true }])
    advance(100)
    expect(out).toHaveLength(1)
    b.push(line(4))
    b.dispose()
    expect(pending()).toBe(0)
  })
})
