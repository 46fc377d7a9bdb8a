import { create } from 'zustand'
import type { VkChannelView } from '../../../../shared/ipc/domain'
import type { IpcError } from '../../../../shared/ipc/result'
import { livedeck } from '../../api/livedeck'

interface VkChannelState {
  readonly channel: VkChannelView | null
  readonly error: IpcError | null
  readonly set: (patch: Partial<Omit<VkChannelState, 'set'>>) => void
}

export const useVkChannel = create<VkChannelState>()((set) => ({
  channel: null,
  error: null,
  set: (patch) => set(patch)
}))

export async function refreshChannel(): Promise<void> {
  const result = await livedeck().vk.getChannel()
  useVkChannel.getState().set(result.ok ? { channel: result.value, error: null } : { error: result.error })
}
