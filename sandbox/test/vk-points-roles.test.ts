/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- conformance tests walk untyped JSON bodies */
/**
 * VK channel points and channel roles (reference §5 scopes, §6.6, §6.7, §10.2): every path with its
 * authorization kind ("user" methods refuse app tokens and Basic), its scope (403 invalid_scope), its
 * availability (owner-only → 403 forbidden), its parameters (400 missing_param / invalid_param), its channel
 * errors (404 channel_not_found / 403 channel_banned) and its answers. Then the §6 table, path by path: the
 * authorization kinds each method takes and the scope it needs, so no §6 path goes untested.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ALL_SCOPES, FORBIDDEN, UNAUTHORIZED, expectError, startVk, type Vk } from './vk-helpers'

type Json = Record<string, any>
let t: Vk
let owner = ''
let viewer = ''
let viewerId = 0
let subscriberId = 0
let mod = ''
let app = ''

beforeAll(async () => {
  t = await startVk()
  owner = (await t.codeFlow(t.user('owner', 'live_channel').id)).access_token
  viewerId = t.user('viewer').id
  subscriberId = t.user('subscriber').id
  viewer = (await t.codeFlow(viewerId)).access_token
  mod = (await t.codeFlow(t.user('moderator').id)).access_token
  app = await t.appToken()
})
afterAll(async () => {
  await t.sb.stop()
})

const ok = async (res: Response): Promise<Json> => {
  const body = (await res.json()) as Json
  if (res.status !== 200) throw new Error(`expected 200, got ${res.status} ${JSON.stringify(body)}`)
  return body
}
const LIVE = 'channel_url=live_channel'
const HYDRATE = '0c8e4b1a-0000-4000-8000-000000000001'
const SONG = '0c8e4b1a-0000-4000-8000-000000000002'

describe('channel points, viewer side (§6.7, scope channel:points)', () => {
  it('GET /v1/channel_point: the caller\'s balance as {balance:{amount}}', async () => {
    const body = await ok(await t.api(`/v1/channel_point?${LIVE}`, { token: viewer }))
    expect(body).toEqual({ data: { balance: { amount: expect.any(Number) } } })
    expect(body.data.balance.amount).toBeGreaterThan(0)
  })

  it('GET /v1/channel_point/rewards: enabled rewards with UUID ids and the Reward fields', async () => {
    const { data } = await ok(await t.api(`/v1/channel_point/rewards?${LIVE}`, { token: viewer }))
    expect(data.rewards.map((r: Json) => r.id)).toEqual([HYDRATE, SONG])
    for (const r of data.rewards) {
      expect(r.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
      expect(r).toEqual(expect.objectContaining({ name: expect.any(String), price: expect.any(Number), is_disabled: false, is_message_required: expect.any(Boolean) }))
    }
  })

  it('POST /v1/channel_point/reward/activate: pays the price, creates a pending demand, pushes it and announces it in chat', async () => {
    const before = (await ok(await t.api(`/v1/channel_point?${LIVE}`, { token: viewer }))).data.balance.amount
    const since = Date.now()
    const res = await ok(await t.api(`/v1/channel_point/reward/activate?${LIVE}`, { token: viewer, body: { reward: { id: HYDRATE } } }))
    expect(res).toEqual({ data: { demand: { id: expect.any(Number) } } })
    const after = (await ok(await t.api(`/v1/channel_point?${LIVE}`, { token: viewer }))).data.balance.amount
    expect(before - after).toBe(100)
    const published = await t.controlJson<Array<{ channel: string; type: string }>>(`/vk/chat/published?since=${since}`)
    expect(published).toEqual(expect.arrayContaining([{ at: expect.any(Number), channel: 'api-channel-points:2000001', type: 'channel_points_reward_demand_create' }]))
    const { chat_messages } = (await ok(await t.api(`/v1/chat/messages?${LIVE}&limit=5`, { token: app }))).data
    const announce = chat_messages.at(-1)
    expect(announce.author.badges.map((b: Json) => b.achievement_name)).toContain('internal_chatbot')
    expect(announce.parts[0].mention.id).toBe(viewerId)
    expect(announce.parts[1].text.content).toContain('получает награду')
    const { demands } = (await ok(await t.api(`/v1/channel_point/reward/demands?${LIVE}&limit=10`, { token: owner }))).data
    expect(demands).toContainEqual(expect.objectContaining({ id: res.data.demand.id, status: 'pending', reward: expect.objectContaining({ id: HYDRATE }) }))
  })

  it('activate: a reward that needs a message gets it in the chat request part format; without it 400 missing_param', async () => {
    await expectError(await t.api(`/v1/channel_point/reward/activate?${LIVE}`, { token: viewer, body: { reward: { id: SONG } } }), 400, 'missing_param')
    const res = await ok(await t.api(`/v1/channel_point/reward/activate?${LIVE}`, { token: viewer, body: { reward: { id: SONG, message: { parts: [{ text: { content: 'Play Kino' } }] } } } }))
    const { demands } = (await ok(await t.api(`/v1/channel_point/reward/demands?${LIVE}&limit=10&reward_id=${SONG}`, { token: owner }))).data
    expect(demands.map((d: Json) => d.id)).toEqual([res.data.demand.id])
  })

  it('activate: an unknown reward → 404 not_found; a body without reward.id → 400 missing_param; too few points → 422', async () => {
    await expectError(await t.api(`/v1/channel_point/reward/activate?${LIVE}`, { token: viewer, body: { reward: { id: 'no-such-reward' } } }), 404, 'not_found')
    await expectError(await t.api(`/v1/channel_point/reward/activate?${LIVE}`, { token: viewer, body: { reward: {} } }), 400, 'missing_param')
    const created = await ok(await t.api(`/v1/channel_point/reward/create?${LIVE}`, { token: owner, body: { reward: { name: 'Too dear', price: 1_000_000 } } }))
    await expectError(await t.api(`/v1/channel_point/reward/activate?${LIVE}`, { token: viewer, body: { reward: { id: created.data.reward.id } } }), 422, 'unprocessable_entity')
  })
})

describe('channel points, owner side (scopes channel:points:rewards and …:demands; owner only)', () => {
  it('create → manage_info (one and all) → edit → disable (hidden from viewers, 422 on activate) → enable → delete (404)', async () => {
    const created = await ok(await t.api(`/v1/channel_point/reward/create?${LIVE}`, { token: owner, body: { reward: { name: 'Squats', price: 250, description: '10 squats' } } }))
    const id = created.data.reward.id
    expect(created).toEqual({ data: { reward: { id: expect.stringMatching(/^[0-9a-f-]{36}$/) } } })
    const one = await ok(await t.api(`/v1/channel_point/reward/manage_info?${LIVE}&reward_id=${id}`, { token: owner }))
    expect(one.data.reward).toEqual(expect.objectContaining({ id, name: 'Squats', price: 250, description: '10 squats', is_disabled: false }))

    expect(await ok(await t.api(`/v1/channel_point/reward/edit?${LIVE}&reward_id=${id}`, { token: owner, body: { reward: { name: 'Squats x20', price: 300 } } }))).toEqual({})
    expect((await ok(await t.api(`/v1/channel_point/reward/manage_info?${LIVE}&reward_id=${id}`, { token: owner }))).data.reward).toEqual(expect.objectContaining({ name: 'Squats x20', price: 300 }))

    expect(await ok(await t.api(`/v1/channel_point/reward/disable?${LIVE}&reward_id=${id}`, { token: owner, method: 'POST' }))).toEqual({})
    const viewerList = (await ok(await t.api(`/v1/channel_point/rewards?${LIVE}`, { token: viewer }))).data.rewards
    expect(viewerList.map((r: Json) => r.id)).not.toContain(id)
    const ownerList = (await ok(await t.api(`/v1/channel_point/rewards/manage_info?${LIVE}`, { token: owner }))).data.rewards
    expect(ownerList.find((r: Json) => r.id === id)?.is_disabled).toBe(true)
    await expectError(await t.api(`/v1/channel_point/reward/activate?${LIVE}`, { token: viewer, body: { reward: { id } } }), 422, 'unprocessable_entity')

    expect(await ok(await t.api(`/v1/channel_point/reward/enable?${LIVE}&reward_id=${id}`, { token: owner, body: {} }))).toEqual({})
    expect((await ok(await t.api(`/v1/channel_point/rewards?${LIVE}`, { token: viewer }))).data.rewards.map((r: Json) => r.id)).toContain(id)

    expect(await ok(await t.api(`/v1/channel_point/reward/delete?${LIVE}&reward_id=${id}`, { token: owner, method: 'POST' }))).toEqual({})
    await expectError(await t.api(`/v1/channel_point/reward/manage_info?${LIVE}&reward_id=${id}`, { token: owner }), 404, 'not_found')
    await expectError(await t.api(`/v1/channel_point/reward/delete?${LIVE}&reward_id=${id}`, { token: owner, method: 'POST' }), 404, 'not_found')
  })

  it('reward parameters: reward_id missing → missing_param; a body without name/price → missing_param; a bad price → invalid_param', async () => {
    await expectError(await t.api(`/v1/channel_point/reward/manage_info?${LIVE}`, { token: owner }), 400, 'missing_param')
    await expectError(await t.api(`/v1/channel_point/reward/enable?${LIVE}`, { token: owner, method: 'POST' }), 400, 'missing_param')
    await expectError(await t.api(`/v1/channel_point/reward/create?${LIVE}`, { token: owner, body: { reward: { price: 10 } } }), 400, 'missing_param')
    await expectError(await t.api(`/v1/channel_point/reward/create?${LIVE}`, { token: owner, body: { reward: { name: 'x', price: 'ten' } } }), 400, 'invalid_param')
  })

  it('demands: limit required and ≤ 200, offset paging with extra {is_last, offset}; accept and reject take them out of the pending list', async () => {
    await expectError(await t.api(`/v1/channel_point/reward/demands?${LIVE}`, { token: owner }), 400, 'missing_param')
    await expectError(await t.api(`/v1/channel_point/reward/demands?${LIVE}&limit=201`, { token: owner }), 400, 'invalid_param')
    await expectError(await t.api(`/v1/channel_point/reward/demands?${LIVE}&limit=x`, { token: owner }), 400, 'invalid_param')
    for (let i = 0; i < 2; i++) await ok(await t.api(`/v1/channel_point/reward/activate?${LIVE}`, { token: viewer, body: { reward: { id: HYDRATE } } }))
    const all = await ok(await t.api(`/v1/channel_point/reward/demands?${LIVE}&limit=200`, { token: owner }))
    const ids: number[] = all.data.demands.map((d: Json) => d.id)
    expect(ids.length).toBeGreaterThanOrEqual(3)
    expect(all.extra).toEqual({ is_last: true, offset: ids.length })
    const first = await ok(await t.api(`/v1/channel_point/reward/demands?${LIVE}&limit=1&offset=0`, { token: owner }))
    expect(first.data.demands.map((d: Json) => d.id)).toEqual([ids[0]])
    expect(first.extra).toEqual({ is_last: false, offset: 1 })

    expect(await ok(await t.api(`/v1/channel_point/reward/demand/accept?${LIVE}`, { token: owner, body: { demands: [{ id: ids[0] }] } }))).toEqual({})
    expect(await ok(await t.api(`/v1/channel_point/reward/demand/reject?${LIVE}`, { token: owner, body: { demands: [{ id: ids[1] }] } }))).toEqual({})
    const left = (await ok(await t.api(`/v1/channel_point/reward/demands?${LIVE}&limit=200`, { token: owner }))).data.demands.map((d: Json) => d.id)
    expect(left).toEqual(ids.slice(2))
    await expectError(await t.api(`/v1/channel_point/reward/demand/accept?${LIVE}`, { token: owner, body: { demands: [{ id: 1 }] } }), 404, 'not_found')
    await expectError(await t.api(`/v1/channel_point/reward/demand/reject?${LIVE}`, { token: owner, body: {} }), 400, 'missing_param')
  })

  it('owner-only: the moderator and a viewer get 403 forbidden on every management path', async () => {
    const paths: Array<[string, unknown?]> = [
      [`/v1/channel_point/rewards/manage_info?${LIVE}`],
      [`/v1/channel_point/reward/manage_info?${LIVE}&reward_id=${HYDRATE}`],
      [`/v1/channel_point/reward/create?${LIVE}`, { reward: { name: 'x', price: 1 } }],
      [`/v1/channel_point/reward/edit?${LIVE}&reward_id=${HYDRATE}`, { reward: { name: 'x', price: 1 } }],
      [`/v1/channel_point/reward/delete?${LIVE}&reward_id=${HYDRATE}`, {}],
      [`/v1/channel_point/reward/enable?${LIVE}&reward_id=${HYDRATE}`, {}],
      [`/v1/channel_point/reward/disable?${LIVE}&reward_id=${HYDRATE}`, {}],
      [`/v1/channel_point/reward/demands?${LIVE}&limit=5`],
      [`/v1/channel_point/reward/demand/accept?${LIVE}`, { demands: [{ id: 1 }] }],
      [`/v1/channel_point/reward/demand/reject?${LIVE}`, { demands: [{ id: 1 }] }],
      [`/v1/channel_roles?${LIVE}`],
      [`/v1/channel_roles/user/set?${LIVE}&user_id=${viewerId}`, { roles: [] }]
    ]
    for (const token of [mod, viewer]) {
      for (const [path, body] of paths) {
        const res = await t.api(path, { token, body })
        expect(res.status, path).toBe(403)
        expect(await res.json(), path).toEqual(FORBIDDEN)
      }
    }
  })
})

describe('channel roles (§6.6, scope channel:roles, owner only)', () => {
  it('GET /v1/channel_roles lists Role items {id, name, small_url, medium_url, large_url} with sandbox image URLs', async () => {
    const { data } = await ok(await t.api(`/v1/channel_roles?${LIVE}`, { token: owner }))
    expect(data.roles.length).toBeGreaterThanOrEqual(2)
    for (const role of data.roles) {
      expect(Object.keys(role).sort()).toEqual(['id', 'large_url', 'medium_url', 'name', 'small_url'])
      expect(role.small_url.startsWith(`${t.vk.apiBase}/`)).toBe(true)
    }
  })

  it('POST /v1/channel_roles/user/set replaces the user\'s roles entirely (seen in /v1/chat/member)', async () => {
    const { roles } = (await ok(await t.api(`/v1/channel_roles?${LIVE}`, { token: owner }))).data
    const memberRoles = async (): Promise<string[]> => (await ok(await t.api(`/v1/chat/member?${LIVE}&user_id=${subscriberId}`, { token: app }))).data.user.roles.map((r: Json) => r.id)
    expect(await memberRoles()).toEqual([roles[0].id])
    expect(await ok(await t.api(`/v1/channel_roles/user/set?${LIVE}&user_id=${subscriberId}`, { token: owner, body: { roles: [{ id: roles[1].id }] } }))).toEqual({})
    expect(await memberRoles()).toEqual([roles[1].id])
    await ok(await t.api(`/v1/channel_roles/user/set?${LIVE}&user_id=${subscriberId}`, { token: owner, body: { roles: [{ id: roles[0].id }, { id: roles[1].id }] } }))
    expect((await memberRoles()).sort()).toEqual([roles[0].id, roles[1].id].sort())
    await ok(await t.api(`/v1/channel_roles/user/set?${LIVE}&user_id=${subscriberId}`, { token: owner, body: { roles: [] } }))
    expect(await memberRoles()).toEqual([])
  })

  it('parameters: user_id missing → missing_param, not a number → invalid_param; an unknown role → invalid_param; an unknown user → 404', async () => {
    await expectError(await t.api(`/v1/channel_roles/user/set?${LIVE}`, { token: owner, body: { roles: [] } }), 400, 'missing_param')
    await expectError(await t.api(`/v1/channel_roles/user/set?${LIVE}&user_id=x`, { token: owner, body: { roles: [] } }), 400, 'invalid_param')
    await expectError(await t.api(`/v1/channel_roles/user/set?${LIVE}&user_id=${viewerId}`, { token: owner, body: {} }), 400, 'missing_param')
    await expectError(await t.api(`/v1/channel_roles/user/set?${LIVE}&user_id=${viewerId}`, { token: owner, body: { roles: [{ id: 'no-such-role' }] } }), 400, 'invalid_param')
    await expectError(await t.api(`/v1/channel_roles/user/set?${LIVE}&user_id=999`, { token: owner, body: { roles: [] } }), 404, 'not_found')
    await expectError(await t.api('/v1/channel_roles', { token: owner }), 400, 'missing_param')
  })
})

/**
 * The §6 table: method, path (with valid parameters for the owner of live_channel), its auth level and its
 * scope. "any" = user, application (Bearer app token and Basic); "user" = user token only; "bearer" = user or
 * app token, not Basic (`/v1/token`).
 */
