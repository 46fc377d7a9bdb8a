/**
 * The VK account: sign-in through the AuthWindow (CodeFlow with the app secret, ImplicitFlow without),
 * who is connected, the start-up check of a stored token, sign-out, and the two token providers the
 * API clients use (the user's token; an app token for app-level reads).
 *
 * Tokens live only in the TokenVault (account `vk`); the profile shown in the UI is stored with them
 * (`extra`), so the account shows at start-up before any request.
 */
import { AppError, isAppError } from '../../errors'
import type { AuthWindow } from '../../ports/auth-window'
import type { Clock } from '../../ports/clock'
import type { Fetch } from '../../ports/http'
import type { Logger } from '../../ports/logger'
import { createOAuthState, statesEqual } from '../../services/auth/oauth-state'
import type { TokenRecord, TokenVault } from '../../services/auth/token-vault'
import type { ImageUrlOf } from '../../services/images/image-url'
import type { VkEndpoints } from '../../services/platform-endpoints'
import type { SettingsService } from '../../services/settings/settings-service'
import type { VkAccountView, VkAuthFlow, VkSignOutResult } from '../../../shared/ipc/domain'
import { createVkApiClient, type VkApiClient } from './api-client'
import { createVkOAuth, DEFAULT_LIFETIME_S, type VkAppCredentials } from './oauth'
import { currentUserSchema, tokenInfoSchema } from './schemas'

export const VK_ACCOUNT = 'vk'
/** Refresh this long before expiry, so a request never leaves with a token about to die. */
export const REFRESH_BEFORE_MS = 120_000
const SIGN_IN_TIMEOUT_MS = 10 * 60_000

export interface VkAccountDeps {
  readonly vault: TokenVault
  readonly settings: SettingsService
  readonly endpoints: () => VkEndpoints
  readonly authHosts: () => readonly string[]
  readonly authWindow: AuthWindow
  readonly fetch: Fetch
  readonly clock: Clock
  readonly logger: Logger
  readonly imageUrl: ImageUrlOf
}

export interface VkAccountService {
  connect(): Promise<VkAccountView>
  disconnect(): Promise<VkSignOutResult>
  view(): Promise<VkAccountView>
  /** Checks a stored token with `GET /v1/token` (refreshing or asking to reconnect as needed). */
  checkStoredToken(): Promise<VkAccountView>
  /** Calls with the user's token. */
  readonly userApi: VkApiClient
  /** Calls with an app token (client credentials) when a secret is set, else with the user's token. */
  readonly appApi: VkApiClient
  onChange(listener: (view: VkAccountView) => void): () => void
  dispose(): void
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null)
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null)

