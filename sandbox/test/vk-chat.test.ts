/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- conformance tests walk untyped JSON bodies and frames */
/**
 * VK chat conformance (reference §6.3, §7.5–7.9, §8.5, §10.3) and the pubsub wiring: sending with every
 * documented error, chat-settings enforcement, request → response part conversion, and the
 * `channel_chat_message_send` publication a subscriber receives — over real HTTP and a real websocket.
 */
import { Centrifuge } from 'centrifuge'
import WebSocket from 'ws'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { expectError, startVk, type Vk } from './vk-helpers'
import { openRaw, type RawClient } from './ws-client'

type Json = Record<string, any>
let t: Vk
let tokens: Record<'owner' | 'mod' | 'sub' | 'viewer' | 'quiet', string>
let liveStreamId = ''
let chatChannel = ''
let sub: RawClient

const SMILE = 'a1b2c3d4-0000-4000-8000-000000000001'

const send = (token: string, parts: unknown, streamId = liveStreamId, channel = 'live_channel'): Promise<Response> =>
  t.api(`/v1/chat/message/send?channel_url=${channel}${streamId ? `&stream_id=${streamId}` : ''}`, { token, body: { parts } })
const text = (content: string): unknown[] => [{ text: { content } }]
const editSettings = async (patch: Json): Promise<void> => {
  const current = ((await (await t.api('/v1/chat/settings?channel_url=live_channel', { token: tokens.owner })).json()) as Json).data.chat_settings
  const res = await t.api('/v1/chat/settings/edit?channel_url=live_channel', { token: tokens.owner, body: { chat_settings: { ...current, ...patch } } })
  expect(res.status).toBe(200)
  expect(await res.json()).toEqual({})
}
const defaults = { allow_access: 'any', allow_access_after: 0, any_message_timeout: 0, same_message_timeout: 30, mode: { general: {} } }

async function connect(token: string): Promise<RawClient> {
  const client = await openRaw(t.vk.pubsubUrl)
  const reply = await client.call({ connect: { token } })
  expect(reply.error).toBeUndefined()
  return client
}

beforeAll(async () => {
  // Long lifetimes: tests move the clock to get past chat timeouts.
  t = await startVk({ vk: { maxMessageLength: 100 }, tokenTtlS: 10 * 365 * 86_400, wsTokenTtlS: 10 * 365 * 86_400, pingIntervalS: 3600, pongTimeoutS: 3600 })
  tokens = {
    owner: (await t.codeFlow(t.user('owner', 'live_channel').id)).access_token,
    mod: (await t.codeFlow(t.user('moderator').id)).access_token,
    sub: (await t.codeFlow(t.user('subscriber').id)).access_token,
    viewer: (await t.codeFlow(t.user('viewer').id)).access_token,
    quiet: (await t.codeFlow(t.user('owner', 'quiet_channel').id)).access_token
  }
  const ch = ((await (await t.api('/v1/channel?channel_url=live_channel', { token: tokens.viewer })).json()) as Json).data
  liveStreamId = ch.stream.id
  chatChannel = ch.channel.web_socket_channels.chat
  const wsToken = ((await (await t.api('/v1/websocket/token', { token: tokens.viewer })).json()) as Json).data.token
  sub = await connect(wsToken)
  expect((await sub.call({ subscribe: { channel: chatChannel } })).error).toBeUndefined()
})
afterAll(async () => {
  sub.close()
  await t.sb.stop()
})
beforeEach(async () => {
  await editSettings(defaults)
  await t.control('/clock/advance', { seconds: 3600 })
})

