/**
 * AuthWindow on Electron: one sandboxed window per sign-in, in the platform's own
 * `persist:auth-<platform>` partition, without a preload. Every navigation, server redirect, popup
 * and (as a backstop) raw request goes through `decideAuthNavigation`; the redirect to the
 * registered redirect URI is caught before it loads and ends the flow with its URL.
 */
import { session as electronSession, type BrowserWindow, type Session } from 'electron'
import { AppError } from '../../errors'
import { systemClock, type Clock } from '../../ports/clock'
import type { AuthWindow, AuthWindowOutcome, AuthWindowRequest } from '../../ports/auth-window'
import { decideAuthNavigation, redirectRequestFilter } from '../../services/auth/auth-navigation'
import { createHardenedWindow, denyAllPermissions } from './harden'

type Platform = AuthWindowRequest['platform']

export const authPartition = (platform: Platform): string => `persist:auth-${platform}`

function authSession(platform: Platform): Session {
  const s = electronSession.fromPartition(authPartition(platform))
  denyAllPermissions(s)
  return s
}

export function createElectronAuthWindow(options: { parent?: () => BrowserWindow | null; clock?: Clock } = {}): AuthWindow {
  const clock = options.clock ?? systemClock
  // One flow per platform: the partition's request guard is per session, so a new sign-in cancels
  // the one still open (the user clicked "connect" again).
  const active = new Map<Platform, () => void>()
  const open = (request: AuthWindowRequest): Promise<AuthWindowOutcome> => {
    const rules = { redirectUri: request.redirectUri, allowedHosts: request.allowedHosts }
    if (decideAuthNavigation(request.authorizeUrl, rules).kind !== 'allow') {
      return Promise.reject(new AppError('invalid_input', 'authorize URL is not on an allowed host'))
    }
    const partition = authPartition(request.platform)
    const ses = authSession(request.platform)

    active.get(request.platform)?.()
    return new Promise<AuthWindowOutcome>((resolve) => {
      let settled = false
      let window: BrowserWindow | null = null
      const finish = (outcome: AuthWindowOutcome): void => {
        if (settled) return
        settled = true
        timer.cancel()
        active.delete(request.platform)
        ses.webRequest.onBeforeRequest(null)
        if (window !== null && !window.isDestroyed()) window.destroy()
        resolve(outcome)
      }
      const timer = clock.setTimeout(() => finish({ kind: 'timedOut' }), request.timeoutMs)
      active.set(request.platform, () => finish({ kind: 'cancelled' }))

      /** One decision for navigations, redirects and popups; the redirect ends the flow. */
      const decide = (url: string): boolean => {
        const decision = decideAuthNavigation(url, rules)
        if (decision.kind === 'redirect') finish({ kind: 'redirected', url: decision.url })
        return decision.kind === 'allow'
      }

      // Backstop: should a navigation event be missed, the redirect request itself never goes out.
      ses.webRequest.onBeforeRequest({ urls: redirectRequestFilter(request.redirectUri) }, (details, callback) => {
        const redirect = decideAuthNavigation(details.url, rules).kind === 'redirect'
        callback({ cancel: redirect })
        if (redirect) finish({ kind: 'redirected', url: details.url })
      })

      const parent = options.parent?.() ?? null
      window = createHardenedWindow(
        {
          width: 520,
          height: 720,
          title: 'Sign in',
          autoHideMenuBar: true,
          ...(parent !== null && !parent.isDestroyed() ? { parent, modal: false } : {})
        },
        { partition },
        { navigation: decide, windowOpen: (url) => (decide(url) ? 'allow' : 'deny') }
      )
      window.on('closed', () => finish({ kind: 'cancelled' }))
      window.loadURL(request.authorizeUrl).catch(() => {
        // Aborted loads are expected when the redirect is caught; anything else leaves the window open
        // for the user to retry or close (→ cancelled), or the timeout ends it.
      })
    })
  }

  return {
    open,
    async clearSession(platform) {
      const s = authSession(platform)
      await s.clearStorageData()
      await s.clearCache()
      await s.clearAuthCache()
    },
    redirectUriOverride: () => null
  }
}
