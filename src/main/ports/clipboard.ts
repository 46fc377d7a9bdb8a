/** Writes text to the system clipboard. Electron: `clipboard.writeText`; browser host: the bridge. */
export interface Clipboard {
  writeText(text: string): Promise<void>
}
