/**
 * What the OS tells the app about sleep and the network. Electron: `powerMonitor` 'suspend'/'resume'
 * and `net.isOnline()` watched for changes; the browser host has none (it never sleeps on its own).
 * Each `on*` returns its unsubscribe function.
 */
export interface SystemSignals {
  onSuspend(listener: () => void): () => void
  onResume(listener: () => void): () => void
  /** Called with the new state on every change (not on subscribe). */
  onOnlineChange(listener: (online: boolean) => void): () => void
  isOnline(): boolean
}
