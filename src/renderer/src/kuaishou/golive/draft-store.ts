/**
 * The "go live" form and its checklist, kept in memory only (the renderer persists nothing). The picked
 * file is kept so switching crop ↔ fit re-converts the original, never a converted copy.
 */
import { create } from 'zustand'
import type { IpcError } from '../../../../shared/ipc/result'
import type { Cover, CoverFit, CoverProblem } from '../cover/convert-cover'

export type CoverState =
  | { readonly kind: 'empty' }
  | { readonly kind: 'converting'; readonly name: string }
  | { readonly kind: 'ready'; readonly name: string; readonly cover: Cover }
  | { readonly kind: 'failed'; readonly name: string; readonly problem: CoverProblem }

export type StepState = 'pending' | 'active' | 'done' | 'failed'

/** The "Get push URL" checklist: each step's honest state, and the error that stopped it. */
export interface Checklist {
  readonly running: boolean
  readonly upload: StepState
  readonly pushUrl: StepState
  readonly error: IpcError | null
}

export interface DraftState {
  readonly caption: string
  readonly panoramic: 0 | 1 | 2
  readonly shopLive: boolean
  readonly deviceName: string
  readonly fit: CoverFit
  readonly source: File | null
  readonly cover: CoverState
  readonly checklist: Checklist
  readonly patch: (p: Partial<Pick<DraftState, 'caption' | 'panoramic' | 'shopLive' | 'deviceName' | 'fit' | 'source' | 'cover'>>) => void
  readonly setChecklist: (p: Partial<Checklist>) => void
}

export const idleChecklist: Checklist = { running: false, upload: 'pending', pushUrl: 'pending', error: null }

export const useDraftStore = create<DraftState>()((set) => ({
  caption: '',
  panoramic: 0,
  shopLive: false,
  deviceName: '',
  fit: 'crop',
  source: null,
  cover: { kind: 'empty' },
  checklist: idleChecklist,
  patch: (p) => set(p),
  setChecklist: (p) => set((s) => ({ checklist: { ...s.checklist, ...p } }))
}))
