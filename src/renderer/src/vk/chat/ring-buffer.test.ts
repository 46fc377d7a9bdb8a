import { describe, expect, it } from 'vitest'
import type { VkChatLine } from '../../../../shared/ipc/domain'
import { vkMessage } from '../../testing/vk-fake'
import { applyBatch, CHAT_CAPACITY } from './ring-buffer'

const batch = (lines: VkChatLine[], deleted: number[] = [], reset = false) => ({ lines, deleted, reset })
const ids = (lines: readonly VkChatLine[]) => lines.map((l) => (l.kind === 'message' ? l.id : l.key))

describe('chat ring buffer', () => {
  it('appends live lines and counts them', () => {
    const first = applyBatch([], batch([vkMessage(1, 'a'), vkMessage(2, 'b')]))
    const second = applyBatch(first.lines, batch([vkMessage(3, 'c')]))
    expect(ids(second.lines)).toEqual([1, 2, 3])
    expect([first.added, second.added]).toEqual([2, 1])
  })

  it('skips a line whose key is already there (a reconnect replays it), also within one batch', () => {
    const { lines } = applyBatch([], batch([vkMessage(1, 'a')]))
    const again = applyBatch(lines, batch([vkMessage(1, 'a'), vkMessage(2, 'b'), vkMessage(2, 'b')]))
    expect(ids(again.lines)).toEqual([1, 2])
    expect(again.added).toBe(1)
  })

  it('keeps only the newest 1000, dropping the oldest', () => {
    let lines: readonly VkChatLine[] = []
    for (let start = 0; start < 1500; start += 100) {
      lines = applyBatch(lines, batch(Array.from({ length: 100 }, (_, i) => vkMessage(start + i, 't')))).lines
    }
    expect(CHAT_CAPACITY).toBe(1000)
    expect(lines).toHaveLength(1000)
    expect(ids(lines)[0]).toBe(500)
    expect(ids(lines).at(-1)).toBe(1499)
  })

  it('caps a single oversized batch too', () => {
    const { lines, added } = applyBatch([], batch(Array.from({ length: 1200 }, (_, i) => vkMessage(i, 't'))), 1000)
    expect(lines).toHaveLength(1000)
    expect(ids(lines)[0]).toBe(200)
    expect(added).toBe(1000)
  })

  it('a reset replaces the list with the backlog and counts nothing as new', () => {
    const { lines } = applyBatch([], batch([vkMessage(1, 'a'), vkMessage(2, 'b')]))
    const reset = applyBatch(lines, batch([vkMessage(7, 'x')], [], true))
    expect(ids(reset.lines)).toEqual([7])
    expect(reset.added).toBe(0)
  })

  it('greys deleted messages in place, leaving the others untouched', () => {
    const { lines } = applyBatch([], batch([vkMessage(1, 'a'), vkMessage(2, 'b')]))
    const next = applyBatch(lines, batch([], [2]))
    expect(next.lines.map((l) => l.kind === 'message' && l.deleted)).toEqual([false, true])
    expect(next.lines[0]).toBe(lines[0])
    expect(next.added).toBe(0)
  })
})
