/**
 * Channel, current user, stream and stream-record methods (reference §6.1, §6.2, §6.8–6.10).
 */
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { errors } from '../errors'
import { categories } from '../fixtures'
import { IMAGE_PLACEHOLDER } from '../images'
import type { ChannelState } from '../state'
import { channelBundle, channelView, ownerView, streamView, categoryView } from '../views'
import { callerId, capLimit, defineRoute, q, type ApiDeps } from './route'

const withSources = { with_source_urls: q.bool().optional(), ip: z.string().optional(), user_agent: z.string().optional() }

const streamEditBody = z.object({
  stream: z.object({
    title: z.string().max(140).optional(),
    category: z.object({ id: z.string(), cover_url: z.string().optional(), title: z.string().optional(), type: z.string().optional() }).optional(),
    planned_at: z.number().int().min(0).optional()
  })
})

export function registerChannelRoutes(app: FastifyInstance, deps: ApiDeps, rtmpUrl: () => string): void {
  const { state } = deps

  defineRoute(app, deps, {
    method: 'GET',
    path: '/v1/channel',
    auth: 'any',
    query: z.object({ channel_url: q.str(), ...withSources }),
    channel: 'required',
    handle: ({ caller, query, channel }) => ({ data: channelBundle(state, channel!, callerId(caller), { withSourceUrls: query.with_source_urls }) })
  })

  defineRoute(app, deps, {
    method: 'POST',
    path: '/v1/channels',
    auth: 'any',
    body: z.object({ channels: z.array(z.object({ url: z.string().min(1) })).max(100) }),
    handle: ({ caller, body }) => ({
      data: {
        // Unknown and banned channels are left out of a batch answer.
        channels: body.channels.flatMap(({ url }) => {
          const channel = state.channels.get(url)
          return channel && !channel.banned ? [channelBundle(state, channel, callerId(caller), { compact: true })] : []
        })
      }
    })
  })

  defineRoute(app, deps, {
    method: 'GET',
    path: '/v1/channel/credentials',
    auth: 'user',
    scope: 'channel:credentials',
    query: z.object({ channel_url: q.str(), slot_url: z.string().optional() }),
    channel: 'required',
    access: 'owner',
    handle: ({ channel }) => ({ data: { token: channel!.streamKey, url: rtmpUrl() } })
  })

  defineRoute(app, deps, {
    method: 'POST',
    path: '/v1/channel/stream/edit',
    auth: 'user',
    scope: 'channel:stream:settings',
    query: z.object({ channel_url: q.str(), slot_url: z.string().optional() }),
    body: streamEditBody,
    channel: 'required',
    access: 'owner',
    handle: ({ body, channel }) => {
      // The platform wants both title and category (MOBLIN's observation, reference §6.1).
      if (body.stream.title === undefined) throw errors.missingParam('stream.title')
      if (body.stream.category === undefined) throw errors.missingParam('stream.category')
      const category = categories.find((c) => c.id === body.stream.category?.id)
      if (!category) throw errors.invalidParam('stream.category.id')
      const c = channel!
      c.planned = { title: body.stream.title, category, planned_at: body.stream.planned_at ?? c.planned.planned_at }
      if (c.stream && c.stream.ended_at === 0) {
        c.stream.title = body.stream.title
        c.stream.category = category
        if (body.stream.planned_at !== undefined) c.stream.planned_at = body.stream.planned_at
      }
      return {}
    }
  })

  defineRoute(app, deps, {
    method: 'GET',
    path: '/v1/current_user',
    auth: 'user',
    handle: ({ caller }) => {
      const userId = callerId(caller)
      const user = state.users.get(userId)
      if (!user) throw errors.unauthorized()
      const own = state.channelOwnedBy(userId)
      return {
        data: {
          user: { id: user.id, nick: user.nick, nick_color: user.nick_color, avatar_url: user.avatar_url, is_streamer: own !== undefined, is_verified_streamer: user.is_verified_streamer },
          // An account that never streamed has no channel (reference §6.2).
          ...(own ? { channel: { url: own.url } } : {})
        }
      }
    }
  })

  defineRoute(app, deps, {
    method: 'GET',
    path: '/v1/stream',
    auth: 'any',
    query: z.object({ stream_id: q.str(), ...withSources }),
    handle: ({ caller, query }) => {
      const found = state.findStream(query.stream_id)
      if (!found) throw errors.notFound('Stream not found')
      if (found.channel.banned) throw errors.channelBanned()
      return {
        data: {
          channel: channelView(state, found.channel, callerId(caller)),
          owner: ownerView(state, found.channel),
          stream: streamView(found.channel, found.stream, { withSourceUrls: query.with_source_urls })
        }
      }
    }
  })

  const recordView = (r: ChannelState['records'][number]): Record<string, unknown> => ({
    category: categoryView(r.category),
    counters: { views: r.views },
    created_at: r.created_at,
    duration: r.duration,
    id: r.id,
    preview_url: `${IMAGE_PLACEHOLDER}/records/${r.id}.png`,
    stream_started_at: r.stream_started_at,
    title: r.title,
    video_id: r.video_id
  })

  defineRoute(app, deps, {
    method: 'GET',
    path: '/v1/stream_record',
    auth: 'any',
    query: z.object({ record_id: q.str(), ...withSources }),
    handle: ({ query }) => {
      for (const channel of state.channels.values()) {
        const record = channel.records.find((r) => r.id === query.record_id)
        if (record && !channel.banned) {
          return {
            data: {
              stream_record: {
                ...recordView(record),
                reactions: [{ count: 3, type: 'heart' }],
                source_urls: query.with_source_urls ? [{ type: 'hls', url: `https://video.sandbox.invalid/records/${record.id}/index.m3u8` }] : []
              }
            }
          }
        }
      }
      throw errors.notFound('Stream record not found')
    }
  })

  defineRoute(app, deps, {
    method: 'GET',
    path: '/v1/stream_records',
    auth: 'any',
    query: z.object({ channel_url: q.str(), limit: q.limit(), offset: q.int().pipe(z.number().min(0)).optional() }),
    channel: 'required',
    handle: ({ query, channel }) => {
      const limit = capLimit(deps, query.limit)
      const offset = query.offset ?? 0
      const page = channel!.records.slice(offset, offset + limit)
      const next = offset + page.length
      return { data: { stream_records: page.map(recordView) }, extra: { is_last: next >= channel!.records.length, offset: next } }
    }
  })

  // The method exists (DOC-TOC) but its parameters are unknown; the simulator finds nothing.
  defineRoute(app, deps, {
    method: 'GET',
    path: '/v1/video',
    auth: 'any',
    query: z.object({}).passthrough(),
    handle: () => {
      throw errors.notFound('Video not found')
    }
  })
}
