/**
 * One way to declare a DevAPI method: its authorization level, scope, availability, query and body
 * schemas. The wrapper applies reference §10.2 in a fixed order — 401 (no/bad token) → 403 (wrong
 * authorization kind) → 403 scope → 400 parameters → 404/403 channel → 403 availability — and turns a
 * thrown `VkError` into its §3 body.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { ResolvedOptions } from '../../core/options'
import { VkError, errors } from '../errors'
import type { VkApps } from '../oauth/apps'
import type { TokenStore } from '../oauth/token-store'
import type { ChannelState, VkState } from '../state'

export type Caller =
  | { kind: 'user'; userId: number; scopes: string[]; clientId: string }
  | { kind: 'app'; clientId: string }
  | { kind: 'basic'; clientId: string }

export interface ApiDeps {
  state: VkState
  tokens: TokenStore
  apps: VkApps
  options: ResolvedOptions
}

/** Query-string value types (every query value arrives as a string). */
export const q = {
  str: () => z.string().min(1),
  int: () => z.string().regex(/^-?\d{1,18}$/).transform(Number),
  bool: () => z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1'),
  limit: () => z.string().regex(/^\d{1,9}$/).transform(Number).refine((n) => n >= 1)
}

interface Spec<Q extends z.ZodType, B extends z.ZodType> {
  method: 'GET' | 'POST'
  path: string
  /** `user`: user Bearer only; `any`: user, app Bearer or Basic; `bearer`: user or app Bearer (not Basic). */
  auth: 'user' | 'any' | 'bearer'
  scope?: string
  query?: Q
  body?: B
  /** Resolve `channel_url` (404 `channel_not_found`, 403 `channel_banned`). */
  channel?: 'required' | 'optional' | 'none'
  /** Who may call it on that channel. */
  access?: 'owner' | 'staff'
  handle(call: { caller: Caller; query: z.infer<Q>; body: z.infer<B>; channel: ChannelState | undefined; request: FastifyRequest }): unknown
}

export function authenticate(deps: ApiDeps, header: string | undefined): Caller {
  if (!header) throw errors.unauthorized()
  const bearer = /^Bearer\s+(\S+)$/i.exec(header)
  if (bearer?.[1]) {
    const grant = deps.tokens.accessGrant(bearer[1])
    if (!grant) throw errors.unauthorized()
    if (grant.kind === 'app' || grant.userId === undefined) return { kind: 'app', clientId: grant.clientId }
    return { kind: 'user', userId: grant.userId, scopes: grant.scopes, clientId: grant.clientId }
  }
  const app = deps.apps.fromBasic(header)
  if (app) return { kind: 'basic', clientId: app.clientId }
  throw errors.unauthorized()
}

/** Empty query values count as missing, as they would for a server reading `if (!param)`. */
function dropEmpty(query: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries((query ?? {}) as Record<string, unknown>)) if (v !== '') out[k] = Array.isArray(v) ? v.at(-1) : v
  return out
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let v = input
  for (const key of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[key] : undefined
  return v
}

/** zod failure → `missing_param` when the value is absent, else `invalid_param`. */
export function parseParams<T extends z.ZodType>(schema: T, input: unknown, prefix = ''): z.infer<T> {
  const parsed = schema.safeParse(input)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  const path = issue?.path ?? []
  const name = prefix + path.map(String).join('.')
  if (valueAt(input, path) === undefined) throw errors.missingParam(name || 'body')
  throw errors.invalidParam(name || 'body')
}

export function requireChannel(state: VkState, url: string): ChannelState {
  const channel = state.channels.get(url)
  if (!channel) throw errors.channelNotFound()
  if (channel.banned) throw errors.channelBanned()
  return channel
}

export function defineRoute<Q extends z.ZodType = z.ZodObject, B extends z.ZodType = z.ZodUndefined>(app: FastifyInstance, deps: ApiDeps, spec: Spec<Q, B>): void {
  app.route({
    method: spec.method,
    url: spec.path,
    handler: async (request, reply) => {
      try {
        const caller = authenticate(deps, request.headers.authorization)
        if (spec.auth === 'user' && caller.kind !== 'user') throw errors.forbidden()
        if (spec.auth === 'bearer' && caller.kind === 'basic') throw errors.forbidden()
        if (spec.scope && caller.kind === 'user' && !caller.scopes.includes(spec.scope)) {
          throw deps.options.vk.scopeError === 'forbidden' ? errors.forbidden() : errors.invalidScope()
        }
        const query = parseParams(spec.query ?? z.object({}), dropEmpty(request.query)) as z.infer<Q>
        const body = (spec.body ? parseParams(spec.body, request.body) : undefined) as z.infer<B>
        const url = (query as { channel_url?: string }).channel_url
        const channel = spec.channel === 'required' || (spec.channel === 'optional' && url !== undefined) ? requireChannel(deps.state, url ?? '') : undefined
        if (spec.access && channel) checkAccess(spec.access, caller, channel)
        const result: unknown = await spec.handle({ caller, query, body, channel, request })
        return reply.code(200).send(result)
      } catch (error) {
        if (error instanceof VkError) return reply.code(error.status).send(error.body())
        throw error
      }
    }
  })
}

function checkAccess(access: 'owner' | 'staff', caller: Caller, channel: ChannelState): void {
  if (caller.kind !== 'user') throw errors.forbidden()
  const isOwner = channel.ownerId === caller.userId
  if (access === 'owner' && !isOwner) throw errors.forbidden()
  if (access === 'staff' && !isOwner && !channel.moderators.has(caller.userId)) throw errors.forbidden()
}

/** `limit` ≤ 200: an error by default, or clamped (reference §10.1.4 switch). */
export function capLimit(deps: ApiDeps, limit: number, max = 200): number {
  if (limit <= max) return limit
  if (deps.options.vk.limitOverMax === 'clamp') return max
  throw errors.invalidParam('limit')
}

export const callerId = (caller: Caller): number => (caller.kind === 'user' ? caller.userId : 0)
