/**
 * Opens an http(s) URL in the user's browser. Electron: `shell.openExternal`; browser host: the
 * bridge opens a tab. Callers validate the URL first (see `compose.ts`); adapters just open it.
 */
export interface ExternalOpener {
  openExternal(url: string): Promise<void>
}
