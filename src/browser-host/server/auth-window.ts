/**
 * AuthWindow for the browser host. The page opens the authorize URL in a new tab (from the user's
 * click); the platform redirects to the host's callback route `<WEB_URL>oauth/callback/<platform>`,
 * which calls `complete()` and so resolves `open()`. A tab closed without an answer ends in `timedOut`.
 */
import type { AuthWindow, AuthWindowOutcome, AuthWindowRequest } from '../../main/ports/auth-window'
import { systemClock, type Clock } from '../../main/ports/clock'
import type { PageLink } from './page-link'

type AuthPlatform = AuthWindowRequest['platform']

export interface BrowserHostAuthWindow extends AuthWindow {
  /** Called by the callback route with the full callback URL; false when no flow was waiting for it. */
  complete(platform: AuthPlatform, url: string): boolean
}

interface Flow {
  readonly redirectUri: string
  readonly finish: (outcome: AuthWindowOutcome) => void
}

/** The redirect URI without query or fragment: what a callback URL must start with. */
const base = (uri: string): string => uri.replace(/[?#].*$/, '')

export function createBrowserHostAuthWindow(options: {
  readonly link: PageLink
  readonly callbackUrl: (platform: AuthPlatform) => string
  readonly clock?: Clock
}): BrowserHostAuthWindow {
  const clock = options.clock ?? systemClock
  const flows = new Map<AuthPlatform, Flow>()

  return {
    open(request) {
      // One sign-in per platform at a time: a new attempt supersedes the old one.
      flows.get(request.platform)?.finish({ kind: 'cancelled' })
      return new Promise<AuthWindowOutcome>((resolve) => {
        const timer = clock.setTimeout(() => finish({ kind: 'timedOut' }), request.timeoutMs)
        const finish = (outcome: AuthWindowOutcome): void => {
          if (flows.get(request.platform) !== flow) return
          flows.delete(request.platform)
          timer.cancel()
          resolve(outcome)
        }
        const flow: Flow = { redirectUri: request.redirectUri, finish }
        flows.set(request.platform, flow)
        // A blocked popup or no page at all: nothing will ever come back, so say so now.
        options.link.request({ kind: 'authOpen', url: request.authorizeUrl }).then(
          (opened) => opened || finish({ kind: 'cancelled' }),
          () => finish({ kind: 'cancelled' })
        )
      })
    },
    complete(platform, url) {
      const flow = flows.get(platform)
      if (!flow || !url.startsWith(base(flow.redirectUri))) return false
      flow.finish({ kind: 'redirected', url })
      return true
    },
    // The sign-in session lives in the user's own browser profile; the host cannot clear it.
    clearSession: () => Promise.resolve(),
    redirectUriOverride: (platform) => options.callbackUrl(platform)
  }
}
