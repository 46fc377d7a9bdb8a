/**
 * The control API: what tests, demos and the app's `LIVEDECK_SANDBOX` start-up override use to read the
 * sandbox's configuration and to steer it (consent, faults, clock, reset). Platform modules add their own
 * routes (`/vk/...`, `/kuaishou/...`).
 */
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify'
import { z } from 'zod'
import { faultInputSchema } from './faults'
import type { PlatformModule, SandboxContext } from './platform'

export interface ControlDeps {
  ctx: SandboxContext
  modules: PlatformModule[]
  config: () => unknown
  reset: () => void
}

/** Control errors are `{ error }` with a readable message. */
export function badRequest(reply: FastifyReply, error: string, status = 400): FastifyReply {
  return reply.code(status).send({ error })
}

/** Parses a control body or query; on failure answers 400 and returns undefined. */
export function parseOr400<T extends z.ZodType>(schema: T, input: unknown, reply: FastifyReply): z.infer<T> | undefined {
  const parsed = schema.safeParse(input ?? {})
  if (parsed.success) return parsed.data
  void badRequest(reply, z.prettifyError(parsed.error))
  return undefined
}

export function createControlServer(deps: ControlDeps): FastifyInstance {
  const app = Fastify({ logger: false, forceCloseConnections: true })
  const { ctx, modules } = deps
  const moduleNamed = (name: string): PlatformModule | undefined => modules.find((m) => m.name === name)

  app.get('/config', () => deps.config())

  app.post('/apps/redirect', (request, reply) => {
    const body = parseOr400(z.object({ platform: z.string(), redirect_uri: z.string().min(1).max(2048) }), request.body, reply)
    if (!body) return reply
    const module = moduleNamed(body.platform)
    if (!module?.addRedirectUri) return badRequest(reply, `unknown platform: ${body.platform}`)
    module.addRedirectUri(body.redirect_uri)
    return {}
  })

  app.get('/requests', (request, reply) => {
    const query = parseOr400(z.object({ platform: z.string().optional() }), request.query, reply)
    if (!query) return reply
    return ctx.requests.list(query.platform)
  })

  app.post('/faults', (request, reply) => {
    const input = parseOr400(faultInputSchema, request.body, reply)
    if (!input) return reply
    const module = moduleNamed(input.platform)
    if (!module) return badRequest(reply, `unknown platform: ${input.platform}`)
    const ws = input.wsDrop !== undefined || input.wsClose !== undefined || input.batch !== undefined
    if (ws && !module.applyWsFault) return badRequest(reply, `${input.platform} has no pubsub`)
    const fault = ctx.faults.add(input)
    // A pure pubsub close leaves the list once its count is used up; the lasting switches stay listed.
    const closeOnly = input.wsClose !== undefined && input.wsDrop === undefined && input.batch === undefined
    if (ws) module.applyWsFault?.({ wsDrop: input.wsDrop, wsClose: input.wsClose, batch: input.batch, count: input.count }, () => {
      if (closeOnly) ctx.faults.remove(fault.id)
    })
    return { id: fault.id }
  })

  app.get('/faults', () => ctx.faults.list())

  app.delete('/faults', () => {
    ctx.faults.clear()
    for (const m of modules) m.clearFaults?.()
    return {}
  })

  app.post('/clock/advance', (request, reply) => {
    const body = parseOr400(z.object({ seconds: z.number().min(0).max(10 * 365 * 24 * 3600) }), request.body, reply)
    if (!body) return reply
    ctx.clock.advance(body.seconds * 1000)
    return { now: ctx.clock.now() }
  })

  app.post('/reset', () => {
    deps.reset()
    return {}
  })

  for (const m of modules) m.registerControl?.(app)
  app.setNotFoundHandler((request, reply) => badRequest(reply, `no control route ${request.method} ${request.url.split('?')[0] ?? ''}`, 404))
  return app
}
