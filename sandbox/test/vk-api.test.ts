/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- conformance tests walk untyped JSON bodies and frames */
/**
 * VK DevAPI conformance (reference §3, §6, §7, §10.1–10.2): envelopes, error bodies, authorization kinds,
 * scopes, availability, parameters, channels and streams — over real HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FORBIDDEN, UNAUTHORIZED, expectError, startVk, type Vk } from './vk-helpers'

let t: Vk
let ownerToken = ''
let quietOwnerToken = ''
let modToken = ''
let viewerToken = ''
let appToken = ''

beforeAll(async () => {
  t = await startVk()
  ownerToken = (await t.codeFlow(t.user('owner', 'live_channel').id)).access_token
  quietOwnerToken = (await t.codeFlow(t.user('owner', 'quiet_channel').id)).access_token
  modToken = (await t.codeFlow(t.user('moderator').id)).access_token
  viewerToken = (await t.codeFlow(t.user('viewer').id)).access_token
  appToken = await t.appToken()
})
afterAll(async () => {
  await t.sb.stop()
})

type Json = Record<string, any>
const json = async (res: Response): Promise<Json> => (await res.json()) as Json

describe('authorization kinds (§4.1, §10.2.6)', () => {
  const userAndApp = ['/v1/channel?channel_url=live_channel', '/v1/chat/messages?channel_url=live_channel&limit=5', '/v1/chat/members?channel_url=live_channel&limit=5', '/v1/category/search?query=a&type=game&limit=5', '/v1/websocket/token', '/v1/catalog/online_channels?limit=5']

  it('"user, application" methods accept a user token, an app token and Basic', async () => {
    for (const path of userAndApp) {
      for (const auth of [{ token: ownerToken }, { token: appToken }, { basic: true }]) {
        const res = await t.api(path, auth)
        expect(res.status, `${path} ${JSON.stringify(Object.keys(auth))}`).toBe(200)
        expect(Object.keys(await json(res))).toContain('data')
      }
    }
  })

  it('"user" methods refuse app tokens and Basic with 403 forbidden', async () => {
    for (const path of ['/v1/current_user', '/v1/channel/credentials?channel_url=live_channel', '/v1/chat/settings?channel_url=live_channel', '/v1/websocket/subscription_token?channels=x']) {
      for (const auth of [{ token: appToken }, { basic: true }]) {
        const res = await t.api(path, auth)
        expect(res.status, path).toBe(403)
        expect(await res.json()).toEqual(FORBIDDEN)
      }
    }
  })

  it('GET /v1/token refuses Basic', async () => {
    await expectError(await t.api('/v1/token', { basic: true }), 403, 'forbidden')
  })

  it('missing, garbled and unknown credentials get the exact 401 body', async () => {
    for (const auth of [{}, { auth: 'Bearer' }, { auth: 'Bearer nope' }, { auth: 'Token abc' }, { auth: 'Basic ' + Buffer.from('livedeck-sandbox:wrong').toString('base64') }]) {
      const res = await t.api('/v1/channel?channel_url=live_channel', auth)
      expect(res.status).toBe(401)
      expect(await res.json()).toEqual(UNAUTHORIZED)
    }
  })
})

describe('scopes and availability (§5, §10.2.7–8)', () => {
  it('a token without the method scope gets 403 invalid_scope', async () => {
    const bare = (await t.codeFlow(t.user('owner', 'live_channel').id, '')).access_token
    for (const [path, body] of [
      ['/v1/channel/credentials?channel_url=live_channel', undefined],
      ['/v1/channel/stream/edit?channel_url=live_channel', { stream: { title: 'x', category: { id: 'y' } } }],
      ['/v1/chat/settings?channel_url=live_channel', undefined],
      ['/v1/chat/message/send?channel_url=live_channel&stream_id=s', { parts: [{ text: { content: 'x' } }] }],
      ['/v1/channel_point?channel_url=live_channel', undefined],
      ['/v1/channel_roles?channel_url=live_channel', undefined]
    ] as const) {
      await expectError(await t.api(path, { token: bare, body }), 403, 'invalid_scope')
    }
    // Scope-free methods still work.
    expect((await t.api('/v1/current_user', { token: bare })).status).toBe(200)
  })

  it('owner-only methods refuse other users with 403 forbidden', async () => {
    for (const token of [modToken, viewerToken, quietOwnerToken]) {
      const res = await t.api('/v1/channel/credentials?channel_url=live_channel', { token })
      expect(res.status).toBe(403)
      expect(await res.json()).toEqual(FORBIDDEN)
      await expectError(await t.api('/v1/channel/stream/edit?channel_url=live_channel', { token, body: { stream: { title: 't', category: { id: '5f1c0a52-0000-4000-8000-000000000001' } } } }), 403, 'forbidden')
    }
  })

  it('chat settings are for the owner and moderators only', async () => {
    expect((await t.api('/v1/chat/settings?channel_url=live_channel', { token: ownerToken })).status).toBe(200)
    expect((await t.api('/v1/chat/settings?channel_url=live_channel', { token: modToken })).status).toBe(200)
    await expectError(await t.api('/v1/chat/settings?channel_url=live_channel', { token: viewerToken }), 403, 'forbidden')
    await expectError(await t.api('/v1/chat/settings?channel_url=live_channel', { token: quietOwnerToken }), 403, 'forbidden')
  })
})

describe('parameters and unknown things (§3, §10.1)', () => {
  it('missing required parameters → 400 missing_param', async () => {
    for (const path of ['/v1/channel', '/v1/chat/messages?channel_url=live_channel', '/v1/chat/messages?limit=5', '/v1/chat/member?channel_url=live_channel', '/v1/category', '/v1/category/search?query=a&limit=5', '/v1/stream', '/v1/stream_records?channel_url=live_channel', '/v1/channel?channel_url=']) {
      await expectError(await t.api(path, { token: ownerToken }), 400, 'missing_param')
    }
  })

  it('badly typed parameters → 400 invalid_param; limit above 200 too', async () => {
    for (const path of ['/v1/chat/messages?channel_url=live_channel&limit=abc', '/v1/chat/member?channel_url=live_channel&user_id=x', '/v1/chat/members?channel_url=live_channel&limit=201', '/v1/chat/messages?channel_url=live_channel&limit=201', '/v1/catalog/online_channels?limit=500', '/v1/channel?channel_url=live_channel&with_source_urls=maybe']) {
      await expectError(await t.api(path, { token: ownerToken }), 400, 'invalid_param')
    }
    expect((await t.api('/v1/chat/messages?channel_url=live_channel&limit=200', { token: ownerToken })).status).toBe(200)
  })

  it('malformed JSON bodies → 400 invalid_param', async () => {
    const res = await fetch(`${t.vk.apiBase}/v1/channels`, { method: 'POST', headers: { authorization: `Bearer ${ownerToken}`, 'content-type': 'application/json' }, body: '{"channels":' })
    await expectError(res, 400, 'invalid_param')
  })

  it('unknown paths → 404 unknown_api_method; video → 404 not_found', async () => {
    await expectError(await t.api('/v1/nothing/here', { token: ownerToken }), 404, 'unknown_api_method')
    await expectError(await t.api('/v2/channel', { token: ownerToken }), 404, 'unknown_api_method')
    await expectError(await t.api('/v1/video?video_id=1', { token: ownerToken }), 404, 'not_found')
  })

  it('unknown channels → 404 channel_not_found; banned → 403 channel_banned', async () => {
    for (const path of ['/v1/channel?channel_url=no_such', '/v1/chat/messages?channel_url=no_such&limit=1', '/v1/chat/members?channel_url=no_such&limit=1']) {
      await expectError(await t.api(path, { token: ownerToken }), 404, 'channel_not_found')
    }
    for (const path of ['/v1/channel?channel_url=banned_channel', '/v1/chat/messages?channel_url=banned_channel&limit=1']) {
      await expectError(await t.api(path, { token: ownerToken }), 403, 'channel_banned')
    }
  })
})

describe('channels and streams (§6.1, §6.8, §7)', () => {
  it('the live channel: status online, a stream with an id and ended_at 0, viewers > 0, web_socket_channels', async () => {
    const { data } = await json(await t.api('/v1/channel?channel_url=live_channel', { token: appToken }))
    expect(Object.keys(data).sort()).toEqual(['channel', 'owner', 'stream', 'streams'])
    expect(data.channel.status).toBe('online')
    expect(data.channel.url).toBe('live_channel')
    expect(typeof data.channel.id).toBe('number')
    expect(Object.keys(data.channel.web_socket_channels).sort()).toEqual(['channel_points', 'chat', 'info', 'limited_chat', 'limited_private_chat', 'private_channel_points', 'private_chat', 'private_info'])
    expect(data.channel.web_socket_channels.chat).toBe(`api-channel-chat:${data.channel.id}`)
    expect(data.stream.id).toMatch(/.+/)
    expect(data.stream.ended_at).toBe(0)
    expect(data.stream.counters.viewers).toBeGreaterThan(0)
    expect(data.stream.category).toEqual(expect.objectContaining({ id: expect.any(String), title: expect.any(String), type: expect.any(String) }))
    expect(data.owner).toEqual(expect.objectContaining({ id: expect.any(Number), nick: expect.any(String), is_verified_streamer: expect.any(Boolean) }))
    expect(data.stream.source_urls).toEqual([])
    const withSources = await json(await t.api('/v1/channel?channel_url=live_channel&with_source_urls=true', { token: appToken }))
    expect(withSources.data.stream.source_urls.length).toBeGreaterThan(0)
  })

  it('a user sees private channel names with their own id', async () => {
    const me = await json(await t.api('/v1/current_user', { token: viewerToken }))
    const { data } = await json(await t.api('/v1/channel?channel_url=live_channel', { token: viewerToken }))
    expect(data.channel.web_socket_channels.private_chat).toBe(`api-channel-chat:${data.channel.id}#${me.data.user.id}`)
  })

  it('the offline channel: status offline and no live stream', async () => {
    const { data } = await json(await t.api('/v1/channel?channel_url=quiet_channel', { token: appToken }))
    expect(data.channel.status).toBe('offline')
    expect(data.stream === undefined || data.stream.ended_at > 0).toBe(true)
  })

  it('POST /v1/channels returns items for known channels; items lack slot/source_urls/status', async () => {
    const { data } = await json(await t.api('/v1/channels', { token: appToken, body: { channels: [{ url: 'live_channel' }, { url: 'quiet_channel' }, { url: 'no_such' }] } }))
    expect(data.channels.map((c: Json) => c.channel.url)).toEqual(['live_channel', 'quiet_channel'])
    expect(data.channels[0].stream.slot).toBeUndefined()
    expect(data.channels[0].streams[0].status).toBe('started')
    await expectError(await t.api('/v1/channels', { token: appToken, body: { nope: 1 } }), 400, 'missing_param')
  })

  it('current_user: nick, channel for a streamer, no channel for a viewer', async () => {
    const owner = await json(await t.api('/v1/current_user', { token: ownerToken }))
    expect(owner.data.channel).toEqual({ url: 'live_channel' })
    expect(owner.data.user.is_streamer).toBe(true)
    const viewer = await json(await t.api('/v1/current_user', { token: viewerToken }))
    expect(viewer.data.channel).toBeUndefined()
    expect(viewer.data.user.nick).toBe(t.user('viewer').nick)
  })

  it('credentials: an RTMP url and a stream key', async () => {
    const { data } = await json(await t.api('/v1/channel/credentials?channel_url=live_channel', { token: ownerToken }))
    expect(data.url).toMatch(/^rtmp:\/\/127\.0\.0\.1:\d+\//)
    expect(data.token).toMatch(/.{16,}/)
  })

  it('stream/edit needs title and category, answers {}, and shows in /v1/channel', async () => {
    const cat = (await json(await t.api('/v1/category/search?query=dota&type=game&limit=5', { token: ownerToken }))).data.categories[0]
    expect(cat.title).toBe('Dota 2')
    expect(cat.counters.viewers).toBeGreaterThan(0)
    const edit = (body: unknown): Promise<Response> => t.api('/v1/channel/stream/edit?channel_url=live_channel', { token: ownerToken, body })
    await expectError(await edit({ stream: { title: 'only title' } }), 400, 'missing_param')
    await expectError(await edit({ stream: { title: 'x', category: { id: 'no-such-category' } } }), 400, 'invalid_param')
    const ok = await edit({ stream: { title: 'New title', category: { id: cat.id, title: cat.title, type: cat.type, cover_url: cat.cover_url } } })
    expect(ok.status).toBe(200)
    expect(await ok.json()).toEqual({})
    const { data } = await json(await t.api('/v1/channel?channel_url=live_channel', { token: ownerToken }))
    expect(data.stream.title).toBe('New title')
    expect(data.stream.category.id).toBe(cat.id)
    const byId = await json(await t.api(`/v1/category?category_id=${cat.id}`, { token: ownerToken }))
    expect(byId.data.category.title).toBe('Dota 2')
    await expectError(await t.api('/v1/category?category_id=none', { token: ownerToken }), 404, 'not_found')
  })

  it('GET /v1/stream by id; unknown id → 404 not_found', async () => {
    const live = await json(await t.api('/v1/channel?channel_url=live_channel', { token: appToken }))
    const { data } = await json(await t.api(`/v1/stream?stream_id=${live.data.stream.id}`, { basic: true }))
    expect(data.stream.id).toBe(live.data.stream.id)
    expect(data.channel.web_socket_channels.chat).toMatch(/^api-channel-chat:/)
    await expectError(await t.api('/v1/stream?stream_id=none', { basic: true }), 404, 'not_found')
  })

  it('stream records page with extra {is_last, offset}', async () => {
    const res = await json(await t.api('/v1/stream_records?channel_url=live_channel&limit=1', { token: appToken }))
    expect(res.data.stream_records).toHaveLength(1)
    expect(res.extra).toEqual({ is_last: true, offset: 1 })
    const one = await json(await t.api(`/v1/stream_record?record_id=${res.data.stream_records[0].id}`, { token: appToken }))
    expect(one.data.stream_record.reactions).toBeDefined()
  })

  it('control /vk/stream starts and ends a stream without an encoder', async () => {
    const started = await t.controlJson<{ live: boolean; stream_id: string }>('/vk/stream', { channel_url: 'quiet_channel', live: true })
    expect(started.live).toBe(true)
    let { data } = await json(await t.api('/v1/channel?channel_url=quiet_channel', { token: appToken }))
    expect(data.channel.status).toBe('online')
    expect(data.stream.id).toBe(started.stream_id)
    expect(data.stream.ended_at).toBe(0)
    await t.controlJson('/vk/stream', { channel_url: 'quiet_channel', live: false })
    ;({ data } = await json(await t.api('/v1/channel?channel_url=quiet_channel', { token: appToken })))
    expect(data.channel.status).toBe('offline')
    expect(data.stream.ended_at).toBeGreaterThan(0)
  })
})

describe('images', () => {
  it('every image URL points at the sandbox and serves a PNG', async () => {
    const me = await json(await t.api('/v1/current_user', { token: ownerToken }))
    const { data } = await json(await t.api('/v1/channel?channel_url=live_channel', { token: ownerToken }))
    for (const url of [me.data.user.avatar_url, data.channel.cover_url, data.stream.preview_url, data.stream.category.cover_url]) {
      expect(url.startsWith(`${t.vk.apiBase}/`), url).toBe(true)
      const res = await fetch(url)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('image/png')
      expect([...new Uint8Array(await res.arrayBuffer()).slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47])
    }
  })
})

describe('faults on the VK platform', () => {
  it('an injected status uses the §3.2 body for that status', async () => {
    await t.control('/faults', { platform: 'vk', path: '/v1/channel', status: 503, count: 1 })
    await expectError(await t.api('/v1/channel?channel_url=live_channel', { token: appToken }), 503, 'service_unavailable')
    await t.control('/faults', { platform: 'vk', path: '/v1/*', status: 429 })
    await expectError(await t.api('/v1/current_user', { token: ownerToken }), 429, 'ratelimit_exceeded')
    expect((await t.api('/v1/current_user', { token: ownerToken })).status).toBe(200)
  })
})

describe('faults on the VK platform: forced results', () => {
  it('a result without a status is answered as a 200 body, count times, then the real answer is back', async () => {
    const forced = { data: { channel: { url: 'forced', status: 'online' } } }
    const res = await t.control('/faults', { platform: 'vk', method: 'GET', path: '/v1/channel', result: forced, count: 2 })
    expect(res.status).toBe(200)
    for (let i = 0; i < 2; i++) {
      const answer = await t.api('/v1/channel?channel_url=live_channel', { token: appToken })
      expect(answer.status).toBe(200)
      expect(await answer.json()).toEqual(forced)
    }
    expect(((await json(await t.api('/v1/channel?channel_url=live_channel', { token: appToken }))).data.channel.url)).toBe('live_channel')
  })
})

describe('reset', () => {
  it('restores fixtures and forgets tokens', async () => {
    await t.controlJson('/vk/stream', { channel_url: 'live_channel', live: false })
    expect((await t.control('/reset', {})).status).toBe(200)
    const { data } = await json(await t.api('/v1/channel?channel_url=live_channel', { basic: true }))
    expect(data.stream.ended_at).toBe(0)
    expect(data.stream.title).not.toBe('New title')
    expect((await t.api('/v1/current_user', { token: ownerToken })).status).toBe(401)
  })
})
