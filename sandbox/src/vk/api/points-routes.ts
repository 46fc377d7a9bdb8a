/**
 * Channel points and channel roles (reference §6.6, §6.7; no verbatim docs: shapes follow the clients).
 * `channel_point` balance is `{ "balance": { "amount": n } }` (GUESS; the real shape is unknown).
 */
import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { ChatService } from '../chat/chat-service'
import { requestPartSchema, toResponseParts } from '../chat/parts'
import { errors } from '../errors'
import { roles as allRoles } from '../fixtures'
import type { ChannelState, Demand, Reward } from '../state'
import { pointsChannel, privateOf } from '../ws-channels'
import { callerId, capLimit, defineRoute, q, type ApiDeps } from './route'

const rewardInput = z.object({
  name: z.string().min(1).max(100),
  description: z.string().max(500).optional(),
  price: z.number().int().min(1),
  background_color: z.number().int().min(0).optional(),
  is_message_required: z.boolean().optional(),
  max_uses_count: z.number().int().min(0).optional(),
  max_uses_count_per_user: z.number().int().min(0).optional(),
  repair_timeout: z.number().int().min(0).optional()
})
const channelQuery = z.object({ channel_url: q.str() })
const rewardQuery = z.object({ channel_url: q.str(), reward_id: q.str() })
const demandsBody = z.object({ demands: z.array(z.object({ id: z.number().int() })).min(1).max(100) })

