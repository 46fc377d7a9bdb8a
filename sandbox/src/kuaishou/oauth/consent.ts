/**
 * The authorize decision, shared by the HTML authorize page and `POST <control>/kuaishou/consent`
 * (reference §3.2, §8.2): validate `app_id`, `response_type=code`, the comma-separated `scope` and the
 * callback, then build the redirect for an approval (`?code=…&state=…`) or a denial. Denial is undocumented;
 * the sandbox shows an error page whose link (and the control answer) is `redirect_uri?error=access_denied&state=…`.
 */
import { z } from 'zod'
import { allScopes, type UserFixture } from '../fixtures'
import type { KuaishouApps } from './apps'
import type { KuaishouTokens } from './token-store'

export const authorizeQuerySchema = z.object({
  app_id: z.string().optional(),
  scope: z.string().optional(),
  response_type: z.string().optional(),
  ua: z.string().optional(),
  redirect_uri: z.string().optional(),
  state: z.string().optional()
})
export type AuthorizeQuery = z.infer<typeof authorizeQuerySchema>

export interface ValidAuthorize {
  appId: string
  redirectUri: string
  scopes: string[]
  ua: 'h5' | 'pc'
  state: string | undefined
}

export type Checked = { ok: true; value: ValidAuthorize } | { ok: false; error: string }

export function validateAuthorize(apps: KuaishouApps, q: AuthorizeQuery): Checked {
  if (!q.app_id) return { ok: false, error: 'app_id is required' }
  const app = apps.find(q.app_id)
  if (!app) return { ok: false, error: `unknown app_id: ${q.app_id}` }
  if (!q.redirect_uri) return { ok: false, error: 'redirect_uri is required' }
  if (!apps.redirectAllowed(app, q.redirect_uri)) return { ok: false, error: 'redirect_uri does not match the registered callback (scheme and domain)' }
  if (q.response_type !== 'code') return { ok: false, error: 'response_type must be code' }
  const ua = q.ua ?? 'h5'
  if (ua !== 'h5' && ua !== 'pc') return { ok: false, error: `unsupported ua: ${ua}` }
  const scopes = (q.scope ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '')
  if (scopes.length === 0) return { ok: false, error: 'scope is required' }
  const unknown = scopes.find((s) => !app.scopes.includes(s))
  if (unknown !== undefined) return { ok: false, error: `invalid scope: ${unknown}` }
  return { ok: true, value: { appId: app.app_id, redirectUri: q.redirect_uri, scopes: [...new Set(scopes)], ua, state: q.state } }
}

export function withQuery(uri: string, params: Record<string, string | undefined>): string {
  const url = new URL(uri)
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v)
  return url.toString()
}

export function denialLocation(req: ValidAuthorize): string {
  return withQuery(req.redirectUri, { error: 'access_denied', state: req.state })
}

export interface Decision {
  user: UserFixture
  deny: boolean
  /** The scopes the user ticked (a subset of the requested ones); default: all requested. */
  granted?: string[]
}

/**
 * The redirect location for an approval or a denial. `scopes` lists what was granted of what was asked
 * (the token sample shows no implicit `user_base`); a user with the `no_live_scope` flag never grants
 * `user_video_live`.
 */
export function decide(req: ValidAuthorize, decision: Decision, tokens: KuaishouTokens): string {
  if (decision.deny) return denialLocation(req)
  const ticked = decision.granted ? req.scopes.filter((s) => decision.granted?.includes(s)) : req.scopes
  const scopes = ticked.filter((s) => !(s === 'user_video_live' && decision.user.flags.includes('no_live_scope')))
  const code = tokens.issueCode({ appId: req.appId, openId: decision.user.open_id, scopes: scopes.filter((s) => (allScopes as readonly string[]).includes(s)) }, req.redirectUri)
  return withQuery(req.redirectUri, { code, state: req.state })
}