describe('POST /v1/chat/message/send', () => {
  it('accepts a message, answers {}, stores it and publishes it with the documented shape', async () => {
    const res = await send(tokens.sub, [
      { mention: { id: t.user('owner', 'live_channel').id } },
      { text: { content: ' hi see https://example.com/x now' } },
      { smile: { id: SMILE } },
      { link: { url: 'https://vk.com' } }
    ])
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({})
    const push = await sub.waitFor((f) => f.push?.pub?.data?.data?.chat_message?.parts?.[1]?.text?.content === ' hi see ')
    expect(push.push.channel).toBe(chatChannel)
    expect(push.push.pub.data.type).toBe('channel_chat_message_send')
    const m = push.push.pub.data.data.chat_message
    expect(Object.keys(m).sort()).toEqual(['author', 'created_at', 'id', 'is_private', 'parts'])
    expect(m.is_private).toBe(false)
    expect(Number.isInteger(m.id)).toBe(true)
    expect(Math.abs(m.created_at - Date.now() / 1000)).toBeLessThan(3600 * 24 * 2)
    expect(Object.keys(m.author).sort()).toEqual(['avatar_url', 'badges', 'id', 'is_moderator', 'is_owner', 'nick', 'nick_color', 'roles'])
    expect(m.author.badges.map((b: Json) => b.achievement_name)).toContain('subscription_01')
    expect(Object.keys(m.author.badges[0]).sort()).toEqual(['achievement_name', 'id', 'large_url', 'medium_url', 'name', 'small_url'])
    expect(Object.keys(m.author.roles[0]).sort()).toEqual(['id', 'large_url', 'medium_url', 'name', 'small_url'])
    // §10.3.17 conversions; a URL typed in text comes back as a link part.
    expect(m.parts).toEqual([
      { mention: { id: t.user('owner', 'live_channel').id, nick: t.user('owner', 'live_channel').nick } },
      { text: { content: ' hi see ' } },
      { link: { content: 'https://example.com/x', url: 'https://example.com/x' } },
      { text: { content: ' now' } },
      { smile: expect.objectContaining({ id: SMILE, name: 'wave', animated: false, small_url: expect.stringMatching(`^${t.vk.apiBase}/`), medium_url: expect.any(String), large_url: expect.any(String) }) },
      { link: { content: 'https://vk.com', url: 'https://vk.com' } }
    ])
    const history = ((await (await t.api('/v1/chat/messages?channel_url=live_channel&limit=200', { token: tokens.viewer })).json()) as Json).data.chat_messages
    expect(history.at(-1)).toEqual(m)
  })

  it('needs stream_id (400 missing_param) and the live stream of that channel', async () => {
    await expectError(await send(tokens.owner, text('x'), ''), 400, 'missing_param')
    await expectError(await send(tokens.owner, text('x'), 'not-the-stream'), 404, 'not_found')
    await expectError(await send(tokens.quiet, text('x'), liveStreamId, 'quiet_channel'), 404, 'not_found')
  })

  it('validates the body: non-empty parts, exactly one kind per part, known mentions and smiles', async () => {
    await expectError(await send(tokens.owner, []), 400, 'invalid_param')
    await expectError(await t.api(`/v1/chat/message/send?channel_url=live_channel&stream_id=${liveStreamId}`, { token: tokens.owner, body: {} }), 400, 'missing_param')
    await expectError(await send(tokens.owner, [{ text: { content: 'a' }, link: { url: 'b' } }]), 400, 'invalid_param')
    await expectError(await send(tokens.owner, [{ mention: { id: 99 } }]), 400, 'invalid_param')
    await expectError(await send(tokens.owner, [{ smile: { id: 'nope' } }]), 400, 'invalid_param')
  })

  it('message_too_long with the documented body', async () => {
    const res = await send(tokens.viewer, text('x'.repeat(101)))
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({ error: 'message_too_long', error_description: 'Text too long' })
    expect((await send(tokens.viewer, text('y'.repeat(100)))).status).toBe(200)
  })

  it('same_message within same_message_timeout', async () => {
    expect((await send(tokens.viewer, text('repeat me'))).status).toBe(200)
    const res = await send(tokens.viewer, text('repeat me'))
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({ error: 'same_message', error_description: 'Message is the same' })
    await t.control('/clock/advance', { seconds: 31 })
    expect((await send(tokens.viewer, text('repeat me'))).status).toBe(200)
  })

  it('send_too_fast within any_message_timeout; owner and moderators are exempt', async () => {
    await editSettings({ any_message_timeout: 10 })
    expect((await send(tokens.viewer, text('one'))).status).toBe(200)
    const res = await send(tokens.viewer, text('two'))
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({ error: 'send_too_fast', error_description: 'Sending messages too fast' })
    for (const token of [tokens.owner, tokens.mod]) {
      expect((await send(token, text('a'))).status).toBe(200)
      expect((await send(token, text('a'))).status).toBe(200)
    }
    await t.control('/clock/advance', { seconds: 10 })
    expect((await send(tokens.viewer, text('three'))).status).toBe(200)
  })

  it('allow_access: subscribers and paid_subscribers (403 for the rest)', async () => {
    await editSettings({ allow_access: 'paid_subscribers' })
    await expectError(await send(tokens.viewer, text('let me in')), 403, 'forbidden')
    expect((await send(tokens.sub, text('paid'))).status).toBe(200)
    await editSettings({ allow_access: 'subscribers', allow_access_after: 600 })
    await expectError(await send(tokens.viewer, text('still no')), 403, 'forbidden')
    // A fresh follow must wait allow_access_after seconds.
    await t.controlJson('/vk/event', { channel_url: 'live_channel', type: 'follow', data: { user: t.user('viewer').id } })
    await expectError(await send(tokens.viewer, text('too early')), 403, 'forbidden')
    await t.control('/clock/advance', { seconds: 601 })
    expect((await send(tokens.viewer, text('now ok'))).status).toBe(200)
  })

  it('modes: caps lowered, links prohibited, ru/en/numbers only, only smiles', async () => {
    await editSettings({ mode: { general: { is_caps_prohibited: true, is_links_prohibited: true, is_ru_en_numbers: false } } })
    expect((await send(tokens.viewer, text('LOUD Text'))).status).toBe(200)
    await sub.waitFor((f) => f.push?.pub?.data?.data?.chat_message?.parts?.[0]?.text?.content === 'loud text')
    await expectError(await send(tokens.viewer, [{ link: { url: 'https://x.y' } }]), 403, 'forbidden')
    await editSettings({ mode: { general: { is_ru_en_numbers: true } } })
    await expectError(await send(tokens.viewer, text('你好')), 403, 'forbidden')
    expect((await send(tokens.viewer, text('Привет, hello 123'))).status).toBe(200)
    await editSettings({ mode: { only_smiles: {} } })
    await expectError(await send(tokens.viewer, text('words')), 403, 'forbidden')
    expect((await send(tokens.viewer, [{ smile: { id: SMILE } }])).status).toBe(200)
    expect((await send(tokens.owner, text('owner may write'))).status).toBe(200)
  })
})