export function registerPointsRoutes(app: FastifyInstance, deps: ApiDeps, chat: ChatService, nowS: () => number): void {
  const { state } = deps
  const findReward = (channel: ChannelState, id: string): Reward => {
    const reward = channel.rewards.find((r) => r.id === id)
    if (!reward) throw errors.notFound('Reward not found')
    return reward
  }
  const owner = { auth: 'user', channel: 'required', access: 'owner' } as const
  const manage = { ...owner, scope: 'channel:points:rewards' } as const
  const demands = { ...owner, scope: 'channel:points:rewards:demands' } as const

  defineRoute(app, deps, { method: 'GET', path: '/v1/channel_point', auth: 'user', scope: 'channel:points', query: channelQuery, channel: 'required', handle: ({ caller, channel }) => ({ data: { balance: { amount: channel!.balances.get(callerId(caller)) ?? 0 } } }) })
  defineRoute(app, deps, { method: 'GET', path: '/v1/channel_point/rewards', auth: 'user', scope: 'channel:points', query: channelQuery, channel: 'required', handle: ({ channel }) => ({ data: { rewards: channel!.rewards.filter((r) => !r.is_disabled) } }) })
  defineRoute(app, deps, { method: 'GET', path: '/v1/channel_point/rewards/manage_info', ...manage, query: channelQuery, handle: ({ channel }) => ({ data: { rewards: channel!.rewards } }) })
  defineRoute(app, deps, { method: 'GET', path: '/v1/channel_point/reward/manage_info', ...manage, query: rewardQuery, handle: ({ query, channel }) => ({ data: { reward: findReward(channel!, query.reward_id) } }) })

  defineRoute(app, deps, {
    method: 'POST',
    path: '/v1/channel_point/reward/create',
    ...manage,
    query: channelQuery,
    body: z.object({ reward: rewardInput }),
    handle: ({ body, channel }) => {
      const reward: Reward = { id: randomUUID(), description: '', background_color: 0, is_message_required: false, max_uses_count: 0, max_uses_count_per_user: 0, repair_timeout: 0, ...body.reward, is_disabled: false, small_url: '', medium_url: '', large_url: '' }
      channel!.rewards.push(reward)
      return { data: { reward: { id: reward.id } } }
    }
  })
  defineRoute(app, deps, {
    method: 'POST',
    path: '/v1/channel_point/reward/edit',
    ...manage,
    query: rewardQuery,
    body: z.object({ reward: rewardInput }),
    handle: ({ query, body, channel }) => {
      Object.assign(findReward(channel!, query.reward_id), body.reward)
      return {}
    }
  })
  defineRoute(app, deps, {
    method: 'POST',
    path: '/v1/channel_point/reward/delete',
    ...manage,
    query: rewardQuery,
    handle: ({ query, channel }) => {
      findReward(channel!, query.reward_id)
      channel!.rewards = channel!.rewards.filter((r) => r.id !== query.reward_id)
      return {}
    }
  })
  for (const [path, disabled] of [['/v1/channel_point/reward/enable', false], ['/v1/channel_point/reward/disable', true]] as const) {
    defineRoute(app, deps, {
      method: 'POST',
      path,
      ...manage,
      query: rewardQuery,
      handle: ({ query, channel }) => {
        findReward(channel!, query.reward_id).is_disabled = disabled
        return {}
      }
    })
  }

  defineRoute(app, deps, {
    method: 'POST',
    path: '/v1/channel_point/reward/activate',
    auth: 'user',
    scope: 'channel:points',
    query: channelQuery,
    channel: 'required',
    body: z.object({ reward: z.object({ id: z.string().min(1), message: z.object({ parts: z.array(requestPartSchema) }).optional() }) }),
    handle: ({ caller, body, channel }) => {
      const c = channel!
      const userId = callerId(caller)
      const reward = findReward(c, body.reward.id)
      if (reward.is_disabled) throw errors.unprocessable('Reward is disabled')
      if (reward.is_message_required && !body.reward.message?.parts.length) throw errors.missingParam('reward.message')
      const balance = c.balances.get(userId) ?? 0
      if (balance < reward.price) throw errors.unprocessable('Not enough channel points')
      c.balances.set(userId, balance - reward.price)
      const demand = recordDemand(c, userId, reward, toResponseParts(state, body.reward.message?.parts ?? []))
      return { data: { demand: { id: demand.id } } }
    }
  })

  defineRoute(app, deps, {
    method: 'GET',
    path: '/v1/channel_point/reward/demands',
    ...demands,
    query: z.object({ channel_url: q.str(), limit: q.limit(), offset: q.int().pipe(z.number().min(0)).optional(), reward_id: z.string().optional() }),
    handle: ({ query, channel }) => {
      const limit = capLimit(deps, query.limit)
      const offset = query.offset ?? 0
      const list = channel!.demands.filter((d) => d.status === 'pending' && (query.reward_id === undefined || d.reward.id === query.reward_id))
      const page = list.slice(offset, offset + limit)
      return { data: { demands: page }, extra: { is_last: offset + page.length >= list.length, offset: offset + page.length } }
    }
  })
  for (const [path, status] of [['/v1/channel_point/reward/demand/accept', 'accepted'], ['/v1/channel_point/reward/demand/reject', 'rejected']] as const) {
    defineRoute(app, deps, {
      method: 'POST',
      path,
      ...demands,
      query: channelQuery,
      body: demandsBody,
      handle: ({ body, channel }) => {
        for (const { id } of body.demands) {
          const demand = channel!.demands.find((d) => d.id === id)
          if (!demand) throw errors.notFound('Demand not found')
          demand.status = status
        }
        return {}
      }
    })
  }

  defineRoute(app, deps, {
    method: 'GET',
    path: '/v1/channel_roles',
    auth: 'user',
    scope: 'channel:roles',
    query: channelQuery,
    channel: 'required',
    access: 'owner',
    handle: () => ({ data: { roles: allRoles } })
  })
  defineRoute(app, deps, {
    method: 'POST',
    path: '/v1/channel_roles/user/set',
    auth: 'user',
    scope: 'channel:roles',
    query: z.object({ channel_url: q.str(), user_id: q.int() }),
    body: z.object({ roles: z.array(z.object({ id: z.string() })) }),
    channel: 'required',
    access: 'owner',
    handle: ({ query, body, channel }) => {
      if (!state.users.has(query.user_id)) throw errors.notFound('User not found')
      const ids = body.roles.map((r) => r.id)
      if (ids.some((id) => !allRoles.some((r) => r.id === id))) throw errors.invalidParam('roles')
      // The set replaces the user's roles entirely (reference §6.6).
      channel!.roles.set(query.user_id, [...new Set(ids)])
      return {}
    }
  })

  /** A redemption: stored, pushed on the points channels, announced in chat by the platform's bot. */
  function recordDemand(channel: ChannelState, userId: number, reward: Reward, message: Demand['message_parts']): Demand {
    const user = state.users.get(userId)
    const demand: Demand = {
      id: state.nextDemand(),
      created_at: nowS(),
      status: 'pending',
      reward: { id: reward.id, name: reward.name, price: reward.price },
      user: { id: userId, nick: user?.nick ?? '', avatar_url: user?.avatar_url ?? '', nick_color: user?.nick_color ?? 0 },
      message_parts: message
    }
    channel.demands.push(demand)
    chat.publish(pointsChannel(channel.id), 'channel_points_reward_demand_create', { demand })
    chat.publish(privateOf(pointsChannel(channel.id), channel.ownerId), 'channel_points_reward_demand_create', { demand })
    announceReward(chat, channel, userId, reward.name, user?.nick)
    return demand
  }
}

export const BOT_ID = 1000006

/** The platform bot's chat line for a redemption: a mention, then "получает награду …" (reference §8.5). */
export function announceReward(chat: ChatService, channel: ChannelState, userId: number, rewardName: string, nick?: string): void {
  chat.post(channel, BOT_ID, [{ mention: { id: userId, nick: nick ?? '' } }, { text: { content: ` получает награду: ${rewardName}` } }])
}
