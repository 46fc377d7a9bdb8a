/**
 * `/oauth2/access_token`, `/oauth2/refresh_token` (reference §3.4, §3.5, §8.2) and `/openapi/user_info`
 * (§4, §8.3). GET with query parameters as documented; POST with a form is accepted too (§8.2 GUESS).
 * Success is `result: 1` with every field on the top level; errors `{result, error, error_msg}`, HTTP 200.
 * Order of checks: missing parameter, app and secret, grant type, then the code or token itself.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { FaultRegistry } from '../../core/faults'
import type { KuaishouOptions } from '../../core/options'
import type { UserFixture } from '../fixtures'
import { JSON_TYPE, oauthError, params } from '../results'
import type { KuaishouUsers } from '../users'
import type { KuaishouApps } from './apps'
import type { KuaishouTokens } from './token-store'

interface Deps {
  apps: KuaishouApps
  tokens: KuaishouTokens
  users: KuaishouUsers
  options: () => Required<KuaishouOptions>
  faults: FaultRegistry
  avatarUrl: (user: UserFixture, big: boolean) => string
}

const missing = (p: Record<string, string>, keys: string[]): boolean => keys.some((k) => p[k] === undefined || p[k] === '')

export function registerTokenRoutes(app: FastifyInstance, deps: Deps): void {
  /** Missing parameters first (100200100), then the app and its secret (100200101), then the grant type. */
  const appCheck = (p: Record<string, string>, required: string[]): Record<string, unknown> | undefined => {
    if (missing(p, ['app_id', 'app_secret', ...required, 'grant_type'])) return oauthError(100200100)
    const known = deps.apps.find(p.app_id)
    if (!known || known.app_secret !== p.app_secret) return oauthError(100200101)
    return undefined
  }

  const accessToken = (request: FastifyRequest): Record<string, unknown> => {
    const p = params(request)
    const bad = appCheck(p, ['code'])
    if (bad) return bad
    // §3.4: the current page says `authorization_code`, the official SDK sends `code`: both pass.
    if (p.grant_type !== 'authorization_code' && p.grant_type !== 'code') return oauthError(100200104)
    const grant = deps.tokens.takeCode(p.code!, p.app_id!)
    if (!grant) return oauthError(100200105)
    return { result: 1, ...deps.tokens.issuePair(grant), open_id: grant.openId, scopes: grant.scopes }
  }

  const refreshToken = (request: FastifyRequest): Record<string, unknown> => {
    const p = params(request)
    const bad = appCheck(p, ['refresh_token'])
    if (bad) return bad
    if (p.grant_type !== 'refresh_token') return oauthError(100200104)
    const rotated = deps.tokens.rotate(p.refresh_token!, p.app_id!)
    if (!rotated.ok) return oauthError(rotated.reason === 'expired' ? 100200113 : 100200102)
    // §3.5: no open_id in the refresh response.
    return { result: 1, ...rotated.pair, scopes: rotated.grant.scopes }
  }

  const userInfo = (request: FastifyRequest): Record<string, unknown> => {
    const p = params(request)
    if (missing(p, ['app_id', 'access_token'])) return oauthError(100200100)
    const known = deps.apps.find(p.app_id)
    if (!known) return oauthError(100200101)
    const checked = deps.tokens.checkAccess(p.access_token!)
    if (!checked.ok) return oauthError(checked.reason === 'expired' ? deps.options().expiredTokenResult : 100200102)
    if (checked.token.appId !== known.app_id) return oauthError(100200102)
    if (!checked.token.scopes.includes('user_info')) return oauthError(100200106)
    const user = deps.users.get(checked.token.openId)
    if (!user) return oauthError(100200107)
    return {
      result: 1,
      user_info: { name: user.name, sex: user.sex, fan: user.fan, follow: user.follow, head: deps.avatarUrl(user, false), bigHead: user.bigHead ? deps.avatarUrl(user, true) : '', city: user.city }
    }
  }

  for (const [path, handler] of [
    ['/oauth2/access_token', accessToken],
    ['/oauth2/refresh_token', refreshToken],
    ['/openapi/user_info', userInfo]
  ] as const) {
    app.route({
      method: ['GET', 'POST'],
      url: path,
      handler: (request, reply) => {
        // A forced result (`POST <control>/faults {platform:'kuaishou', result}`) answers in this family's error shape.
        const fault = deps.faults.takeResult('kuaishou', request.method, path)
        const body = fault === undefined ? handler(request) : typeof fault.result === 'number' ? oauthError(fault.result) : fault.result
        return reply.type(JSON_TYPE).send(body)
      }
    })
  }
}
