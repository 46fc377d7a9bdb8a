/**
 * The Kuaishou account: sign-in through `AuthWindow` (authorization code, `ua=pc`, `state` checked),
 * tokens in TokenVault under `kuaishou`, refresh before expiry (single-flight in the vault; Kuaishou
 * kills the old refresh token at once), and `withToken` for every API call: a token error gets one
 * refresh and one retry, then the account is put in "Reconnect Kuaishou".
 *
 * Token extras: `openId` (the account key; refresh answers omit it) and `refreshExpiresAt` (epoch ms;
 * refreshing never extends it, reference §3.5).
 */
import type { KuaishouAccountView } from '../../../shared/ipc/kuaishou'
import { AppError, isAppError } from '../../errors'
import type { AuthWindow } from '../../ports/auth-window'
import type { Clock } from '../../ports/clock'
import type { Logger } from '../../ports/logger'
import { createOAuthState, statesEqual } from '../../services/auth/oauth-state'
import type { TokenRecord, TokenVault } from '../../services/auth/token-vault'
import type { ImageUrlOf } from '../../services/images/image-url'
import type { KuaishouEndpoints } from '../../services/platform-endpoints'
import type { SettingsService } from '../../services/settings/settings-service'
import { isTokenProblem, type AppCredentials, type KuaishouClient, type UserInfo } from './api-client'
import type { TokenResponse } from './schemas'

export const KUAISHOU_ACCOUNT = 'kuaishou'
/** Every scope Livedeck needs: the profile for the header, live for "go live". */
export const REQUIRED_SCOPES = ['user_info', 'user_video_live'] as const
const REFRESH_BEFORE_MS = 5 * 60_000
const SIGN_IN_TIMEOUT_MS = 10 * 60_000

export interface KuaishouAccountDeps {
  readonly settings: SettingsService
  readonly vault: TokenVault
  readonly authWindow: AuthWindow
  readonly endpoints: () => KuaishouEndpoints
  readonly authHosts: () => readonly string[]
  readonly client: KuaishouClient
  readonly clock: Clock
  readonly logger: Logger
  readonly imageUrl: ImageUrlOf
}

export interface TokenContext {
  readonly appId: string
  readonly accessToken: string
}

export interface KuaishouAccount {
  connect(): Promise<KuaishouAccountView>
  disconnect(): Promise<KuaishouAccountView>
  view(): Promise<KuaishouAccountView>
  /** Runs `call` with a fresh token: one refresh + one retry on a token error, then reconnect. */
  withToken<T>(call: (ctx: TokenContext) => Promise<T>): Promise<T>
  /** Throws `scope_missing` when `user_video_live` was not granted. */
  requireLiveScope(): Promise<void>
  /** The legacy `bizId` when configured, else undefined. */
  bizId(): string | undefined
}

const missingScopes = (granted: readonly string[] | undefined): string[] =>
  granted === undefined ? [] : REQUIRED_SCOPES.filter((s) => !granted.includes(s))

/** Transient refresh failures must not cost the tokens: the vault keeps them for `network` errors. */
const transientForVault = (e: unknown): unknown => {
  if (!isAppError(e)) return e
  const serverSide = e.code === 'rate_limited' || (e.code === 'platform' && /^http_5|^100200500$/.test(String(e.platformCode)))
  return serverSide ? new AppError('network', 'Kuaishou could not refresh the sign-in right now', e.platformCode) : e
}

