/**
 * Keeps the OS from suspending the app. Electron: `powerSaveBlocker.start('prevent-app-suspension')`
 * (the display may still sleep); `stop` undoes the last `start`.
 */
export interface PowerSaveBlocker {
  start(): void
  stop(): void
}