describe('chat settings, members, member', () => {
  it('settings round-trip every documented field; edit needs all required fields', async () => {
    const full = { allow_access: 'subscribers', allow_access_after: 60, any_message_timeout: 5, same_message_timeout: 20, follow_alert: false, subscription_alert: true, mode: { general: { is_caps_prohibited: true, is_links_prohibited: false, is_ru_en_numbers: false } } }
    const res = await t.api('/v1/chat/settings/edit?channel_url=live_channel', { token: tokens.mod, body: { chat_settings: full } })
    expect(res.status).toBe(200)
    const got = ((await (await t.api('/v1/chat/settings?channel_url=live_channel', { token: tokens.owner })).json()) as Json).data.chat_settings
    expect(got).toEqual(full)
    const { follow_alert: _f, ...partial } = full
    await expectError(await t.api('/v1/chat/settings/edit?channel_url=live_channel', { token: tokens.owner, body: { chat_settings: partial } }), 400, 'missing_param')
    await expectError(await t.api('/v1/chat/settings/edit?channel_url=live_channel', { token: tokens.owner, body: { settings: full } }), 400, 'missing_param')
    await expectError(await t.api('/v1/chat/settings/edit?channel_url=live_channel', { token: tokens.viewer, body: { chat_settings: full } }), 403, 'forbidden')
    // Without channel_url (documented as optional) the caller's own channel is edited.
    expect((await t.api('/v1/chat/settings/edit', { token: tokens.owner, body: { chat_settings: { ...full, any_message_timeout: 7 } } })).status).toBe(200)
    const own = ((await (await t.api('/v1/chat/settings?channel_url=live_channel', { token: tokens.owner })).json()) as Json).data.chat_settings
    expect(own.any_message_timeout).toBe(7)
  })

  it('members: users with the required fields, at most limit', async () => {
    const { data } = (await (await t.api('/v1/chat/members?channel_url=live_channel&limit=3', { basic: true })).json()) as Json
    expect(data.users.length).toBeLessThanOrEqual(3)
    expect(data.users[0]).toEqual(expect.objectContaining({ id: t.user('owner', 'live_channel').id, is_owner: true, is_moderator: false, nick: expect.any(String), nick_color: expect.any(Number) }))
  })

  it('member: user, statistics and channel', async () => {
    const { data } = (await (await t.api(`/v1/chat/member?channel_url=live_channel&user_id=${t.user('moderator').id}`, { basic: true })).json()) as Json
    expect(data.user.is_moderator).toBe(true)
    expect(Object.keys(data.statistics).sort()).toEqual(['chat_messages_count', 'permanent_bans_count', 'temporary_bans_count', 'total_watched_time'])
    expect(typeof data.user.registered_at).toBe('number')
    expect(data.channel.url).toBe('live_channel')
    await expectError(await t.api('/v1/chat/member?channel_url=live_channel&user_id=42', { basic: true }), 404, 'not_found')
  })
})

