/**
 * The stream settings the user is editing. Kept outside the form component so switching screens, a
 * channel refresh or a failed save never loses what was typed; it is seeded from the channel only once
 * per signed-in channel, and after a successful save.
 */
import { create } from 'zustand'
import type { VkCategoryView, VkStreamView } from '../../../../shared/ipc/domain'

export interface StreamDraft {
  readonly title: string
  readonly category: Pick<VkCategoryView, 'id' | 'title'> | null
  readonly categoryQuery: string
  /** `datetime-local` value; '' for none. */
  readonly planned: string
}

interface DraftState {
  /** Which channel the draft belongs to; null until seeded. */
  readonly channelUrl: string | null
  readonly draft: StreamDraft
  readonly edit: (patch: Partial<StreamDraft>) => void
  readonly seed: (channelUrl: string, draft: StreamDraft) => void
}

export const emptyDraft: StreamDraft = { title: '', category: null, categoryQuery: '', planned: '' }

export const useStreamDraft = create<DraftState>()((set) => ({
  channelUrl: null,
  draft: emptyDraft,
  edit: (patch) => set((s) => ({ draft: { ...s.draft, ...patch } })),
  seed: (channelUrl, draft) => set({ channelUrl, draft })
}))

export function draftFromStream(stream: VkStreamView | null, toLocal: (ms: number | null) => string): StreamDraft {
  if (!stream) return emptyDraft
  const category = stream.category ? { id: stream.category.id, title: stream.category.title } : null
  return { title: stream.title, category, categoryQuery: category?.title ?? '', planned: toLocal(stream.plannedAt) }
}
