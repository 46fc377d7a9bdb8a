/**
 * Who may invoke main: only the app's own page, in its top frame, in a window main created. This is
 * the check VS Code and GitHub Desktop make on every message; an iframe or a navigated-away page
 * (should hardening ever fail) gets `forbidden_sender`.
 */
import type { SenderInfo, SenderPolicy } from './router'

export interface AppSenderPolicyOptions {
  /** Allowed origins as `scheme://host[:port]`, e.g. `app://livedeck` or `http://localhost:5173`. */
  readonly origins: readonly string[]
  /** When given, the sender's webContents must be one of ours (Electron). */
  readonly isKnownWebContents?: (id: number) => boolean
}

/**
 * `scheme://host[:port]` of a URL. WHATWG URL reports origin "null" for custom schemes such as
 * `app:`, so the origin is rebuilt from its parts.
 */
export function originOf(url: string): string | null {
  try {
    const u = new URL(url)
    if (u.host === '') return null
    return `${u.protocol}//${u.host}`
  } catch {
    return null
  }
}

export function createAppSenderPolicy(options: AppSenderPolicyOptions): SenderPolicy {
  const origins = new Set(options.origins.map((o) => originOf(o) ?? o))
  return {
    allows(sender: SenderInfo): boolean {
      if (!sender.isTopFrame) return false
      const origin = originOf(sender.url)
      if (origin === null || !origins.has(origin)) return false
      if (options.isKnownWebContents === undefined) return true
      return sender.webContentsId !== null && options.isKnownWebContents(sender.webContentsId)
    }
  }
}
