import type { VkChatBatch, VkChatLine } from '../../../../shared/ipc/domain'

/** The chat keeps the last 1000 lines, as main does: a long stream never grows the page. */
export const CHAT_CAPACITY = 1000

export interface Applied {
  readonly lines: readonly VkChatLine[]
  /** Lines that are new to the list (a backlog reset counts as none: nothing arrived live). */
  readonly added: number
}

/**
 * Applies one `vkChat.batch`: a reset replaces the list; otherwise new lines are appended (a key
 * already present is skipped), deletions grey their message, and the oldest lines fall off past `cap`.
 */
export function applyBatch(lines: readonly VkChatLine[], batch: VkChatBatch, cap = CHAT_CAPACITY): Applied {
  let next: VkChatLine[]
  let added = 0
  if (batch.reset) {
    next = batch.lines.slice(-cap)
  } else {
    const known = new Set(lines.map((l) => l.key))
    const fresh = batch.lines.filter((l) => !known.has(l.key) && (known.add(l.key), true))
    added = fresh.length
    next = fresh.length === 0 ? [...lines] : [...lines, ...fresh]
  }
  if (batch.deleted.length > 0) {
    const gone = new Set(batch.deleted)
    next = next.map((l) => (l.kind === 'message' && !l.deleted && gone.has(l.id) ? { ...l, deleted: true } : l))
  }
  if (next.length > cap) next = next.slice(next.length - cap)
  return { lines: next, added: Math.min(added, cap) }
}
