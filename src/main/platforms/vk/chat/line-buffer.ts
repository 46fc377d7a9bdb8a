/**
 * The last 1000 chat lines, de-duplicated by message id: the same message arrives twice across a
 * reconnect (backlog + push), from the polling fallback, or on both the public and private channel.
 */
import type { VkChatLine, VkChatMessageView } from '../../../../shared/ipc/domain'

export const CHAT_BUFFER_SIZE = 1000

export class LineBuffer {
  private lines: VkChatLine[] = []
  private readonly ids = new Set<number>()
  /** Deletions can arrive before the message they delete (backlog racing a push). */
  private readonly deletedIds = new Set<number>()

  constructor(private readonly capacity = CHAT_BUFFER_SIZE) {}

  has(id: number): boolean {
    return this.ids.has(id)
  }

  /** Adds the line unless its message id is already known; returns the line as stored, or null. */
  add(line: VkChatLine): VkChatLine | null {
    let stored = line
    if (line.kind === 'message') {
      if (this.ids.has(line.id)) return null
      this.ids.add(line.id)
      if (this.deletedIds.has(line.id)) stored = { ...line, deleted: true }
    }
    this.lines.push(stored)
    if (this.lines.length > this.capacity) {
      const dropped = this.lines.splice(0, this.lines.length - this.capacity)
      for (const d of dropped) if (d.kind === 'message') this.ids.delete(d.id)
    }
    return stored
  }

  /** Marks a message deleted; true when it was in the buffer. */
  markDeleted(id: number): boolean {
    this.deletedIds.add(id)
    if (this.deletedIds.size > this.capacity) this.deletedIds.delete(this.deletedIds.values().next().value!)
    const index = this.lines.findIndex((l) => l.kind === 'message' && l.id === id)
    if (index < 0) return false
    this.lines[index] = { ...(this.lines[index] as VkChatMessageView), deleted: true }
    return true
  }

  all(): readonly VkChatLine[] {
    return this.lines
  }

  clear(): void {
    this.lines = []
    this.ids.clear()
    this.deletedIds.clear()
  }
}