const LIVE_STREAM = '9e6f3a10-0000-4000-8000-000000000001'
const CATEGORY = '5f1c0a52-0000-4000-8000-000000000001'
const SECTION6: Array<{ method: 'GET' | 'POST'; path: string; auth: 'any' | 'user' | 'bearer'; scope?: string; body?: unknown }> = [
  { method: 'GET', path: `/v1/channel?${LIVE}`, auth: 'any' },
  { method: 'POST', path: '/v1/channels', auth: 'any', body: { channels: [{ url: 'live_channel' }] } },
  { method: 'GET', path: `/v1/channel/credentials?${LIVE}`, auth: 'user', scope: 'channel:credentials' },
  { method: 'POST', path: `/v1/channel/stream/edit?${LIVE}`, auth: 'user', scope: 'channel:stream:settings', body: { stream: { title: 'T', category: { id: CATEGORY } } } },
  { method: 'GET', path: '/v1/current_user', auth: 'user' },
  { method: 'GET', path: `/v1/chat/messages?${LIVE}&limit=5`, auth: 'any' },
  { method: 'GET', path: `/v1/chat/members?${LIVE}&limit=5`, auth: 'any' },
  { method: 'GET', path: `/v1/chat/member?${LIVE}&user_id=1000005`, auth: 'any' },
  { method: 'POST', path: `/v1/chat/message/send?${LIVE}&stream_id=${LIVE_STREAM}`, auth: 'user', scope: 'chat:message:send', body: { parts: [{ text: { content: 'table' } }] } },
  { method: 'GET', path: `/v1/chat/settings?${LIVE}`, auth: 'user', scope: 'chat:settings' },
  { method: 'POST', path: `/v1/chat/settings/edit?${LIVE}`, auth: 'user', scope: 'chat:settings', body: { chat_settings: { allow_access: 'any', allow_access_after: 0, any_message_timeout: 0, same_message_timeout: 30, follow_alert: true, subscription_alert: true } } },
  { method: 'GET', path: `/v1/category?category_id=${CATEGORY}`, auth: 'any' },
  { method: 'GET', path: '/v1/category/search?query=a&type=irl&limit=5', auth: 'any' },
  { method: 'GET', path: '/v1/catalog/online_channels?limit=5', auth: 'any' },
  { method: 'GET', path: '/v1/catalog/online_categories?limit=5', auth: 'any' },
  { method: 'GET', path: `/v1/stream?stream_id=${LIVE_STREAM}`, auth: 'any' },
  { method: 'GET', path: `/v1/stream_records?${LIVE}&limit=5`, auth: 'any' },
  { method: 'GET', path: '/v1/token', auth: 'bearer' },
  { method: 'GET', path: '/v1/websocket/token', auth: 'any' },
  { method: 'GET', path: '/v1/websocket/subscription_token?channels=api-channel-chat:2000001', auth: 'user' },
  { method: 'GET', path: `/v1/channel_point?${LIVE}`, auth: 'user', scope: 'channel:points' },
  { method: 'GET', path: `/v1/channel_point/rewards?${LIVE}`, auth: 'user', scope: 'channel:points' },
  { method: 'GET', path: `/v1/channel_point/rewards/manage_info?${LIVE}`, auth: 'user', scope: 'channel:points:rewards' },
  { method: 'GET', path: `/v1/channel_point/reward/manage_info?${LIVE}&reward_id=${HYDRATE}`, auth: 'user', scope: 'channel:points:rewards' },
  { method: 'POST', path: `/v1/channel_point/reward/create?${LIVE}`, auth: 'user', scope: 'channel:points:rewards', body: { reward: { name: 'Table', price: 1 } } },
  { method: 'POST', path: `/v1/channel_point/reward/edit?${LIVE}&reward_id=${HYDRATE}`, auth: 'user', scope: 'channel:points:rewards', body: { reward: { name: 'Hydrate!', price: 100 } } },
  { method: 'POST', path: `/v1/channel_point/reward/disable?${LIVE}&reward_id=${HYDRATE}`, auth: 'user', scope: 'channel:points:rewards', body: {} },
  { method: 'POST', path: `/v1/channel_point/reward/enable?${LIVE}&reward_id=${HYDRATE}`, auth: 'user', scope: 'channel:points:rewards', body: {} },
  { method: 'POST', path: `/v1/channel_point/reward/activate?${LIVE}`, auth: 'user', scope: 'channel:points', body: { reward: { id: HYDRATE } } },
  { method: 'GET', path: `/v1/channel_point/reward/demands?${LIVE}&limit=5`, auth: 'user', scope: 'channel:points:rewards:demands' },
  { method: 'POST', path: `/v1/channel_point/reward/demand/reject?${LIVE}`, auth: 'user', scope: 'channel:points:rewards:demands', body: { demands: [{ id: 0 }] } },
  { method: 'POST', path: `/v1/channel_point/reward/demand/accept?${LIVE}`, auth: 'user', scope: 'channel:points:rewards:demands', body: { demands: [{ id: 0 }] } },
  { method: 'GET', path: `/v1/channel_roles?${LIVE}`, auth: 'user', scope: 'channel:roles' },
  { method: 'POST', path: `/v1/channel_roles/user/set?${LIVE}&user_id=1000004`, auth: 'user', scope: 'channel:roles', body: { roles: [{ id: 'c3a0f1d4-0000-4000-8000-000000000001' }] } }
]

