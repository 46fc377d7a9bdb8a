/**
 * The authorize decision, shared by the HTML authorize page and `POST <control>/vk/consent`: validate the
 * authorize query (client, exact redirect URI, response type, comma-separated scopes), then build the
 * redirect the browser gets for an approval or a denial.
 */
import { z } from 'zod'
import { allScopes } from '../fixtures'
import type { VkApps } from './apps'
import type { TokenStore } from './token-store'

export const authorizeQuerySchema = z.object({
  client_id: z.string().optional(),
  redirect_uri: z.string().optional(),
  response_type: z.string().optional(),
  scope: z.string().optional(),
  state: z.string().optional()
})
export type AuthorizeQuery = z.infer<typeof authorizeQuerySchema>

export interface ValidAuthorize {
  clientId: string
  redirectUri: string
  responseType: 'code' | 'token'
  scopes: string[]
  state: string | undefined
}

/** Checks an authorize request; `error` is what the page shows (it cannot redirect to an unchecked URI). */
export function validateAuthorize(apps: VkApps, q: AuthorizeQuery): { ok: true; value: ValidAuthorize } | { ok: false; error: string } {
  if (!q.client_id) return { ok: false, error: 'client_id is required' }
  const app = apps.find(q.client_id)
  if (!app) return { ok: false, error: `unknown client_id: ${q.client_id}` }
  if (!q.redirect_uri) return { ok: false, error: 'redirect_uri is required' }
  if (!apps.redirectAllowed(app, q.redirect_uri)) return { ok: false, error: 'redirect_uri does not match a registered redirect URI' }
  const responseType = q.response_type ?? 'code'
  if (responseType !== 'code' && responseType !== 'token') return { ok: false, error: `unsupported response_type: ${responseType}` }
  const scopes = parseScopes(q.scope ?? '')
  if (!scopes.ok) return { ok: false, error: `unknown scope: ${scopes.unknown}` }
  return { ok: true, value: { clientId: app.clientId, redirectUri: q.redirect_uri, responseType, scopes: scopes.scopes, state: q.state } }
}

/** Comma-separated, as VK wants; a space-separated list reads as one unknown scope. */
export function parseScopes(raw: string): { ok: true; scopes: string[] } | { ok: false; unknown: string } {
  const scopes = raw === '' ? [] : raw.split(',').map((s) => s.trim())
  const known: readonly string[] = allScopes
  const unknown = scopes.find((s) => !known.includes(s))
  return unknown === undefined ? { ok: true, scopes: [...new Set(scopes)] } : { ok: false, unknown }
}

function withParams(redirectUri: string, params: Record<string, string | undefined>, inFragment: boolean): string {
  const search = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v !== undefined) search.set(k, v)
  if (inFragment) return `${redirectUri.split('#')[0] ?? redirectUri}#${search.toString()}`
  const [base, fragment] = redirectUri.split('#', 2)
  const joiner = (base ?? '').includes('?') ? '&' : '?'
  return `${base ?? ''}${joiner}${search.toString()}${fragment === undefined ? '' : `#${fragment}`}`
}

export interface Decision {
  userId: number
  deny: boolean
  /** Granted scopes (a subset of the requested ones); default: all requested. */
  granted?: string[]
}

/** The redirect location for an approval or a denial. */
export function decide(req: ValidAuthorize, decision: Decision, tokens: TokenStore): string {
  const inFragment = req.responseType === 'token'
  if (decision.deny) {
    return withParams(req.redirectUri, { error: 'access_denied', error_description: 'The user denied access to the application', state: req.state }, inFragment)
  }
  const scopes = decision.granted ? req.scopes.filter((s) => decision.granted?.includes(s)) : req.scopes
  if (req.responseType === 'code') {
    const code = tokens.issueCode({ clientId: req.clientId, userId: decision.userId, scopes, redirectUri: req.redirectUri })
    return withParams(req.redirectUri, { code, state: req.state }, false)
  }
  const { token, expiresAtS } = tokens.issueAccess({ kind: 'user', clientId: req.clientId, userId: decision.userId, scopes })
  return withParams(req.redirectUri, { access_token: token, state: req.state, expire_time: String(expiresAtS), token_type: 'Bearer' }, true)
}
