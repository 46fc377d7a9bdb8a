/**
 * What the Kuaishou panel shows, as main last said it (account, active live, upload progress). Main is
 * the source of truth: this store is filled from `kuaishou.getAccount`/`getLive` on start and kept in
 * step by the `kuaishou.*` events. It never holds the push URL itself, only its sensitive ref.
 */
import { create } from 'zustand'
import type { KuaishouAccountView, KuaishouLiveView, KuaishouUploadProgress } from '../../../shared/ipc/kuaishou'

export interface KuaishouState {
  readonly account: KuaishouAccountView | null
  readonly live: KuaishouLiveView | null
  /** Whether `getLive` has answered once (so "no live" is known, not just not loaded yet). */
  readonly liveLoaded: boolean
  readonly upload: KuaishouUploadProgress | null
  readonly setAccount: (account: KuaishouAccountView) => void
  readonly setLive: (live: KuaishouLiveView | null) => void
  readonly setUpload: (upload: KuaishouUploadProgress | null) => void
}

export const useKuaishouStore = create<KuaishouState>()((set) => ({
  account: null,
  live: null,
  liveLoaded: false,
  upload: null,
  setAccount: (account) => set({ account }),
  setLive: (live) => set({ live, liveLoaded: true }),
  setUpload: (upload) => set({ upload })
}))
