/**
 * VK's OAuth token endpoint (reference §4.3–4.6): client authentication by the Basic header only,
 * form bodies, `redirect_uri` on every refresh (omitting it fails only at the first refresh, an hour
 * later), client credentials for an app token, revoke for sign-out.
 *
 * A 5xx or 429 from the token endpoint is reported as `network`: the vault keeps the tokens for the
 * next attempt instead of sending the user to "Reconnect" for VK's outage.
 */
import { AppError } from '../../errors'
import type { Clock } from '../../ports/clock'
import type { Fetch } from '../../ports/http'
import type { TokenRecord } from '../../services/auth/token-vault'
import { fetchWithTimeout, readJson } from './api-client'
import { tokenResponseSchema, vkErrorBodySchema, type TokenResponse } from './schemas'

export interface VkAppCredentials {
  readonly clientId: string
  readonly clientSecret: string
  readonly redirectUri: string
}

export interface VkOAuthDeps {
  readonly fetch: Fetch
  readonly clock: Clock
  readonly tokenUrl: () => string
  readonly revokeUrl: () => string
  readonly timeoutMs?: number
}

/** VK documents no lifetime; ~1 h is what clients observe (reference §11.2). */
export const DEFAULT_LIFETIME_S = 3600

const basic = (app: VkAppCredentials): string =>
  `Basic ${Buffer.from(`${app.clientId}:${app.clientSecret}`, 'utf8').toString('base64')}`

async function postForm(deps: VkOAuthDeps, url: string, app: VkAppCredentials, form: Record<string, string>): Promise<unknown> {
  const response = await fetchWithTimeout(
    deps.fetch,
    deps.clock,
    url,
    {
      method: 'POST',
      headers: { authorization: basic(app), 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams(form).toString()
    },
    deps.timeoutMs ?? 15_000
  )
  const json = await readJson(response)
  if (response.ok) return json
  const body = vkErrorBodySchema.safeParse(json)
  const code = body.success && /^[a-z0-9_]{1,64}$/.test(body.data.error) ? body.data.error : `http_${response.status}`
  if (response.status >= 500 || response.status === 429) throw new AppError('network', 'VK sign-in service is unavailable; try again', code)
  throw new AppError('platform', 'VK refused the sign-in request', code)
}

/** Lifetime in seconds: `expires_in`, or `expire_time` (seconds from now, or an absolute unix time). */
export function lifetimeSeconds(response: Pick<TokenResponse, 'expires_in' | 'expire_time'>, nowMs: number): number {
  if (response.expires_in !== undefined && response.expires_in > 0) return response.expires_in
  const t = response.expire_time
  if (t !== undefined && t > 0) return t > 1e9 ? Math.max(0, t - Math.floor(nowMs / 1000)) : t
  return DEFAULT_LIFETIME_S
}

function parseTokens(json: unknown): TokenResponse {
  const parsed = tokenResponseSchema.safeParse(json)
  if (!parsed.success) throw new AppError('platform', 'VK sent a sign-in answer Livedeck does not understand', 'bad_response')
  return parsed.data
}

const toRecord = (deps: VkOAuthDeps, t: TokenResponse, extra: TokenRecord['extra']): TokenRecord => ({
  accessToken: t.access_token,
  ...(t.refresh_token ? { refreshToken: t.refresh_token } : {}),
  expiresAt: deps.clock.now() + lifetimeSeconds(t, deps.clock.now()) * 1000,
  ...(t.scope ? { scopes: t.scope.split(/[\s,]+/).filter(Boolean) } : {}),
  ...(extra ? { extra } : {})
})

export function createVkOAuth(deps: VkOAuthDeps) {
  return {
    async exchangeCode(app: VkAppCredentials, code: string, extra?: TokenRecord['extra']): Promise<TokenRecord> {
      const json = await postForm(deps, deps.tokenUrl(), app, { grant_type: 'authorization_code', code, redirect_uri: app.redirectUri })
      return toRecord(deps, parseTokens(json), extra)
    },
    /** Refresh tokens rotate: the answer's refresh token replaces the old one (kept if none is sent). */
    async refresh(app: VkAppCredentials, current: TokenRecord): Promise<TokenRecord> {
      if (!current.refreshToken) throw new AppError('needs_reconnect', 'this sign-in cannot be refreshed')
      const json = await postForm(deps, deps.tokenUrl(), app, {
        grant_type: 'refresh_token',
        refresh_token: current.refreshToken,
        redirect_uri: app.redirectUri
      })
      const next = toRecord(deps, parseTokens(json), current.extra)
      return next.refreshToken ? next : { ...next, refreshToken: current.refreshToken }
    },
    async clientCredentials(app: VkAppCredentials): Promise<{ token: string; expiresAt: number }> {
      const t = parseTokens(await postForm(deps, deps.tokenUrl(), app, { grant_type: 'client_credentials' }))
      return { token: t.access_token, expiresAt: deps.clock.now() + lifetimeSeconds(t, deps.clock.now()) * 1000 }
    },
    async revoke(app: VkAppCredentials, token: string, hint: 'access_token' | 'refresh_token'): Promise<void> {
      await postForm(deps, deps.revokeUrl(), app, { token, token_type_hint: hint })
    }
  }
}
export type VkOAuth = ReturnType<typeof createVkOAuth>
