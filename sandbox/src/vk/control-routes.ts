/**
 * VK control routes (under the control origin): consent without a browser, injected chat and events,
 * the firehose, publish times, and starting/ending a stream without an encoder.
 */
import type { FastifyInstance, FastifyReply } from 'fastify'
import { z } from 'zod'
import { badRequest, parseOr400 } from '../core/control-server'
import { announceReward, BOT_ID } from './api/points-routes'
import type { ChatService } from './chat/chat-service'
import type { Firehose } from './chat/firehose'
import { textToParts } from './chat/parts'
import { VkError } from './errors'
import { smiles } from './fixtures'
import { authorizeQuerySchema, decide, validateAuthorize } from './oauth/consent'
import type { VkApps } from './oauth/apps'
import type { TokenStore } from './oauth/token-store'
import type { ChannelState, ResponsePart, VkState } from './state'
import { chatChannel, infoChannel } from './ws-channels'

const userRef = z.union([
  z.number().int(),
  z.string().regex(/^\d+$/).transform(Number),
  z.object({ id: z.number().int().optional(), nick: z.string().min(1).max(200), nick_color: z.number().int().min(0).max(15).optional(), avatar_url: z.string().optional() })
])
type UserRef = z.infer<typeof userRef>

const partSchema = z.union([
  z.object({ text: z.object({ content: z.string() }) }),
  z.object({ mention: z.object({ id: z.number().int(), nick: z.string().optional() }) }),
  z.object({ smile: z.object({ id: z.string() }).passthrough() }),
  z.object({ link: z.object({ url: z.string(), content: z.string().optional() }) })
])

interface Deps {
  state: VkState
  chat: ChatService
  firehose: Firehose
  apps: VkApps
  tokens: TokenStore
}