/** Query and fragment parameters of the redirect (implicit answers arrive in the fragment). */
function redirectParams(url: string): URLSearchParams {
  const u = new URL(url)
  const params = new URLSearchParams(u.search)
  for (const [k, v] of new URLSearchParams(u.hash.replace(/^#/, ''))) params.set(k, v)
  return params
}

export function createVkAccountService(deps: VkAccountDeps): VkAccountService {
  const { vault, settings, clock, logger } = deps
  const oauth = createVkOAuth({ fetch: deps.fetch, clock, tokenUrl: () => deps.endpoints().tokenUrl, revokeUrl: () => deps.endpoints().revokeUrl })
  const listeners = new Set<(view: VkAccountView) => void>()
  let appToken: { token: string; expiresAt: number } | null = null
  let appTokenInflight: Promise<string> | null = null

  const redirectUri = (): string => deps.authWindow.redirectUriOverride('vk') ?? settings.view().vk.redirectUri

  /** The app credentials, or null without a secret (then ImplicitFlow and user tokens only). */
  const appCredentials = async (redirect: string): Promise<VkAppCredentials | null> => {
    const secret = await settings.getSecret('vk.clientSecret')
    const { clientId } = settings.view().vk
    return secret && clientId ? { clientId, clientSecret: secret, redirectUri: redirect } : null
  }

  /** Refresh for the vault: the redirect URI of the original sign-in, and the secret as it is now. */
  const doRefresh = async (current: TokenRecord): Promise<TokenRecord> => {
    const app = await appCredentials(str(current.extra?.redirectUri) ?? redirectUri())
    if (!app) throw new AppError('needs_reconnect', 'the VK app secret was removed; reconnect VK')
    return oauth.refresh(app, current)
  }

  const flowOf = (record: TokenRecord | null): VkAuthFlow | null =>
    record ? (record.extra?.flow === 'implicit' ? 'implicit' : 'code') : null

  const getUserToken = async (): Promise<string> => {
    const record = await vault.get(VK_ACCOUNT)
    const fresh = await vault.getFresh(VK_ACCOUNT, {
      refreshBeforeMs: REFRESH_BEFORE_MS,
      ...(flowOf(record) === 'code' ? { doRefresh } : {})
    })
    return fresh.accessToken
  }

  /** One refresh (shared by concurrent 401s); an implicit token cannot be refreshed: reconnect. */
  const onUserUnauthorized = async (rejected: string): Promise<string> => {
    const record = await vault.get(VK_ACCOUNT)
    if (flowOf(record) !== 'code') {
      await vault.markNeedsReconnect(VK_ACCOUNT)
      throw new AppError('needs_reconnect', 'the VK sign-in has expired; reconnect VK')
    }
    return (await vault.refresh(VK_ACCOUNT, doRefresh, { ifAccessToken: rejected })).accessToken
  }

  const userApi = createVkApiClient({
    fetch: deps.fetch,
    clock,
    apiBase: () => deps.endpoints().apiBase,
    getAccessToken: getUserToken,
    onUnauthorized: onUserUnauthorized
  })

  const fetchAppToken = (): Promise<string> =>
    (appTokenInflight ??= (async () => {
      try {
        const app = await appCredentials(redirectUri())
        if (!app) throw new AppError('not_configured', 'no VK app secret')
        appToken = await oauth.clientCredentials(app)
        return appToken.token
      } finally {
        appTokenInflight = null
      }
    })())

  /** App token while it is valid; without a secret, the user's token (DevAPI accepts both for reads). */
  const getAppToken = async (): Promise<string> => {
    if (appToken && clock.now() < appToken.expiresAt - REFRESH_BEFORE_MS) return appToken.token
    if (!(await appCredentials(redirectUri()))) return getUserToken()
    return fetchAppToken()
  }

  const appApi = createVkApiClient({
    fetch: deps.fetch,
    clock,
    apiBase: () => deps.endpoints().apiBase,
    getAccessToken: getAppToken,
    onUnauthorized: async (rejected) => {
      if (appToken?.token !== rejected) return onUserUnauthorized(rejected)
      appToken = null
      return fetchAppToken()
    }
  })

  const viewOf = (record: TokenRecord | null, state: VkAccountView['state']): VkAccountView => {
    const e = record?.extra ?? {}
    const id = num(e.userId)
    return {
      state: record ? state : state === 'needsReconnect' ? 'needsReconnect' : 'disconnected',
      flow: flowOf(record),
      user:
        record && id !== null
          ? { id, nick: str(e.nick) ?? '', nickColor: num(e.nickColor) ?? 0, avatarUrl: deps.imageUrl(str(e.avatarUrl)), isStreamer: e.isStreamer === true }
          : null,
      channelUrl: str(e.channelUrl),
      expiresAt: record?.expiresAt ?? null
    }
  }

  const view = async (): Promise<VkAccountView> => viewOf(await vault.get(VK_ACCOUNT), await vault.state(VK_ACCOUNT))
  const announce = async (): Promise<VkAccountView> => {
    const v = await view()
    for (const l of [...listeners]) l(v)
    return v
  }
  const stopVaultEvents = vault.onStateChange((account) => {
    if (account === VK_ACCOUNT) void announce().catch((error: unknown) => logger.warn('VK account view failed', { error }))
  })

  /** Runs the sign-in window; resolves with the redirect's parameters after the state check. */
  const authorize = async (flow: VkAuthFlow, redirect: string): Promise<URLSearchParams> => {
    const { clientId, scopes } = settings.view().vk
    const state = createOAuthState()
    const url = new URL(deps.endpoints().authorizeUrl)
    url.searchParams.set('client_id', clientId)
    url.searchParams.set('redirect_uri', redirect)
    url.searchParams.set('response_type', flow === 'code' ? 'code' : 'token')
    if (scopes.length > 0) url.searchParams.set('scope', scopes.join(','))
    url.searchParams.set('state', state)
    const outcome = await deps.authWindow.open({
      platform: 'vk',
      authorizeUrl: url.href,
      redirectUri: redirect,
      allowedHosts: deps.authHosts(),
      timeoutMs: SIGN_IN_TIMEOUT_MS
    })
    if (outcome.kind === 'cancelled') throw new AppError('cancelled', 'VK sign-in was cancelled')
    if (outcome.kind === 'timedOut') throw new AppError('timed_out', 'VK sign-in took too long')
    const params = redirectParams(outcome.url)
    // Checked before anything else in the answer, errors included: a forged redirect shows nothing.
    if (!statesEqual(state, params.get('state'))) {
      throw new AppError('platform', 'the VK sign-in answer did not match this request; try again', 'state_mismatch')
    }
    const error = params.get('error')
    if (error !== null) {
      const code = /^[a-z0-9_]{1,64}$/.test(error) ? error : 'authorize_error'
      const message = code === 'access_denied' ? 'access to VK was not granted' : 'VK refused the sign-in'
      throw new AppError('platform', message, code)
    }
    return params
  }

  /** The profile for the tokens just issued (a fixed-token client: nothing is stored yet). */
  const profileFor = async (accessToken: string) => {
    const api = createVkApiClient({
      fetch: deps.fetch,
      clock,
      apiBase: () => deps.endpoints().apiBase,
      getAccessToken: () => Promise.resolve(accessToken),
      onUnauthorized: () => Promise.reject(new AppError('platform', 'VK did not accept the new sign-in', 'unauthorized'))
    })
    const { data } = await api.call({ method: 'GET', path: '/v1/current_user', schema: currentUserSchema })
    const channelUrl = data.channel?.url ?? data.channels?.[0]?.url ?? null
    return {
      userId: data.user.id,
      nick: data.user.nick,
      nickColor: data.user.nick_color,
      avatarUrl: data.user.avatar_url,
      isStreamer: data.user.is_streamer ?? channelUrl !== null,
      channelUrl
    }
  }

  return {
    userApi,
    appApi,
    view,
    async connect() {
      const { clientId } = settings.view().vk
      const redirect = redirectUri()
      if (!clientId || !redirect) throw new AppError('not_configured', 'set the VK app id and redirect URI first')
      const app = await appCredentials(redirect)
      const flow: VkAuthFlow = app ? 'code' : 'implicit'
      const params = await authorize(flow, redirect)
      let record: TokenRecord
      if (app) {
        const code = params.get('code')
        if (!code) throw new AppError('platform', 'VK sent no authorization code', 'no_code')
        record = await oauth.exchangeCode(app, code)
      } else {
        const token = params.get('access_token')
        if (!token) throw new AppError('platform', 'VK sent no access token', 'no_token')
        const expireTime = Number(params.get('expire_time'))
        const expiresInS = Number(params.get('expires_in'))
        const expiresAt = Number.isFinite(expireTime) && expireTime > 1e9
          ? expireTime * 1000
          : clock.now() + (Number.isFinite(expiresInS) && expiresInS > 0 ? expiresInS : DEFAULT_LIFETIME_S) * 1000
        record = { accessToken: token, expiresAt }
      }
      const profile = await profileFor(record.accessToken)
      await vault.save(VK_ACCOUNT, { ...record, extra: { ...profile, flow, redirectUri: redirect } })
      appToken = null
      logger.info('VK connected', { flow, channel: profile.channelUrl })
      return announce()
    },
    async disconnect() {
      const record = await vault.get(VK_ACCOUNT)
      const flow = flowOf(record)
      let revoked = false
      if (record && flow === 'code') {
        const app = await appCredentials(str(record.extra?.redirectUri) ?? redirectUri())
        if (app) {
          const results = await Promise.allSettled([
            oauth.revoke(app, record.accessToken, 'access_token'),
            ...(record.refreshToken ? [oauth.revoke(app, record.refreshToken, 'refresh_token')] : [])
          ])
          revoked = results.every((r) => r.status === 'fulfilled')
          for (const r of results) if (r.status === 'rejected') logger.warn('VK token revoke failed', { error: isAppError(r.reason) ? r.reason.code : 'error' })
        }
      }
      await vault.clear(VK_ACCOUNT)
      appToken = null
      await deps.authWindow.clearSession('vk')
      await announce()
      return { revoked, validUntil: record && !revoked ? record.expiresAt : null }
    },
    async checkStoredToken() {
      if ((await vault.state(VK_ACCOUNT)) !== 'connected') return view()
      try {
        const { data } = await userApi.call({ method: 'GET', path: '/v1/token', schema: tokenInfoSchema })
        const record = await vault.get(VK_ACCOUNT)
        // VK's own expiry wins over our estimate from expires_in.
        if (record && data.expired_at > 0 && data.expired_at * 1000 !== record.expiresAt) {
          await vault.save(VK_ACCOUNT, { ...record, expiresAt: data.expired_at * 1000 })
        }
      } catch (e) {
        // Offline at start-up is not a reason to sign out: the state stays, the next call retries.
        if (!isAppError(e) || e.code !== 'needs_reconnect') logger.warn('VK token check failed', { error: isAppError(e) ? e.code : 'error' })
      }
      return view()
    },
    onChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    dispose() {
      stopVaultEvents()
      listeners.clear()
    }
  }
}
