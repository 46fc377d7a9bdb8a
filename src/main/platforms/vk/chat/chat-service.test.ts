/**
 * VK chat against the sandbox (real HTTP + the real pubsub websocket through the official centrifuge
 * client): backlog, live pushes in 16 ms batches, send + echo, reconnect after 3001 without duplicates,
 * no reconnect after 3500, polling fallback, deletes and system lines, settings enforcement mapped.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { VkChatLine, VkChatMessageView } from '../../../../shared/ipc/domain'
import { isAppError } from '../../../errors'
import { LIVE, startHarness, USERS, waitFor, type Harness } from '../test-support/sandbox-harness'
import { vkServicesFor, type ChatRecord } from '../test-support/services'

let h: Harness | undefined
let stopChat: (() => void) | undefined
afterEach(async () => {
  stopChat?.()
  await h?.stop()
  h = undefined
})

async function openChat(user: number = USERS.owner, chatOptions: Parameters<typeof vkServicesFor>[1] = {}, channelUrl?: string) {
  h = await startHarness()
  h.consent = { user }
  const vk = vkServicesFor(h, chatOptions)
  await vk.account.connect()
  stopChat = () => vk.chat.close()
  const status = await vk.chat.open(channelUrl)
  return { h, ...vk, status }
}

const allLines = (r: ChatRecord): VkChatLine[] => r.batches.flatMap((b) => b.lines)
const messages = (r: ChatRecord): VkChatMessageView[] => allLines(r).filter((l): l is VkChatMessageView => l.kind === 'message')
const textOf = (m: VkChatMessageView) => m.parts.map((p) => (p.kind === 'text' ? p.text : p.kind === 'mention' ? `@${p.nick}` : p.kind === 'smile' ? `:${p.name}:` : p.text)).join('')
const say = (h: Harness, user: number | { nick: string }, text: string) =>
  h.control('/vk/chat', { channel_url: LIVE, user, parts: [{ text: { content: text } }] }) as Promise<{ id: number }>
const tokenRequests = (h: Harness) => h.requests.filter((r) => r.path === '/v1/websocket/token').length
const errorOf = async (p: Promise<unknown>) => {
  try {
    await p
  } catch (e) {
    if (isAppError(e)) return { code: e.code, platformCode: e.platformCode }
    throw e
  }
  throw new Error('expected a rejection')
}

describe('VK chat: receiving', () => {
  it('loads the backlog, then delivers live messages over pubsub in 16 ms batches', async () => {
    h = await startHarness()
    await say(h, USERS.viewer, 'before open')
    const vk = vkServicesFor(h)
    await vk.account.connect()
    stopChat = () => vk.chat.close()
    await vk.chat.open()
    const first = await waitFor(() => vk.record.batches[0], 'the backlog batch')
    expect(first.reset).toBe(true)
    expect(first.lines.map((l) => l.kind === 'message' && textOf(l))).toContain('before open')
    await waitFor(() => vk.chat.status().transport === 'live', 'the websocket')
    const before = vk.record.batches.length
    for (let i = 0; i < 30; i++) await say(h, USERS.viewer, `burst ${i}`)
    await waitFor(() => messages(vk.record).filter((m) => textOf(m).startsWith('burst')).length === 30, '30 live messages')
    const burst = messages(vk.record).filter((m) => textOf(m).startsWith('burst'))
    expect(burst.map(textOf)).toEqual(Array.from({ length: 30 }, (_, i) => `burst ${i}`))
    // Fewer events than messages: several lines travel in one batch.
    expect(vk.record.batches.length - before).toBeLessThan(30)
    expect(burst[0]).toMatchObject({ author: { nick: 'viewer_vova', nickColor: 0, avatarUrl: null, isBot: false } })
  })

  it('normalizes mentions (mine), smiles, links, badges, bot lines, deletes and system lines', async () => {
    const { h, record, chat } = await openChat()
    await waitFor(() => chat.status().transport === 'live', 'the websocket')
    await h.control('/vk/chat', {
      channel_url: LIVE,
      user: USERS.subscriber,
      parts: [{ mention: { id: USERS.owner } }, { text: { content: ' hi <b>x</b> ' } }, { smile: { id: 'a1b2c3d4-0000-4000-8000-000000000001' } }, { link: { url: 'https://example.com/a' } }]
    })
    const m = await waitFor(() => messages(record).find((x) => x.author.nick === 'sub_sasha'), 'the subscriber message')
    expect(m.mentionsMe).toBe(true)
    expect(m.author.isSubscriber).toBe(true)
    expect(m.parts).toEqual([
      { kind: 'mention', userId: USERS.owner, nick: 'streamer_live', mine: true },
      { kind: 'text', text: ' hi <b>x</b> ' },
      expect.objectContaining({ kind: 'smile', name: 'wave', imageUrl: expect.stringMatching(/^\/livedeck-img\/img\//) as string }),
      { kind: 'link', text: 'https://example.com/a', url: 'https://example.com/a' }
    ])
    await h.control('/vk/event', { channel_url: LIVE, type: 'bot', data: { user: USERS.viewer } })
    const bot = await waitFor(() => messages(record).find((x) => x.author.isBot), 'the bot line')
    expect(bot.author.nick).toBe('ChatBot')
    await h.control('/vk/event', { channel_url: LIVE, type: 'delete', data: { message_id: m.id } })
    await waitFor(() => record.batches.some((b) => b.deleted.includes(m.id)), 'the delete')
    expect(chat.lines().find((l) => l.kind === 'message' && l.id === m.id)).toMatchObject({ deleted: true })
    await h.control('/vk/event', { channel_url: LIVE, type: 'follow', data: { user: USERS.viewer } })
    await h.control('/vk/event', { channel_url: LIVE, type: 'raid', data: { raiders_count: 7 } })
    await h.control('/vk/event', { channel_url: LIVE, type: 'subscription', data: { user: USERS.viewer } })
    await waitFor(() => allLines(record).filter((l) => l.kind === 'system').length === 3, 'three system lines')
    expect(allLines(record).filter((l) => l.kind === 'system').map((l) => l.kind === 'system' && [l.event, l.nick])).toEqual([
      ['follow', 'viewer_vova'],
      ['raid', 'streamer_quiet'],
      ['subscription', 'viewer_vova']
    ])
  })

  it('close 3001 → reconnects with a fresh token, backlog fills the gap, no duplicates', async () => {
    const { h, record, chat } = await openChat()
    await waitFor(() => chat.status().transport === 'live', 'the websocket')
    await say(h, USERS.viewer, 'one')
    await waitFor(() => messages(record).some((m) => textOf(m) === 'one'), 'first message')
    expect(tokenRequests(h)).toBe(1)
    await h.control('/faults', { platform: 'vk', wsClose: 3001 })
    await waitFor(() => chat.status().transport !== 'live', 'the drop')
    await say(h, USERS.viewer, 'while away')
    await waitFor(() => chat.status().transport === 'live', 'the reconnect')
    await say(h, USERS.viewer, 'two')
    await waitFor(() => messages(record).some((m) => textOf(m) === 'two') && messages(record).some((m) => textOf(m) === 'while away'), 'messages after reconnect')
    expect(tokenRequests(h)).toBe(2)
    const ids = messages(record).map((m) => m.id)
    expect(new Set(ids).size).toBe(ids.length)
    const buffered = chat.lines().filter((l) => l.kind === 'message').map((l) => (l).id)
    expect(new Set(buffered).size).toBe(buffered.length)
  })

  it('close 3500 → no reconnect; the chat keeps reading by polling', async () => {
    const { h, record, chat } = await openChat(USERS.owner, { pollIntervalMs: 50 })
    await waitFor(() => chat.status().transport === 'live', 'the websocket')
    await h.control('/faults', { platform: 'vk', wsClose: 3500 })
    await waitFor(() => chat.status().transport === 'polling', 'polling')
    await say(h, USERS.viewer, 'polled')
    await waitFor(() => messages(record).some((m) => textOf(m) === 'polled'), 'the polled message')
    expect(tokenRequests(h)).toBe(1)
    expect(chat.status().transport).toBe('polling')
  })

  it('when the websocket cannot connect it falls back to polling', async () => {
    const { h, record, chat } = await openChat(USERS.owner, { pubsubUrl: () => 'ws://127.0.0.1:9/connection/websocket', fallbackAfterMs: 100, pollIntervalMs: 50 })
    await waitFor(() => chat.status().transport === 'polling', 'polling')
    await say(h, USERS.viewer, 'via polling')
    await waitFor(() => messages(record).some((m) => textOf(m) === 'via polling'), 'the polled message')
    const ids = messages(record).map((m) => m.id)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('private messages arrive on the private channel subscribed with a subscription token', async () => {
    const { h, record, chat } = await openChat(USERS.owner)
    await waitFor(() => chat.status().transport === 'live', 'the websocket')
    const subTokens = h.requests.filter((r) => r.path === '/v1/websocket/subscription_token')
    expect(subTokens).toHaveLength(1)
    await h.control('/vk/chat', { channel_url: LIVE, user: USERS.moderator, parts: [{ text: { content: 'just for you' } }], private_to: USERS.owner })
    const m = await waitFor(() => messages(record).find((x) => textOf(x) === 'just for you'), 'the private message')
    expect(m.isPrivate).toBe(true)
  })

  it('keeps at most 1000 lines', async () => {
    const { h, chat } = await openChat(USERS.owner)
    await waitFor(() => chat.status().transport === 'live', 'the websocket')
    await h.control('/vk/chat/firehose', { channel_url: LIVE, rate: 2000, durationS: 0.6 })
    await waitFor(() => chat.lines().length >= 1000, '1000 lines', 10_000)
    expect(chat.lines().length).toBe(1000)
  })
})

describe('VK chat: sending', () => {
  it('sends with stream_id and sees its own message echoed over pubsub', async () => {
    const { h, record, chat } = await openChat()
    await waitFor(() => chat.status().transport === 'live', 'the websocket')
    const state = await chat.send({ clientId: 'c1', parts: [{ kind: 'text', text: 'hello chat' }, { kind: 'mention', userId: USERS.viewer }] })
    expect(state).toEqual({ clientId: 'c1', state: 'sent' })
    expect(record.sendStates.map((s) => s.state)).toEqual(['sending', 'sent'])
    const send = h.requests.find((r) => r.path === '/v1/chat/message/send')!
    expect(JSON.parse(send.body)).toEqual({ parts: [{ text: { content: 'hello chat' } }, { mention: { id: USERS.viewer } }] })
    const echo = await waitFor(() => messages(record).find((m) => textOf(m) === 'hello chat@viewer_vova'), 'the echo')
    expect(echo.author).toMatchObject({ id: USERS.owner, isOwner: true })
  })

  it('faults on send: 5xx and a reset each give a failed state with a clear reason; the next send works', async () => {
    const { h, record, chat } = await openChat()
    await h.control('/faults', { platform: 'vk', path: '/v1/chat/message/send', status: 503, count: 1 })
    expect(await errorOf(chat.send({ clientId: 'f1', parts: [{ kind: 'text', text: 'a' }] }))).toEqual({ code: 'platform', platformCode: 'service_unavailable' })
    await h.control('/faults', { platform: 'vk', path: '/v1/chat/message/send', reset: true, count: 1 })
    const reset = chat.send({ clientId: 'f2', parts: [{ kind: 'text', text: 'b' }] })
    h.advance(1)
    expect(await errorOf(reset)).toEqual({ code: 'network', platformCode: undefined })
    const ok = chat.send({ clientId: 'f3', parts: [{ kind: 'text', text: 'c' }] })
    h.advance(1)
    expect((await ok).state).toBe('sent')
    expect(record.sendStates.filter((s) => s.state === 'failed').map((s) => [s.clientId, s.error?.code])).toEqual([
      ['f1', 'platform'],
      ['f2', 'network']
    ])
  })

  it('goes live after the chat opened: the stream id is picked up at send time', async () => {
    const { h, chat } = await openChat(USERS.quietOwner)
    expect(chat.status().streamId).toBeNull()
    await h.control('/vk/stream', { channel_url: 'quiet_channel', live: true })
    expect((await chat.send({ clientId: 'g1', parts: [{ kind: 'text', text: 'now live' }] })).state).toBe('sent')
    expect(chat.status().streamId).not.toBeNull()
  })

  it('notices a stream starting and ending (status streamId); a send to an ended stream says not_live', async () => {
    const { h, chat, record } = await openChat(USERS.owner, { streamCheckMs: 50 })
    expect(chat.status().streamId).not.toBeNull()
    await h.control('/vk/stream', { channel_url: LIVE, live: false })
    await waitFor(() => record.statuses.at(-1)?.streamId === null, 'the stream end')
    expect(await errorOf(chat.send({ clientId: 'e1', parts: [{ kind: 'text', text: 'late' }] }))).toEqual({ code: 'platform', platformCode: 'not_live' })
    await h.control('/vk/stream', { channel_url: LIVE, live: true })
    await waitFor(() => record.statuses.at(-1)?.streamId, 'the new stream')
  })

  it('an offline channel: "chat opens when you go live"', async () => {
    const { chat, record } = await openChat(USERS.quietOwner)
    expect(chat.status().streamId).toBeNull()
    expect(await errorOf(chat.send({ clientId: 'c1', parts: [{ kind: 'text', text: 'x' }] }))).toEqual({ code: 'platform', platformCode: 'not_live' })
    expect(record.sendStates.at(-1)).toMatchObject({ clientId: 'c1', state: 'failed', error: { platformCode: 'not_live' } })
  })

  it('chat settings enforcement: message_too_long, send_too_fast with cooldown, same_message, 403 mapped', async () => {
    h = await startHarness()
    const vk = vkServicesFor(h)
    stopChat = () => vk.chat.close()
    const as = async (user: number) => {
      h!.consent = { user }
      await vk.account.connect()
      await vk.chat.open(LIVE)
    }
    await as(USERS.owner)
    const settings = await vk.chat.getSettings()
    expect(settings).toMatchObject({ allowAccess: 'any', sameMessageTimeout: 30, mode: 'general' })
    await vk.chat.editSettings({ ...settings, anyMessageTimeout: 30, sameMessageTimeout: 60 })
    await as(USERS.viewer)
    expect(vk.chat.status().canModerate).toBe(false)
    const sends = () => h!.requests.filter((r) => r.path === '/v1/chat/message/send').length
    const send = (id: string, text: string) => vk.chat.send({ clientId: id, parts: [{ kind: 'text', text }] })
    expect(await errorOf(send('long', 'x'.repeat(501)))).toEqual({ code: 'platform', platformCode: 'message_too_long' })
    expect((await send('a', 'first')).state).toBe('sent')
    // The limiter holds the next one (1 s) instead of firing it at VK at once.
    const second = errorOf(send('b', 'second'))
    await h.control('/config')
    expect(sends()).toBe(2)
    expect(vk.record.sendStates.filter((s) => s.clientId === 'b').map((s) => s.state)).toEqual(['sending'])
    h.advance(1)
    expect(await second).toEqual({ code: 'platform', platformCode: 'send_too_fast' })
    const failed = vk.record.sendStates.find((s) => s.clientId === 'b' && s.state === 'failed')!
    expect(failed.retryAt! - h.clock.now()).toBeGreaterThan(3000)
    // During the cooldown nothing goes out.
    const third = send('c', 'first')
    await h.control('/config')
    expect(sends()).toBe(3)
    h.advance(31)
    expect(await errorOf(third)).toEqual({ code: 'platform', platformCode: 'same_message' })
    h.advance(31)
    expect((await send('d', 'fourth')).state).toBe('sent')
    // Paid-subscribers-only chat: VK's 403 becomes "not allowed to write here".
    await as(USERS.owner)
    await vk.chat.editSettings({ ...(await vk.chat.getSettings()), allowAccess: 'paid_subscribers' })
    await as(USERS.viewer)
    h.advance(31)
    expect(await errorOf(send('e', 'fifth'))).toEqual({ code: 'platform', platformCode: 'forbidden' })
    expect(await errorOf(vk.chat.getSettings())).toEqual({ code: 'platform', platformCode: 'forbidden' })
  })

  it('a moderator of another channel may read and edit its chat settings', async () => {
    const { chat, record } = await openChat(USERS.moderator, {}, LIVE)
    await waitFor(() => record.statuses.some((st) => st.canModerate), 'the moderator mark')
    const edited = await chat.editSettings({ ...(await chat.getSettings()), mode: 'only_smiles' })
    expect(edited.mode).toBe('only_smiles')
  })

  it('members (≤ 200) and a member card', async () => {
    const { chat } = await openChat()
    const members = await chat.members()
    expect(members.length).toBeLessThanOrEqual(200)
    expect(members.find((m) => m.id === USERS.owner)).toMatchObject({ isOwner: true, nick: 'streamer_live' })
    expect(members.find((m) => m.id === USERS.moderator)).toMatchObject({ isModerator: true })
    const card = await chat.member(USERS.subscriber)
    expect(card).toMatchObject({ nick: 'sub_sasha', isSubscriber: true, statistics: { permanentBans: 0 } })
    expect(card.statistics.watchedTime).toBeGreaterThan(0)
    expect(card.registeredAt! % 1000).toBe(0)
  })
})
