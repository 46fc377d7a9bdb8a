/** Asks the user to confirm quitting while live. Electron: a modal message box on the main window. */
export interface QuitDialog {
  /** Resolves true when the user chose to quit anyway. */
  confirmQuitWhileLive(platforms: readonly string[]): Promise<boolean>
}