export function registerVkControl(app: FastifyInstance, deps: Deps): void {
  const { state, chat } = deps
  let nextAdHocUser = 1_500_001

  const channelOr400 = (url: string, reply: FastifyReply): ChannelState | undefined => {
    const channel = state.channels.get(url)
    if (!channel) void badRequest(reply, `unknown channel_url: ${url}`)
    return channel
  }

  /** A fixture user by id, or an ad-hoc viewer (any nick, e.g. an XSS payload) created on the fly. */
  const resolveUser = (ref: UserRef): number | undefined => {
    if (typeof ref === 'number') return state.users.has(ref) ? ref : undefined
    const id = ref.id ?? nextAdHocUser++
    state.users.set(id, { id, nick: ref.nick, nick_color: ref.nick_color ?? 0, avatar_url: ref.avatar_url ?? '', role: 'viewer', channel_url: '', is_verified_streamer: false, registered_at: 1_700_000_000, badges: [], listed: false })
    return id
  }

  const toParts = (parts: Array<z.infer<typeof partSchema>>): ResponsePart[] =>
    parts.flatMap((p): ResponsePart[] => {
      if ('text' in p) return textToParts(p.text.content)
      if ('link' in p) return [{ link: { content: p.link.content ?? p.link.url, url: p.link.url } }]
      if ('mention' in p) return [{ mention: { id: p.mention.id, nick: p.mention.nick ?? state.users.get(p.mention.id)?.nick ?? '' } }]
      const smile = smiles.find((s) => s.id === p.smile.id)
      if (!smile) throw new VkError(400, 'invalid_param', `unknown smile id: ${p.smile.id}`)
      return [{ smile: { ...smile } }]
    })

  app.post('/vk/consent', (request, reply) => {
    const body = parseOr400(authorizeQuerySchema.extend({ user: userRef, deny: z.boolean().optional() }), request.body, reply)
    if (!body) return reply
    const checked = validateAuthorize(deps.apps, body)
    if (!checked.ok) return badRequest(reply, checked.error)
    const userId = typeof body.user === 'number' && state.users.has(body.user) ? body.user : undefined
    if (userId === undefined) return badRequest(reply, 'user must be the id of a sandbox VK user')
    return { location: decide(checked.value, { userId, deny: body.deny === true }, deps.tokens) }
  })

  app.post('/vk/chat', (request, reply) => {
    const body = parseOr400(z.object({ channel_url: z.string(), user: userRef, parts: z.array(partSchema).min(1), private_to: z.number().int().optional() }), request.body, reply)
    if (!body) return reply
    const channel = channelOr400(body.channel_url, reply)
    if (!channel) return reply
    const userId = resolveUser(body.user)
    if (userId === undefined) return badRequest(reply, 'unknown user')
    try {
      const message = chat.post(channel, userId, toParts(body.parts), { privateTo: body.private_to })
      return { id: message.id, created_at: message.created_at, channel: chatChannel(channel.id) }
    } catch (error) {
      if (error instanceof VkError) return badRequest(reply, error.description)
      throw error
    }
  })

  app.post('/vk/chat/firehose', (request, reply) => {
    const body = parseOr400(z.object({ channel_url: z.string(), rate: z.number().positive().max(5000), durationS: z.number().positive().max(3600) }), request.body, reply)
    if (!body) return reply
    const channel = channelOr400(body.channel_url, reply)
    if (!channel) return reply
    return { ...deps.firehose.start(channel, body.rate, body.durationS), startedAt: Date.now() }
  })

  app.get('/vk/chat/published', (request, reply) => {
    const query = parseOr400(z.object({ since: z.string().regex(/^\d+$/).transform(Number).optional() }), request.query, reply)
    if (!query) return reply
    return chat.publishedSince(query.since ?? 0)
  })

  app.post('/vk/event', (request, reply) => {
    const body = parseOr400(z.object({ channel_url: z.string(), type: z.string().min(1), data: z.record(z.string(), z.unknown()).default({}) }), request.body, reply)
    if (!body) return reply
    const channel = channelOr400(body.channel_url, reply)
    if (!channel) return reply
    const result = injectEvent(channel, body.type, body.data)
    return typeof result === 'string' ? badRequest(reply, result) : result
  })

  app.post('/vk/stream', (request, reply) => {
    const body = parseOr400(z.object({ channel_url: z.string(), live: z.boolean() }), request.body, reply)
    if (!body) return reply
    const channel = channelOr400(body.channel_url, reply)
    if (!channel) return reply
    if (channel.banned) return badRequest(reply, 'channel is banned')
    const stream = state.setLive(channel, body.live)
    return { live: state.isLive(channel), stream_id: stream?.id ?? null }
  })

  /** Follows, raids and subscriptions go to the `info` channel; deletes and bot lines to `chat`. */
  function injectEvent(channel: ChannelState, type: string, data: Record<string, unknown>): Record<string, unknown> | string {
    const who = (): { id: number; nick: string; nick_color: number } | string => {
      const ref = userRef.safeParse(data.user ?? 1000005)
      const id = ref.success ? resolveUser(ref.data) : undefined
      const user = id === undefined ? undefined : state.users.get(id)
      return user ? { id: user.id, nick: user.nick, nick_color: user.nick_color } : 'data.user must be a sandbox VK user id or {nick}'
    }
    switch (type) {
      case 'follow':
      case 'channel_follow_create': {
        const follower = who()
        if (typeof follower === 'string') return follower
        channel.followers.set(follower.id, state.nowS())
        channel.subscribers += 1
        chat.publish(infoChannel(channel.id), 'channel_follow_create', { follow: { follower } })
        return { type: 'channel_follow_create' }
      }
      case 'raid':
      case 'channel_raid_income': {
        const source = state.channels.get(typeof data.from === 'string' ? data.from : 'quiet_channel')
        const owner = source ? state.users.get(source.ownerId) : undefined
        const raiders = typeof data.raiders_count === 'number' ? data.raiders_count : 42
        chat.publish(infoChannel(channel.id), 'channel_raid_income', { raid: { source: { owner: { id: owner?.id ?? 0, nick: owner?.nick ?? 'raider', nick_color: owner?.nick_color ?? 0 } }, raiders_count: raiders } })
        return { type: 'channel_raid_income' }
      }
      case 'subscription':
      case 'channel_subscription_create': {
        const subscriber = who()
        if (typeof subscriber === 'string') return subscriber
        channel.paidSubscribers.add(subscriber.id)
        const level = { id: 'd4e5f6a7-0000-4000-8000-000000000001', name: typeof data.level === 'string' ? data.level : 'Level 1', price: 99 }
        chat.publish(infoChannel(channel.id), 'channel_subscription_create', { subscription: { subscriber, level } })
        return { type: 'channel_subscription_create' }
      }
      case 'delete':
      case 'channel_chat_message_delete': {
        const id = typeof data.message_id === 'number' ? data.message_id : typeof data.id === 'number' ? data.id : undefined
        if (id === undefined) return 'data.message_id is required'
        return { type: 'channel_chat_message_delete', existed: chat.delete(channel, id) }
      }
      case 'bot':
      case 'reward': {
        const target = who()
        if (typeof target === 'string') return target
        if (type === 'reward') announceReward(chat, channel, target.id, typeof data.reward === 'string' ? data.reward : 'Hydrate!', target.nick)
        else chat.post(channel, BOT_ID, [{ mention: { id: target.id, nick: target.nick } }, { text: { content: ` ${typeof data.text === 'string' ? data.text : 'получает награду: Hydrate!'}` } }])
        return { type: 'channel_chat_message_send' }
      }
      default:
        return `unknown event type: ${type} (follow, raid, subscription, delete, bot, reward)`
    }
  }
}
