/**
 * The user's streamer-mode choice and OBS's last status. Not persisted: the safe default of a fresh
 * start is decided by OBS's state, and a user who wants it always on switches it on.
 */
import { create } from 'zustand'
import type { ObsStatusView } from '../../../shared/ipc/obs'
import { streamerModeOn } from './streamer-mode'

export interface StreamerState {
  readonly chosen: boolean
  readonly obs: ObsStatusView | null
  readonly choose: (on: boolean) => void
  readonly setObs: (obs: ObsStatusView) => void
}

export const useStreamerStore = create<StreamerState>()((set) => ({
  chosen: false,
  obs: null,
  choose: (chosen) => set({ chosen }),
  setObs: (obs) => set({ obs })
}))

/** Whether keys and push URLs must stay masked right now. */
export const useStreamerMode = (): boolean => useStreamerStore((s) => streamerModeOn(s.chosen, s.obs))