describe('§6 path by path: authorization kinds and scopes', () => {
  const call = (row: (typeof SECTION6)[number], auth: { token?: string; basic?: boolean; auth?: string }): Promise<Response> =>
    t.api(row.path, { ...auth, method: row.method, body: row.method === 'POST' ? (row.body ?? {}) : undefined })

  it('no credentials → 401 with the exact §3.1 body, on every path', async () => {
    for (const row of SECTION6) {
      const res = await call(row, {})
      expect(res.status, row.path).toBe(401)
      expect(await res.json(), row.path).toEqual(UNAUTHORIZED)
    }
  })

  it('"user" methods refuse app tokens and Basic (403 forbidden); "user, application" take both; /v1/token takes an app token, not Basic', async () => {
    for (const row of SECTION6) {
      const asApp = await call(row, { token: app })
      const asBasic = await call(row, { basic: true })
      if (row.auth === 'user') {
        expect([asApp.status, asBasic.status], row.path).toEqual([403, 403])
        expect(await asApp.json(), row.path).toEqual(FORBIDDEN)
      } else {
        expect(asApp.status, row.path).toBe(200)
        expect(asBasic.status, row.path).toBe(row.auth === 'bearer' ? 403 : 200)
      }
    }
  })

  it('a user token without the method\'s scope → 403 invalid_scope; with all scopes the owner gets 200 (demand ids aside)', async () => {
    const bare = (await t.codeFlow(t.user('owner', 'live_channel').id, '')).access_token
    const full = (await t.codeFlow(t.user('owner', 'live_channel').id, ALL_SCOPES)).access_token
    for (const row of SECTION6) {
      if (row.scope) {
        // Every other scope, but not this one.
        const others = ALL_SCOPES.split(',').filter((s) => s !== row.scope).join(',')
        const lacking = (await t.codeFlow(t.user('owner', 'live_channel').id, others)).access_token
        await expectError(await call(row, { token: lacking }), 403, 'invalid_scope')
        await expectError(await call(row, { token: bare }), 403, 'invalid_scope')
      } else {
        expect((await call(row, { token: bare })).status, row.path).toBe(200)
      }
      const res = await call(row, { token: full })
      // Demand id 0 does not exist: the call passed auth, scope and availability and reached the handler.
      if (row.path.includes('/demand/')) await expectError(res, 404, 'not_found')
      else expect(res.status, row.path).toBe(200)
    }
  })

  it('channel paths answer 404 channel_not_found and 403 channel_banned', async () => {
    for (const row of SECTION6.filter((r) => r.path.includes(LIVE))) {
      await expectError(await call({ ...row, path: row.path.replace(LIVE, 'channel_url=no_such') }, { token: owner }), 404, 'channel_not_found')
      await expectError(await call({ ...row, path: row.path.replace(LIVE, 'channel_url=banned_channel') }, { token: owner }), 403, 'channel_banned')
    }
  })

  it('GET /v1/catalog/online_channels: live channels only, as {channel, owner, stream} items; category filters; offset paging', async () => {
    const { data } = await ok(await t.api('/v1/catalog/online_channels?limit=200', { basic: true }))
    expect(data.channels.map((c: Json) => c.channel.url)).toEqual(['live_channel'])
    const item = data.channels[0]
    expect(item.channel.status).toBe('online')
    expect(item.owner.id).toBe(t.user('owner', 'live_channel').id)
    expect(item.stream.ended_at).toBe(0)
    const categoryId = item.stream.category.id
    expect((await ok(await t.api(`/v1/catalog/online_channels?limit=5&category_id=${categoryId}`, { basic: true }))).data.channels).toHaveLength(1)
    expect((await ok(await t.api('/v1/catalog/online_channels?limit=5&category_id=no-such', { basic: true }))).data.channels).toEqual([])
    expect((await ok(await t.api(`/v1/catalog/online_channels?limit=5&category_type=${item.stream.category.type === 'game' ? 'irl' : 'game'}`, { basic: true }))).data.channels).toEqual([])
    expect((await ok(await t.api('/v1/catalog/online_channels?limit=5&offset=1', { basic: true }))).data.channels).toEqual([])
    // A channel going live shows up.
    await t.controlJson('/vk/stream', { channel_url: 'quiet_channel', live: true })
    const urls = (await ok(await t.api('/v1/catalog/online_channels?limit=200', { basic: true }))).data.channels.map((c: Json) => c.channel.url)
    expect(urls.sort()).toEqual(['live_channel', 'quiet_channel'])
    await t.controlJson('/vk/stream', { channel_url: 'quiet_channel', live: false })
    await expectError(await t.api('/v1/catalog/online_channels', { basic: true }), 400, 'missing_param')
  })

  it('GET /v1/catalog/online_categories: categories with counters, limit ≤ 200, filtered by category_type', async () => {
    const { data } = await ok(await t.api('/v1/catalog/online_categories?limit=200', { basic: true }))
    expect(data.categories.length).toBeGreaterThan(0)
    for (const c of data.categories) expect(c).toEqual(expect.objectContaining({ id: expect.any(String), title: expect.any(String), type: expect.any(String), counters: { viewers: expect.any(Number) } }))
    const games = (await ok(await t.api('/v1/catalog/online_categories?limit=200&category_type=game', { basic: true }))).data.categories
    expect(games.length).toBeGreaterThan(0)
    expect(games.every((c: Json) => c.type === 'game')).toBe(true)
    await expectError(await t.api('/v1/catalog/online_categories', { basic: true }), 400, 'missing_param')
    await expectError(await t.api('/v1/catalog/online_categories?limit=201', { basic: true }), 400, 'invalid_param')
  })
})
