/**
 * Coalesces chat updates into one renderer event per 16 ms window (a frame), so a 500 msg/s burst is
 * ~60 IPC messages a second, not 500.
 */
import type { VkChatBatch, VkChatLine } from '../../../../shared/ipc/domain'
import type { Clock } from '../../../ports/clock'

export const BATCH_WINDOW_MS = 16

export class ChatBatcher {
  private lines: VkChatLine[] = []
  private deleted: number[] = []
  private reset = false
  private timer: { cancel(): void } | null = null

  constructor(
    private readonly clock: Clock,
    private readonly emit: (batch: VkChatBatch) => void
  ) {}

  push(line: VkChatLine): void {
    this.lines.push(line)
    this.schedule()
  }

  pushDeleted(id: number): void {
    this.deleted.push(id)
    this.schedule()
  }

  /** The next batch replaces the renderer's list with `lines`. */
  replaceAll(lines: readonly VkChatLine[]): void {
    this.lines = [...lines]
    this.deleted = []
    this.reset = true
    this.schedule()
  }

  flush(): void {
    this.timer?.cancel()
    this.timer = null
    if (this.lines.length === 0 && this.deleted.length === 0 && !this.reset) return
    const batch: VkChatBatch = { lines: this.lines, deleted: this.deleted, reset: this.reset }
    this.lines = []
    this.deleted = []
    this.reset = false
    this.emit(batch)
  }

  dispose(): void {
    this.timer?.cancel()
    this.timer = null
    this.lines = []
    this.deleted = []
  }

  private schedule(): void {
    this.timer ??= this.clock.setTimeout(() => this.flush(), BATCH_WINDOW_MS)
  }
}