export function createKuaishouAccount(deps: KuaishouAccountDeps): KuaishouAccount {
  const { vault, client, clock, logger } = deps
  let user: { token: string; info: Promise<UserInfo | null> } | null = null

  const credentials = async (): Promise<AppCredentials> => {
    const { appId } = deps.settings.view().kuaishou
    const appSecret = await deps.settings.getSecret('kuaishou.appSecret')
    if (appId === '' || !appSecret) throw new AppError('not_configured', 'add the Kuaishou app id and app secret in settings first')
    return { appId, appSecret }
  }

  const recordOf = (answer: TokenResponse, previous?: TokenRecord): TokenRecord => {
    const now = clock.now()
    const stated = answer.refresh_token_expires_in !== undefined ? now + answer.refresh_token_expires_in * 1000 : null
    const before = typeof previous?.extra?.refreshExpiresAt === 'number' ? previous.extra.refreshExpiresAt : null
    // A refresh never extends the refresh window (reference §3.5), whatever a response claims.
    const refreshExpiresAt = stated !== null && before !== null ? Math.min(stated, before) : (stated ?? before)
    return {
      accessToken: answer.access_token,
      refreshToken: answer.refresh_token,
      expiresAt: now + answer.expires_in * 1000,
      ...(answer.scopes ?? previous?.scopes ? { scopes: answer.scopes ?? previous?.scopes } : {}),
      extra: { openId: answer.open_id ?? previous?.extra?.openId ?? null, refreshExpiresAt }
    }
  }

  const doRefresh = (app: AppCredentials) => async (current: TokenRecord): Promise<TokenRecord> => {
    const refreshExpiresAt = current.extra?.refreshExpiresAt
    if (!current.refreshToken || (typeof refreshExpiresAt === 'number' && clock.now() >= refreshExpiresAt)) {
      throw new AppError('needs_reconnect', 'the Kuaishou sign-in has expired; reconnect Kuaishou', 100200113)
    }
    try {
      return recordOf(await client.refresh(app, current.refreshToken), current)
    } catch (e) {
      throw transientForVault(e)
    }
  }

  const freshToken = async (app: AppCredentials): Promise<string> =>
    (await vault.getFresh(KUAISHOU_ACCOUNT, { refreshBeforeMs: REFRESH_BEFORE_MS, doRefresh: doRefresh(app) })).accessToken

  const withToken = async <T>(call: (ctx: TokenContext) => Promise<T>): Promise<T> => {
    const app = await credentials()
    const token = await freshToken(app)
    try {
      return await call({ appId: app.appId, accessToken: token })
    } catch (e) {
      if (!isTokenProblem(e)) throw e
      logger.info('kuaishou token refused; refreshing once', { result: e.platformCode })
    }
    const fresh = await vault.refresh(KUAISHOU_ACCOUNT, doRefresh(app), { ifAccessToken: token })
    try {
      return await call({ appId: app.appId, accessToken: fresh.accessToken })
    } catch (e) {
      if (!isTokenProblem(e)) throw e
      await vault.markNeedsReconnect(KUAISHOU_ACCOUNT)
      throw e
    }
  }

  /** One user_info per access token: the connect answer and the account event share it. */
  const userOf = (record: TokenRecord): Promise<UserInfo | null> => {
    if (user?.token === record.accessToken) return user.info
    const info = withToken((ctx) => client.userInfo(ctx.appId, ctx.accessToken)).catch((e: unknown) => {
      // The header can live without the name; the account itself is still usable.
      logger.warn('kuaishou user_info failed', { code: isAppError(e) ? e.code : 'internal', result: isAppError(e) ? e.platformCode : undefined })
      if (user?.token === record.accessToken) user = null
      return null
    })
    user = { token: record.accessToken, info }
    return info
  }

  const view = async (): Promise<KuaishouAccountView> => {
    const state = await vault.state(KUAISHOU_ACCOUNT)
    const record = await vault.get(KUAISHOU_ACCOUNT)
    if (state === 'disconnected' || !record) return { state, user: null, scopes: [], missingScopes: [], expiresAt: null }
    const info = state === 'connected' ? await userOf(record) : await (user?.info ?? null)
    const avatar = deps.imageUrl(info?.avatar)
    return {
      state,
      user: info ? { name: info.name, avatarUrl: avatar } : null,
      scopes: record.scopes ?? [],
      missingScopes: missingScopes(record.scopes),
      expiresAt: record.expiresAt
    }
  }

  const codeFrom = (redirect: string, expectedState: string): string => {
    let url: URL
    try {
      url = new URL(redirect)
    } catch {
      throw new AppError('platform', 'the Kuaishou sign-in came back in an unexpected form', 'bad_redirect')
    }
    if (!statesEqual(expectedState, url.searchParams.get('state'))) {
      throw new AppError('forbidden_sender', 'the sign-in answer did not match the request; try again', 'state_mismatch')
    }
    const code = url.searchParams.get('code')
    if (!code) throw new AppError('cancelled', 'the Kuaishou sign-in was not completed')
    return code
  }

  return {
    view,
    withToken,
    async connect() {
      const app = await credentials()
      const configured = deps.settings.view().kuaishou
      const redirectUri = deps.authWindow.redirectUriOverride('kuaishou') ?? configured.redirectUri
      if (redirectUri === '') throw new AppError('not_configured', 'add the Kuaishou redirect URI in settings first')
      const state = createOAuthState()
      const scopes = [...new Set([...REQUIRED_SCOPES, ...configured.scopes])]
      const authorize = new URL(`${deps.endpoints().openBase}/oauth2/authorize`)
      authorize.search = new URLSearchParams({
        app_id: app.appId,
        scope: scopes.join(','),
        response_type: 'code',
        ua: 'pc',
        redirect_uri: redirectUri,
        state
      }).toString()
      const outcome = await deps.authWindow.open({
        platform: 'kuaishou',
        authorizeUrl: authorize.href,
        redirectUri,
        allowedHosts: deps.authHosts(),
        timeoutMs: SIGN_IN_TIMEOUT_MS
      })
      if (outcome.kind === 'cancelled') throw new AppError('cancelled', 'the Kuaishou sign-in was closed')
      if (outcome.kind === 'timedOut') throw new AppError('timed_out', 'the Kuaishou sign-in took too long')
      const code = codeFrom(outcome.url, state)
      const record = recordOf(await client.exchangeCode(app, code))
      await vault.save(KUAISHOU_ACCOUNT, record)
      user = null
      return view()
    },
    async disconnect() {
      // Kuaishou has no revoke endpoint: forgetting the tokens and the sign-in cookies is all there is.
      await vault.clear(KUAISHOU_ACCOUNT)
      user = null
      await deps.authWindow.clearSession('kuaishou')
      return view()
    },
    async requireLiveScope() {
      const record = await vault.get(KUAISHOU_ACCOUNT)
      if (!record) throw new AppError('not_connected', 'connect Kuaishou first')
      if (missingScopes(record.scopes).includes('user_video_live')) {
        throw new AppError('scope_missing', 'Kuaishou did not grant the live permission; reconnect and allow it', undefined, {
          scope: 'user_video_live'
        })
      }
    },
    bizId() {
      const bizId = deps.settings.view().kuaishou.bizId.trim()
      return bizId === '' ? undefined : bizId
    }
  }
}
