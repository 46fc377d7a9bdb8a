/**
 * Category and catalog methods (reference §6.4, §6.5).
 */
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { errors } from '../errors'
import { categories } from '../fixtures'
import { categoryWithCounters, channelBundle } from '../views'
import { callerId, capLimit, defineRoute, q, type ApiDeps } from './route'

export function registerCatalogRoutes(app: FastifyInstance, deps: ApiDeps): void {
  const { state } = deps

  defineRoute(app, deps, {
    method: 'GET',
    path: '/v1/category',
    auth: 'any',
    query: z.object({ category_id: q.str() }),
    handle: ({ query }) => {
      const category = categories.find((c) => c.id === query.category_id)
      if (!category) throw errors.notFound('Category not found')
      return { data: { category: categoryWithCounters(category) } }
    }
  })

  defineRoute(app, deps, {
    method: 'GET',
    path: '/v1/category/search',
    auth: 'any',
    query: z.object({ query: q.str(), type: q.str(), limit: q.limit() }),
    handle: ({ query }) => {
      const limit = capLimit(deps, query.limit)
      const needle = query.query.toLocaleLowerCase()
      const found = categories.filter((c) => c.type === query.type && c.title.toLocaleLowerCase().includes(needle))
      return { data: { categories: found.slice(0, limit).map(categoryWithCounters) } }
    }
  })

  defineRoute(app, deps, {
    method: 'GET',
    path: '/v1/catalog/online_channels',
    auth: 'any',
    query: z.object({
      limit: q.limit(),
      offset: q.int().pipe(z.number().min(0)).optional(),
      category_id: z.string().optional(),
      category_type: z.string().optional(),
      has_vk_video: q.bool().optional(),
      all_streams: q.bool().optional()
    }),
    handle: ({ caller, query }) => {
      const limit = capLimit(deps, query.limit)
      const live = [...state.channels.values()].filter(
        (c) =>
          !c.banned &&
          state.isLive(c) &&
          (query.category_id === undefined || c.stream?.category.id === query.category_id) &&
          (query.category_type === undefined || c.stream?.category.type === query.category_type)
      )
      const offset = query.offset ?? 0
      return { data: { channels: live.slice(offset, offset + limit).map((c) => channelBundle(state, c, callerId(caller), { compact: true })) } }
    }
  })

  defineRoute(app, deps, {
    method: 'GET',
    path: '/v1/catalog/online_categories',
    auth: 'any',
    query: z.object({ limit: q.limit(), offset: q.int().pipe(z.number().min(0)).optional(), category_type: z.string().optional() }),
    handle: ({ query }) => {
      const limit = capLimit(deps, query.limit)
      const offset = query.offset ?? 0
      const list = categories.filter((c) => query.category_type === undefined || c.type === query.category_type).sort((a, b) => b.viewers - a.viewers)
      return { data: { categories: list.slice(offset, offset + limit).map(categoryWithCounters) } }
    }
  })
}
