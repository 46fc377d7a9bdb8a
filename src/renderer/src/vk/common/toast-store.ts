import { create } from 'zustand'

/** One short confirmation at a time (e.g. "Stream key copied"); it hides itself. */
interface ToastState {
  readonly text: string | null
  readonly seq: number
  readonly show: (text: string) => void
  readonly hide: (seq: number) => void
}

export const TOAST_MS = 3000

export const useVkToast = create<ToastState>()((set) => ({
  text: null,
  seq: 0,
  show: (text) => set((s) => ({ text, seq: s.seq + 1 })),
  hide: (seq) => set((s) => (s.seq === seq ? { text: null } : s))
}))