describe('injected chat and events (control API)', () => {
  it('POST /vk/chat publishes a viewer message, with any nick', async () => {
    const nick = '<img src=x onerror=alert(1)>'
    const { id } = await t.controlJson<{ id: number }>('/vk/chat', { channel_url: 'live_channel', user: { nick }, parts: [{ text: { content: '<b>hi</b>' } }] })
    const push = await sub.waitFor((f) => f.push?.pub?.data?.data?.chat_message?.id === id)
    expect(push.push.pub.data.data.chat_message.author.nick).toBe(nick)
    expect(push.push.pub.data.data.chat_message.parts).toEqual([{ text: { content: '<b>hi</b>' } }])
    expect((await t.control('/vk/chat', { channel_url: 'no_such', user: 1000005, parts: [] })).status).toBe(400)
  })

  it('delete and bot messages go to the chat channel', async () => {
    const { id } = await t.controlJson<{ id: number }>('/vk/chat', { channel_url: 'live_channel', user: t.user('viewer').id, parts: [{ text: { content: 'to be deleted' } }] })
    await t.controlJson('/vk/event', { channel_url: 'live_channel', type: 'delete', data: { message_id: id } })
    const del = await sub.waitFor((f) => f.push?.pub?.data?.type === 'channel_chat_message_delete' && f.push.pub.data.data.chat_message.id === id)
    expect(del.push.channel).toBe(chatChannel)
    const history = ((await (await t.api('/v1/chat/messages?channel_url=live_channel&limit=200', { basic: true })).json()) as Json).data.chat_messages
    expect(history.some((m: Json) => m.id === id)).toBe(false)
    await t.controlJson('/vk/event', { channel_url: 'live_channel', type: 'bot', data: { user: t.user('viewer').id } })
    const bot = await sub.waitFor((f) => f.push?.pub?.data?.data?.chat_message?.author?.badges?.some((b: Json) => b.achievement_name === 'internal_chatbot'))
    const parts = bot.push.pub.data.data.chat_message.parts
    expect(parts[0].mention.id).toBe(t.user('viewer').id)
    expect(parts[1].text.content).toContain('получает награду')
  })

  it('follows, raids and subscriptions are published on the info channel', async () => {
    const info = ((await (await t.api('/v1/channel?channel_url=live_channel', { basic: true })).json()) as Json).data.channel.web_socket_channels.info
    expect((await sub.call({ subscribe: { channel: info } })).error).toBeUndefined()
    for (const type of ['follow', 'raid', 'subscription']) expect((await t.control('/vk/event', { channel_url: 'live_channel', type, data: { user: t.user('viewer').id } })).status).toBe(200)
    const follow = await sub.waitFor((f) => f.push?.pub?.data?.type === 'channel_follow_create')
    expect(follow.push.channel).toBe(info)
    expect(follow.push.pub.data.data.follow.follower).toEqual(expect.objectContaining({ id: t.user('viewer').id, nick: t.user('viewer').nick, nick_color: expect.any(Number) }))
    const raid = await sub.waitFor((f) => f.push?.pub?.data?.type === 'channel_raid_income')
    expect(raid.push.pub.data.data.raid).toEqual(expect.objectContaining({ raiders_count: expect.any(Number), source: { owner: expect.objectContaining({ id: expect.any(Number), nick: expect.any(String) }) } }))
    const subscription = await sub.waitFor((f) => f.push?.pub?.data?.type === 'channel_subscription_create')
    expect(subscription.push.pub.data.data.subscription.level).toEqual(expect.objectContaining({ id: expect.any(String), name: expect.any(String), price: expect.any(Number) }))
    expect((await t.control('/vk/event', { channel_url: 'live_channel', type: 'nonsense' })).status).toBe(400)
  })

  it('the firehose publishes rate × duration messages; /vk/chat/published lists their times', async () => {
    const since = Date.now()
    const { count } = await t.controlJson<{ count: number }>('/vk/chat/firehose', { channel_url: 'live_channel', rate: 100, durationS: 0.5 })
    expect(count).toBe(50)
    // The 50th firehose line carries "#50": once the subscriber has it, every publish happened.
    await sub.waitFor((f) => (f.push?.pub?.data?.data?.chat_message?.parts ?? []).some((p: Json) => p.text?.content?.endsWith(' #50')), 10_000)
    const published = (await t.controlJson<Array<{ at: number; id: number; type: string }>>(`/vk/chat/published?since=${since}`)).filter((p) => p.type === 'channel_chat_message_send')
    expect(published).toHaveLength(50)
    for (const p of published) expect(p.at).toBeGreaterThanOrEqual(since)
    // Paced, not dumped at once: the last one comes ≥ 0.4 s after the first.
    expect(published.at(-1)!.at - published[0]!.at).toBeGreaterThanOrEqual(400)
    expect(await t.controlJson<unknown[]>(`/vk/chat/published?since=${Date.now() + 60_000}`)).toEqual([])
  })
})

