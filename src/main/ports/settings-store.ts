/**
 * Persistent key/value settings (non-secret values and base64 ciphertexts only).
 * Electron: electron-store; Node: `conf`; both built from one schema + migrations module.
 * Writes are atomic.
 */
export interface SettingsStore<T extends Record<string, unknown>> {
  get<K extends keyof T>(key: K): T[K]
  set<K extends keyof T>(key: K, value: T[K]): void
  delete<K extends keyof T>(key: K): void
  /** The whole document (for diagnostics and tests). */
  snapshot(): T
}
