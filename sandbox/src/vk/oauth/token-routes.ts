/**
 * `/oauth/server/token` and `/oauth/server/revoke` (reference §4.3–4.6, §10.2.9–11): Basic client
 * authentication only, form bodies only, single-use codes bound to their redirect URI, refresh requiring
 * `redirect_uri` and rotating, client credentials for application tokens. Error bodies are OAuth-style
 * `{error, error_description}` (the real ones are undocumented).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { VkOptions } from '../../core/options'
import type { VkApp, VkApps } from './apps'
import type { TokenStore } from './token-store'

const oauthError = (reply: FastifyReply, status: number, error: string, description: string): FastifyReply =>
  reply.code(status).send({ error, error_description: description })

const tokenForm = z.object({
  grant_type: z.string().optional(),
  code: z.string().optional(),
  redirect_uri: z.string().optional(),
  refresh_token: z.string().optional(),
  client_id: z.string().optional(),
  client_secret: z.string().optional()
})

const revokeForm = z.object({ token: z.string().optional(), token_type_hint: z.string().optional() })

interface Deps {
  apps: VkApps
  tokens: TokenStore
  appTokenLifetimeField: NonNullable<VkOptions['appTokenLifetimeField']>
  tokenTtlS: number
  nowS: () => number
}

/** Common checks: a form body and a valid Basic client. Answers and returns undefined on failure. */
function clientAndForm<T extends z.ZodType>(deps: Deps, schema: T, request: FastifyRequest, reply: FastifyReply): { app: VkApp; form: z.infer<T> } | undefined {
  const app = deps.apps.fromBasic(request.headers.authorization)
  if (!app) {
    void oauthError(reply, 401, 'invalid_client', 'Client authentication failed: send Authorization: Basic base64(client_id:client_secret)')
    return undefined
  }
  if (!(request.headers['content-type'] ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    void oauthError(reply, 400, 'invalid_request', 'The body must be application/x-www-form-urlencoded')
    return undefined
  }
  const parsed = schema.safeParse(request.body ?? {})
  if (!parsed.success) {
    void oauthError(reply, 400, 'invalid_request', 'Malformed form body')
    return undefined
  }
  return { app, form: parsed.data }
}

export function registerTokenRoutes(app: FastifyInstance, deps: Deps): void {
  app.post('/oauth/server/token', (request, reply) => {
    const checked = clientAndForm(deps, tokenForm, request, reply)
    if (!checked) return reply
    const { app: client, form } = checked
    if (form.client_secret !== undefined) return oauthError(reply, 400, 'invalid_request', 'Client credentials belong in the Basic header, not the body')
    switch (form.grant_type) {
      case 'authorization_code': {
        if (!form.code) return oauthError(reply, 400, 'invalid_request', 'code is required')
        if (!form.redirect_uri) return oauthError(reply, 400, 'invalid_request', 'redirect_uri is required')
        const grant = deps.tokens.takeCode(form.code)
        if (!grant || grant.clientId !== client.clientId) return oauthError(reply, 400, 'invalid_grant', 'The code is invalid, expired or already used')
        if (grant.redirectUri !== form.redirect_uri) return oauthError(reply, 400, 'invalid_grant', 'redirect_uri does not match the authorize request')
        return deps.tokens.issuePair({ clientId: grant.clientId, userId: grant.userId, scopes: grant.scopes, redirectUri: grant.redirectUri })
      }
      case 'refresh_token': {
        if (!form.refresh_token) return oauthError(reply, 400, 'invalid_request', 'refresh_token is required')
        if (!form.redirect_uri) return oauthError(reply, 400, 'invalid_request', 'redirect_uri is required')
        const peek = deps.tokens.peekRefresh(form.refresh_token)
        if (!peek || peek.clientId !== client.clientId) return oauthError(reply, 400, 'invalid_grant', 'The refresh token is invalid, expired, revoked or already used')
        if (peek.redirectUri !== form.redirect_uri) return oauthError(reply, 400, 'invalid_grant', 'redirect_uri does not match the authorize request')
        const grant = deps.tokens.takeRefresh(form.refresh_token)
        if (!grant) return oauthError(reply, 400, 'invalid_grant', 'The refresh token is invalid, expired, revoked or already used')
        return deps.tokens.issuePair({ clientId: grant.clientId, userId: grant.userId, scopes: grant.scopes, redirectUri: grant.redirectUri })
      }
      case 'client_credentials': {
        const { token, expiresAtS } = deps.tokens.issueAccess({ kind: 'app', clientId: client.clientId, scopes: [] })
        const lifetime = deps.appTokenLifetimeField === 'expire_time' ? { expire_time: expiresAtS - deps.nowS() } : { expires_in: deps.tokenTtlS }
        return { access_token: token, token_type: 'Bearer', ...lifetime }
      }
      case undefined:
        return oauthError(reply, 400, 'invalid_request', 'grant_type is required')
      default:
        return oauthError(reply, 400, 'unsupported_grant_type', `Unsupported grant_type: ${form.grant_type}`)
    }
  })

  app.post('/oauth/server/revoke', (request, reply) => {
    const checked = clientAndForm(deps, revokeForm, request, reply)
    if (!checked) return reply
    if (!checked.form.token) return oauthError(reply, 400, 'invalid_request', 'token is required')
    deps.tokens.revoke(checked.form.token, checked.app.clientId)
    return {}
  })
}