describe('pubsub wiring', () => {
  it('limited and private channels need a subscription token for that user (103 without)', async () => {
    const viewerId = t.user('viewer').id
    const chans = ((await (await t.api('/v1/channel?channel_url=live_channel', { token: tokens.viewer })).json()) as Json).data.channel.web_socket_channels
    const wsToken = ((await (await t.api('/v1/websocket/token', { token: tokens.viewer })).json()) as Json).data.token
    const client = await connect(wsToken)
    expect((await client.call({ subscribe: { channel: chans.limited_chat } })).error.code).toBe(103)
    const other = `${chans.chat.split('#')[0]}#${t.user('owner', 'live_channel').id}`
    const q = encodeURIComponent([chans.limited_chat, chans.private_chat, other, chans.chat].join(','))
    const { data } = (await (await t.api(`/v1/websocket/subscription_token?channels=${q}`, { token: tokens.viewer })).json()) as Json
    const got = new Map<string, string>(data.channel_tokens.map((c: Json) => [c.channel, c.token]))
    // Someone else's private channel (and a public one) get no token: silently left out.
    expect([...got.keys()].sort()).toEqual([chans.limited_chat, chans.private_chat].sort())
    expect(chans.private_chat).toBe(`${chans.chat}#${viewerId}`)
    expect((await client.call({ subscribe: { channel: chans.limited_chat, token: got.get(chans.limited_chat) } })).error).toBeUndefined()
    expect((await client.call({ subscribe: { channel: chans.private_chat, token: got.get(chans.private_chat) } })).error).toBeUndefined()
    // A token for one channel does not open another.
    expect((await client.call({ subscribe: { channel: chans.limited_private_chat, token: got.get(chans.limited_chat) } })).error.code).toBe(103)
    // Unknown channel → 102.
    expect((await client.call({ subscribe: { channel: 'api-channel-chat:999' } })).error.code).toBe(102)
    // A private message reaches the private channel.
    const { id } = await t.controlJson<{ id: number }>('/vk/chat', { channel_url: 'live_channel', user: t.user('moderator').id, parts: [{ text: { content: 'psst' } }], private_to: viewerId })
    const push = await client.waitFor((f) => f.push?.pub?.data?.data?.chat_message?.id === id)
    expect(push.push.channel).toBe(chans.private_chat)
    expect(push.push.pub.data.data.chat_message.is_private).toBe(true)
    client.close()
  })

  it('a garbage or stale connection token is refused', async () => {
    const client = await openRaw(t.vk.pubsubUrl)
    client.send({ id: 1, connect: { token: 'not-a-jwt' } })
    const outcome = await Promise.race([client.waitFor((f) => f.id === 1).then((f) => `error ${f.error?.code}`), client.closed.then((c) => `close ${c.code}`)])
    expect(outcome === 'error 101' || outcome === 'close 3500').toBe(true)
    client.close()
  })

  it('the official centrifuge client receives a message sent through the API', async () => {
    const wsToken = ((await (await t.api('/v1/websocket/token', { token: tokens.owner })).json()) as Json).data.token
    const centrifuge = new Centrifuge(t.vk.pubsubUrl, { websocket: WebSocket, token: wsToken })
    const received = new Promise<Json>((resolve) => {
      const subscription = centrifuge.newSubscription(chatChannel)
      subscription.on('publication', (ctx) => resolve(ctx.data as Json))
      subscription.on('subscribed', () => void send(tokens.owner, text('via centrifuge')))
      subscription.subscribe()
    })
    centrifuge.connect()
    const data = await received
    expect(data.type).toBe('channel_chat_message_send')
    expect(data.data.chat_message.parts).toEqual([{ text: { content: 'via centrifuge' } }])
    centrifuge.disconnect()
  })

  it('wsClose fault closes live connections with the given code', async () => {
    const wsToken = ((await (await t.api('/v1/websocket/token', { token: tokens.viewer })).json()) as Json).data.token
    const client = await connect(wsToken)
    const res = await t.control('/faults', { platform: 'vk', path: '/connection/websocket', wsClose: { code: 3001, reason: 'shutdown' } })
    expect(res.status).toBe(200)
    expect((await client.closed).code).toBe(3001)
    sub = await connect(((await (await t.api('/v1/websocket/token', { token: tokens.viewer })).json()) as Json).data.token)
    expect((await sub.call({ subscribe: { channel: chatChannel } })).error).toBeUndefined()
  })
})
