/**
 * The chat as the renderer shows it: the ring buffer of lines, main's chat status, and the outbox
 * (one honest state per message the user sent). Lives outside components so a screen switch keeps it.
 */
import { create } from 'zustand'
import type { VkChatBatch, VkChatLine, VkChatStatus, VkSendState } from '../../../../shared/ipc/domain'
import { applyBatch } from './ring-buffer'

export interface OutboxEntry extends Partial<Omit<VkSendState, 'clientId'>> {
  readonly clientId: string
  readonly text: string
  readonly state: VkSendState['state']
}

/** The outbox shows the last few sends only. */
const OUTBOX_MAX = 5

interface ChatState {
  readonly lines: readonly VkChatLine[]
  /** Lines received live since the page started (monotonic: counts what the ring buffer dropped too). */
  readonly received: number
  readonly status: VkChatStatus | null
  readonly outbox: readonly OutboxEntry[]
  readonly applyBatch: (batch: VkChatBatch) => void
  readonly setStatus: (status: VkChatStatus) => void
  readonly queue: (clientId: string, text: string) => void
  readonly sendState: (state: VkSendState) => void
  readonly clear: () => void
}

export const useVkChat = create<ChatState>()((set) => ({
  lines: [],
  received: 0,
  status: null,
  outbox: [],
  applyBatch: (batch) =>
    set((s) => {
      const { lines, added } = applyBatch(s.lines, batch)
      return { lines, received: s.received + added }
    }),
  setStatus: (status) => set({ status }),
  queue: (clientId, text) => set((s) => ({ outbox: [...s.outbox, { clientId, text, state: 'sending' as const }].slice(-OUTBOX_MAX) })),
  sendState: (update) =>
    set((s) => ({
      outbox: s.outbox.map((e) =>
        e.clientId === update.clientId ? { clientId: e.clientId, text: e.text, state: update.state, error: update.error, retryAt: update.retryAt } : e
      )
    })),
  clear: () => set({ lines: [], status: null, outbox: [] })
}))
