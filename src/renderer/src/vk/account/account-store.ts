/**
 * The VK account as main reports it (`vk.getAccount` + `vk.account` events), plus what only the renderer
 * knows: whether a sign-in window is open, and the note left by the last sign-out.
 */
import { create } from 'zustand'
import type { VkAccountView, VkSignOutResult } from '../../../../shared/ipc/domain'
import type { IpcError } from '../../../../shared/ipc/result'

interface VkAccountState {
  readonly account: VkAccountView | null
  readonly connecting: boolean
  readonly connectError: IpcError | null
  readonly signedOut: VkSignOutResult | null
  readonly set: (patch: Partial<Omit<VkAccountState, 'set'>>) => void
}

export const useVkAccount = create<VkAccountState>()((set) => ({
  account: null,
  connecting: false,
  connectError: null,
  signedOut: null,
  set: (patch) => set(patch)
}))
