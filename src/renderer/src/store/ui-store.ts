/**
 * UI state. Deliberately not persisted: everything here is re-read from main on start, and nothing
 * sensitive (secrets, tokens, stream keys) is ever put in it — secret inputs live in component state only
 * and are cleared as soon as they are sent.
 */
import { create } from 'zustand'
import type { AppInfo, SettingsView } from '../../../shared/ipc/domain'
import type { IpcError } from '../../../shared/ipc/result'

export type Screen = 'dashboard' | 'settings'

export interface UiState {
  readonly screen: Screen
  readonly info: AppInfo | null
  readonly settings: SettingsView | null
  /** The last failed request, shown translated by its code until dismissed. */
  readonly error: IpcError | null
  // Arrow-typed so components can take them out of the store unbound.
  readonly show: (screen: Screen) => void
  readonly setInfo: (info: AppInfo) => void
  readonly setSettings: (settings: SettingsView) => void
  readonly setError: (error: IpcError | null) => void
}

export const useUiStore = create<UiState>()((set) => ({
  screen: 'dashboard',
  info: null,
  settings: null,
  error: null,
  show: (screen) => set({ screen }),
  setInfo: (info) => set({ info }),
  setSettings: (settings) => set({ settings }),
  setError: (error) => set({ error })
}))
