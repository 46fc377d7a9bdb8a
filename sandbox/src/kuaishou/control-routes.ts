/**
 * Kuaishou control routes (under the control origin): consent without a browser (same contract as
 * `/vk/consent`), passing face verification, inspecting lives, and changing simulator options at run time.
 */
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { badRequest, parseOr400 } from '../core/control-server'
import type { KuaishouOptions } from '../core/options'
import type { KuaishouLives } from './lives'
import type { KuaishouApps } from './oauth/apps'
import { authorizeQuerySchema, decide, validateAuthorize } from './oauth/consent'
import type { KuaishouTokens } from './oauth/token-store'
import type { KuaishouUsers } from './users'

interface Deps {
  apps: KuaishouApps
  tokens: KuaishouTokens
  users: KuaishouUsers
  lives: KuaishouLives
  setOptions: (patch: Partial<KuaishouOptions>) => Required<KuaishouOptions>
}

const optionsPatch = z.strictObject({
  rateLimit: z.strictObject({ count: z.number().int().min(1).max(100_000), windowMs: z.number().int().min(1).max(86_400_000) }).optional(),
  requireBizId: z.boolean().optional(),
  expiredTokenResult: z.union([z.literal(100200108), z.literal(100200102)]).optional(),
  stopEndedResult: z.union([z.literal(0), z.literal(400005)]).optional(),
  missingCoverResult: z.union([z.literal(400014), z.literal(400001)]).optional(),
  reconnectWithinGrace: z.boolean().optional(),
  refuseNonAacAudio: z.boolean().optional(),
  pushUrlTtlS: z.number().int().min(1).optional()
})

export function registerKuaishouControl(app: FastifyInstance, deps: Deps): void {
  app.post('/kuaishou/consent', (request, reply) => {
    const body = parseOr400(
      authorizeQuerySchema.extend({ user: z.string().min(1), deny: z.boolean().optional(), granted: z.array(z.string()).optional() }),
      request.body,
      reply
    )
    if (!body) return reply
    const checked = validateAuthorize(deps.apps, body)
    if (!checked.ok) return badRequest(reply, checked.error)
    const user = deps.users.get(body.user)
    if (!user) return badRequest(reply, 'user must be the open_id of a sandbox Kuaishou user')
    return { location: decide(checked.value, { user, deny: body.deny === true, granted: body.granted }, deps.tokens) }
  })

  app.post('/kuaishou/verify', (request, reply) => {
    const body = parseOr400(z.object({ open_id: z.string().min(1) }), request.body, reply)
    if (!body) return reply
    if (!deps.users.clearFaceVerify(body.open_id)) return badRequest(reply, `unknown open_id: ${body.open_id}`)
    return { open_id: body.open_id, flags: deps.users.get(body.open_id)?.flags ?? [] }
  })

  /** Lives without their signs (a sign is a secret): status, owner, settings, publish count. */
  app.get('/kuaishou/lives', () =>
    deps.lives.list().map((l) => ({
      liveStreamName: l.name,
      open_id: l.openId,
      app_id: l.appId,
      status: l.status,
      statusMsg: l.statusMsg,
      createdAt: l.createdAt,
      expiresAt: l.expiresAt,
      publishes: l.publishes,
      publishing: l.drop !== undefined,
      settings: l.settings ?? null
    }))
  )

  app.post('/kuaishou/options', (request, reply) => {
    const patch = parseOr400(optionsPatch, request.body, reply)
    if (!patch) return reply
    return deps.setOptions(patch)
  })
}
