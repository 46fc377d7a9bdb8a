/**
 * Chat methods (reference §6.3, §10.3): messages, members, member, send, settings, settings/edit.
 */
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { ChatService } from '../chat/chat-service'
import { sendBodySchema, toResponseParts } from '../chat/parts'
import { VkError, errors } from '../errors'
import type { ChannelState } from '../state'
import { callerId, capLimit, defineRoute, q, requireChannel, type ApiDeps } from './route'

const chatSettingsSchema = z.object({
  allow_access: z.enum(['any', 'subscribers', 'paid_subscribers']),
  allow_access_after: z.number().int().min(0),
  any_message_timeout: z.number().int().min(0),
  same_message_timeout: z.number().int().min(0),
  follow_alert: z.boolean(),
  subscription_alert: z.boolean(),
  mode: z
    .object({
      general: z.object({ is_caps_prohibited: z.boolean().optional(), is_links_prohibited: z.boolean().optional(), is_ru_en_numbers: z.boolean().optional() }).optional(),
      only_smiles: z.object({}).optional()
    })
    .optional()
})

export function registerChatRoutes(app: FastifyInstance, deps: ApiDeps, chat: ChatService): void {
  const { state } = deps

  defineRoute(app, deps, {
    method: 'GET',
    path: '/v1/chat/messages',
    auth: 'any',
    query: z.object({ channel_url: q.str(), limit: q.limit() }),
    channel: 'required',
    handle: ({ caller, query, channel }) => {
      const limit = capLimit(deps, query.limit)
      const viewer = callerId(caller)
      // Oldest first; private messages only for the user they are meant for.
      const visible = channel!.messages.filter((m) => !m.is_private || m.visible_to === viewer)
      return { data: { chat_messages: visible.slice(-limit).map(({ visible_to: _v, ...m }) => m) } }
    }
  })

  defineRoute(app, deps, {
    method: 'GET',
    path: '/v1/chat/members',
    auth: 'any',
    query: z.object({ channel_url: q.str(), limit: q.limit() }),
    channel: 'required',
    handle: ({ query, channel }) => {
      const limit = capLimit(deps, query.limit)
      return { data: { users: memberIds(channel!).slice(0, limit).map((id) => memberView(channel!, id)) } }
    }
  })

  defineRoute(app, deps, {
    method: 'GET',
    path: '/v1/chat/member',
    auth: 'any',
    query: z.object({ channel_url: q.str(), user_id: q.int() }),
    channel: 'required',
    handle: ({ query, channel }) => {
      const c = channel!
      const user = state.users.get(query.user_id)
      if (!user) throw errors.notFound('User not found')
      const author = state.author(c, user.id)
      return {
        data: {
          channel: { status: state.isLive(c) ? 'online' : 'offline', url: c.url },
          statistics: {
            chat_messages_count: c.messages.filter((m) => m.author.id === user.id).length,
            permanent_bans_count: 0,
            temporary_bans_count: 0,
            total_watched_time: 3600 * ((user.id % 7) + 1)
          },
          user: { ...author, registered_at: user.registered_at }
        }
      }
    }
  })

  defineRoute(app, deps, {
    method: 'POST',
    path: '/v1/chat/message/send',
    auth: 'user',
    scope: 'chat:message:send',
    query: z.object({ channel_url: q.str(), stream_id: q.str() }),
    body: sendBodySchema,
    channel: 'required',
    handle: ({ caller, query, body, channel }) => {
      const c = channel!
      if (!c.stream || c.stream.id !== query.stream_id || c.stream.ended_at !== 0) {
        throw deps.options.vk.streamMismatch === 'unprocessable_entity' ? errors.unprocessable('Stream is not live on this channel') : errors.notFound('Stream not found')
      }
      chat.send(c, callerId(caller), toResponseParts(state, body.parts))
      return {}
    }
  })

  defineRoute(app, deps, {
    method: 'GET',
    path: '/v1/chat/settings',
    auth: 'user',
    scope: 'chat:settings',
    query: z.object({ channel_url: q.str() }),
    channel: 'required',
    access: 'staff',
    handle: ({ channel }) => ({ data: { chat_settings: structuredClone(channel!.chatSettings) } })
  })

  defineRoute(app, deps, {
    method: 'POST',
    path: '/v1/chat/settings/edit',
    auth: 'user',
    scope: 'chat:settings',
    // Documented as optional; without it the caller's own channel is meant.
    query: z.object({ channel_url: q.str().optional() }),
    body: z.object({ chat_settings: chatSettingsSchema }),
    handle: ({ caller, query, body }) => {
      const userId = callerId(caller)
      const channel: ChannelState | undefined = query.channel_url ? requireChannel(state, query.channel_url) : state.channelOwnedBy(userId)
      if (!channel) throw errors.missingParam('channel_url')
      if (channel.ownerId !== userId && !channel.moderators.has(userId)) throw errors.forbidden()
      channel.chatSettings = structuredClone(body.chat_settings)
      return {}
    }
  })

  function memberIds(channel: ChannelState): number[] {
    // Owner, moderators, then whoever wrote recently, then the fixture viewers of this channel.
    const ids = [channel.ownerId, ...channel.moderators, ...[...channel.messages].reverse().map((m) => m.author.id)]
    for (const u of state.users.values()) if (u.channel_url === channel.url && u.role !== 'bot') ids.push(u.id)
    return [...new Set(ids)].filter((id) => state.users.has(id))
  }

  function memberView(channel: ChannelState, id: number): Record<string, unknown> {
    const user = state.users.get(id)
    if (!user) throw new VkError(500, 'internal_server_error', 'Internal server error')
    return { avatar_url: user.avatar_url, id, is_moderator: channel.moderators.has(id), is_owner: channel.ownerId === id, nick: user.nick, nick_color: user.nick_color }
  }
}
