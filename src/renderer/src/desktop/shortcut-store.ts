import { create } from 'zustand'

/** The shortcut help popover and the last shortcut result (read out by a polite live region). */
export interface ShortcutState {
  readonly helpOpen: boolean
  readonly message: string
  readonly seq: number
  readonly toggleHelp: () => void
  readonly closeHelp: () => void
  readonly announce: (message: string) => void
}

export const useShortcutStore = create<ShortcutState>()((set) => ({
  helpOpen: false,
  message: '',
  seq: 0,
  toggleHelp: () => set((s) => ({ helpOpen: !s.helpOpen })),
  closeHelp: () => set({ helpOpen: false }),
  announce: (message) => set((s) => ({ message, seq: s.seq + 1 }))
}))
