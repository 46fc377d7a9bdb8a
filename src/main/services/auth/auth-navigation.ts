/**
 * The decisions an OAuth sign-in window makes, kept free of Electron so they are unit-tested:
 * every navigation, server redirect, popup and raw request URL goes through `decideAuthNavigation`.
 *
 * The redirect to `redirectUri` is caught before it loads (the code or token in it must not reach a
 * page), everything else must stay on the platform's allowed hosts over https. Plain http is allowed
 * only on loopback hosts, where the local sandbox runs.
 */
import { hostAllowed, parseUrl } from '../net/host-pattern'

export interface AuthNavigationRules {
  readonly redirectUri: string
  readonly allowedHosts: readonly string[]
}

export type AuthNavigationDecision =
  /** The flow ended: hand this URL back to the caller, load nothing. */
  | { readonly kind: 'redirect'; readonly url: string }
  | { readonly kind: 'allow' }
  | { readonly kind: 'deny' }

const loopback = new Set(['127.0.0.1', 'localhost', '[::1]'])

const normalPath = (path: string): string => (path === '' ? '/' : path)

/** Same scheme, host, port and path as the redirect URI; any query and fragment. */
export function isRedirectTo(url: string, redirectUri: string): boolean {
  const u = parseUrl(url)
  const r = parseUrl(redirectUri)
  if (u === null || r === null) return false
  return (
    u.protocol === r.protocol &&
    u.host.toLowerCase() === r.host.toLowerCase() &&
    normalPath(u.pathname) === normalPath(r.pathname) &&
    u.username === '' &&
    u.password === ''
  )
}

export function decideAuthNavigation(url: string, rules: AuthNavigationRules): AuthNavigationDecision {
  if (isRedirectTo(url, rules.redirectUri)) return { kind: 'redirect', url }
  // Sign-in pages open about:blank popups and frames before navigating them.
  if (url === 'about:blank') return { kind: 'allow' }
  const u = parseUrl(url)
  if (u === null || u.username !== '' || u.password !== '') return { kind: 'deny' }
  const secure = u.protocol === 'https:' || (u.protocol === 'http:' && loopback.has(u.hostname))
  return secure && hostAllowed(u, rules.allowedHosts) ? { kind: 'allow' } : { kind: 'deny' }
}

/**
 * A `webRequest` URL filter (a coarse prefix; the listener re-checks with `isRedirectTo`) for the
 * backstop that cancels the redirect request should a navigation event be missed.
 */
export function redirectRequestFilter(redirectUri: string): string[] {
  const r = parseUrl(redirectUri)
  if (r === null) return []
  return [`${r.protocol}//${r.host}${normalPath(r.pathname)}*`]
}
