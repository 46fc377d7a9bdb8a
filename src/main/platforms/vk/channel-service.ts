/**
 * The creator's channel: the channel view (avatar, nick, status, subscribers, current stream), category
 * search for the stream settings form, stream edit, and RTMP credentials held as sensitive values.
 */
import type {
  SensitiveRef,
  VkCategoryView,
  VkChannelView,
  VkCredentialsView,
  VkStreamEdit,
  VkStreamView
} from '../../../shared/ipc/domain'
import { AppError } from '../../errors'
import type { ImageUrlOf } from '../../services/images/image-url'
import type { SensitiveRegistry } from '../../services/sensitive/sensitive-registry'
import type { VkAccountService } from './account-service'
import { z } from 'zod'
import {
  categorySchema,
  categorySearchSchema,
  channelResponseSchema,
  credentialsSchema,
  type ChannelResponse,
  type VkCategory,
  type VkStream
} from './schemas'

export interface VkChannelDeps {
  readonly account: VkAccountService
  readonly sensitive: SensitiveRegistry
  readonly imageUrl: ImageUrlOf
}

export interface VkChannelService {
  /** The signed-in user's channel (or `channelUrl`), read fresh. */
  getChannel(channelUrl?: string): Promise<VkChannelView>
  /** The raw bundle (stream id, pubsub channel names) for the chat. */
  fetchBundle(channelUrl: string): Promise<ChannelResponse>
  searchCategories(query: string, type?: 'game' | 'irl' | 'sport'): Promise<VkCategoryView[]>
  editStream(edit: VkStreamEdit): Promise<VkChannelView>
  getCredentials(slotUrl?: string): Promise<VkCredentialsView>
  /** Forget revealed credentials (sign-out). */
  forgetCredentials(): void
}

const msOrNull = (s: number | null | undefined): number | null => (s ? s * 1000 : null)
const SEARCH_LIMIT = 20

export const categoryView = (c: VkCategory, imageUrl: ImageUrlOf): VkCategoryView => ({
  id: c.id,
  title: c.title,
  type: c.type,
  coverUrl: imageUrl(c.cover_url),
  viewers: c.counters?.viewers ?? null
})

/** Live = a stream that has not ended (clients disagree on the signal; reference §6.1). */
export const isLiveStream = (s: VkStream | null | undefined): s is VkStream => !!s && !s.ended_at

const streamView = (s: VkStream, imageUrl: ImageUrlOf): VkStreamView => ({
  id: s.id,
  title: s.title,
  category: s.category ? categoryView(s.category, imageUrl) : null,
  viewers: s.counters?.viewers ?? 0,
  startedAt: msOrNull(s.started_at),
  plannedAt: msOrNull(s.planned_at),
  isLive: isLiveStream(s),
  slotUrl: s.slot?.url ?? null
})

export function channelView(data: ChannelResponse, imageUrl: ImageUrlOf): VkChannelView {
  const stream = data.stream ?? data.streams?.[0] ?? null
  const live = isLiveStream(stream)
  return {
    id: data.channel.id,
    url: data.channel.url,
    nick: data.channel.nick || data.owner?.nick || data.channel.url,
    nickColor: data.channel.nick_color,
    avatarUrl: imageUrl(data.channel.avatar_url || data.owner?.avatar_url),
    status: data.channel.status,
    subscribers: data.channel.counters?.subscribers ?? 0,
    isLive: live || data.channel.status === 'online',
    stream: stream ? streamView(stream, imageUrl) : null
  }
}

export function createVkChannelService(deps: VkChannelDeps): VkChannelService {
  const { account, sensitive } = deps
  let credentialsRef: SensitiveRef | null = null

  const ownChannel = async (): Promise<string> => {
    const view = await account.view()
    if (view.state === 'disconnected') throw new AppError('not_connected', 'VK is not connected')
    if (!view.channelUrl) throw new AppError('not_found', 'this VK account has no channel', 'no_channel')
    return view.channelUrl
  }

  const fetchBundle = async (channelUrl: string): Promise<ChannelResponse> =>
    (await account.userApi.call({ method: 'GET', path: '/v1/channel', query: { channel_url: channelUrl }, schema: channelResponseSchema })).data

  return {
    fetchBundle,
    async getChannel(channelUrl) {
      return channelView(await fetchBundle(channelUrl ?? (await ownChannel())), deps.imageUrl)
    },
    async searchCategories(query, type) {
      const trimmed = query.trim()
      if (trimmed === '') return []
      // VK searches one type at a time; without a type, games and IRL are merged (as MOBLIN does).
      const types = type ? [type] : (['game', 'irl'] as const)
      const lists = await Promise.all(
        types.map((t) =>
          account.appApi.call({ method: 'GET', path: '/v1/category/search', query: { query: trimmed, type: t, limit: SEARCH_LIMIT }, schema: categorySearchSchema })
        )
      )
      const seen = new Set<string>()
      return lists
        .flatMap((l) => l.data.categories)
        .filter((c) => !seen.has(c.id) && seen.add(c.id))
        .map((c) => categoryView(c, deps.imageUrl))
    },
    async editStream(edit) {
      const channelUrl = await ownChannel()
      // VK wants the whole category object; take it from VK rather than from the renderer.
      const { data } = await account.appApi.call({
        method: 'GET',
        path: '/v1/category',
        query: { category_id: edit.categoryId },
        schema: z.object({ data: z.object({ category: categorySchema }) })
      })
      const category = data.category
      const planned = edit.plannedAt === undefined ? {} : { planned_at: edit.plannedAt === null ? 0 : Math.floor(edit.plannedAt / 1000) }
      await account.userApi.call({
        method: 'POST',
        path: '/v1/channel/stream/edit',
        query: { channel_url: channelUrl, slot_url: edit.slotUrl },
        body: { stream: { title: edit.title, category: { id: category.id, title: category.title, type: category.type, cover_url: category.cover_url }, ...planned } },
        schema: z.object({}).loose()
      })
      return channelView(await fetchBundle(channelUrl), deps.imageUrl)
    },
    async getCredentials(slotUrl) {
      const channelUrl = await ownChannel()
      const { data } = await account.userApi.call({
        method: 'GET',
        path: '/v1/channel/credentials',
        query: { channel_url: channelUrl, slot_url: slotUrl },
        schema: credentialsSchema
      })
      if (credentialsRef) sensitive.forget(credentialsRef)
      const server = data.url
      const whole = `${server.replace(/\/+$/, '')}/${data.token}`
      credentialsRef = sensitive.register('vkrtmp', whole, { split: { server, key: data.token } })
      return { ref: credentialsRef }
    },
    forgetCredentials() {
      if (credentialsRef) sensitive.forget(credentialsRef)
      credentialsRef = null
    }
  }
}
