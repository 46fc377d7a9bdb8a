/**
 * Token introspection and pubsub token methods (reference §4.7, §6.11, §10.4.23).
 */
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { PubsubTokens } from '../pubsub-tokens'
import { parseChannelName } from '../ws-channels'
import { authenticate, callerId, defineRoute, type ApiDeps } from './route'

export function registerTokenMethods(app: FastifyInstance, deps: ApiDeps, pubsubTokens: PubsubTokens): void {
  defineRoute(app, deps, {
    method: 'GET',
    path: '/v1/token',
    auth: 'bearer',
    handle: ({ request }) => {
      const header = request.headers.authorization ?? ''
      const token = header.replace(/^Bearer\s+/i, '')
      const grant = deps.tokens.accessGrant(token)
      const caller = authenticate(deps, header)
      return { data: { expired_at: grant?.expiresAtS ?? 0, type: caller.kind === 'user' ? 'user' : 'app' } }
    }
  })

  defineRoute(app, deps, {
    method: 'GET',
    path: '/v1/websocket/token',
    auth: 'any',
    handle: async ({ caller }) => ({ data: { token: await pubsubTokens.connectionToken(callerId(caller)) } })
  })

  defineRoute(app, deps, {
    method: 'GET',
    path: '/v1/websocket/subscription_token',
    auth: 'user',
    query: z.object({ channels: z.string().optional() }),
    handle: async ({ caller, query }) => {
      const userId = callerId(caller)
      const names = (query.channels ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '')
      const channel_tokens: Array<{ channel: string; token: string }> = []
      for (const name of [...new Set(names)]) {
        // Channels the user may not access are silently left out (reference §6.11).
        if (!mayAccess(deps, name, userId)) continue
        channel_tokens.push({ channel: name, token: await pubsubTokens.subscriptionToken(userId, name) })
      }
      return { data: { channel_tokens } }
    }
  })
}

/** Limited channels: any signed-in user of a live (not banned) channel; private ones: only their user. */
function mayAccess(deps: ApiDeps, name: string, userId: number): boolean {
  const parsed = parseChannelName(name)
  if (!parsed || parsed.kind === 'public') return false
  const channel = deps.state.channelById(parsed.channelId)
  if (!channel || channel.banned) return false
  return parsed.kind === 'limited' || parsed.userId === userId
}
