/// <reference types="vite/client" />
import type { LivedeckApi } from '../../shared/ipc/contract'

declare global {
  interface Window {
    /** The only way the renderer talks to main: built by the preload (Electron) or the browser-host bridge. */
    readonly livedeck: LivedeckApi
  }
}
