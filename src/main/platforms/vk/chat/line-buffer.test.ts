import { describe, expect, it } from 'vitest'
import type { VkChatMessageView } from '../../../../shared/ipc/domain'
import { LineBuffer } from './line-buffer'

const msg = (id: number): VkChatMessageView => ({
  kind: 'message',
  key: `m${id}`,
  id,
  createdAt: 0,
  author: { id: 1, nick: 'a', nickColor: 0, avatarUrl: null, isOwner: false, isModerator: false, isBot: false, isSubscriber: false, badges: [], roles: [] },
  parts: [],
  isPrivate: false,
  deleted: false,
  mentionsMe: false
})

describe('LineBuffer', () => {
  it('drops duplicate message ids', () => {
    const b = new LineBuffer(10)
    expect(b.add(msg(1))).not.toBeNull()
    expect(b.add(msg(1))).toBeNull()
    expect(b.all().length).toBe(1)
  })

  it('keeps the newest `capacity` lines and forgets the ids it dropped', () => {
    const b = new LineBuffer(3)
    for (let i = 1; i <= 5; i++) b.add(msg(i))
    expect(b.all().map((l) => l.kind === 'message' && l.id)).toEqual([3, 4, 5])
    expect(b.has(1)).toBe(false)
    expect(b.add(msg(1))).not.toBeNull()
  })

  it('marks deletions, also for a message that arrives after its deletion', () => {
    const b = new LineBuffer(10)
    b.add(msg(1))
    expect(b.markDeleted(1)).toBe(true)
    expect(b.markDeleted(2)).toBe(false)
    expect(b.add(msg(2))).toMatchObject({ deleted: true })
    expect(b.all().every((l) => l.kind === 'message' && l.deleted)).toBe(true)
  })
})
