/**
 * The pubsub server over raw WebSocket frames, checked against the Centrifugo v4 client protocol v2
 * (JSON) as the VK reference describes it (§8.2, §10.4): frame shapes, error codes, close codes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { ALICE, BOB, LIMITED, PRIVATE, PUBLIC, RawClient, startHarness, subToken, type Harness } from './pubsub-harness'

// Frame shapes from the protocol (reference §8.2), strict: nothing unexpected may ride along.
const connectReply = z.strictObject({
  id: z.number(),
  connect: z.strictObject({
    client: z.string().min(1),
    version: z.string(),
    ping: z.number().int().positive(),
    pong: z.literal(true),
    expires: z.boolean().optional(),
    ttl: z.number().int().positive().optional()
  })
})
const errorReply = z.strictObject({
  id: z.number().int().positive(),
  error: z.strictObject({ code: z.number().int(), message: z.string(), temporary: z.boolean().optional() })
})
const subscribeReply = z.strictObject({ id: z.number().int().positive(), subscribe: z.strictObject({}) })
const unsubscribeReply = z.strictObject({ id: z.number().int().positive(), unsubscribe: z.strictObject({}) })
const publicationPush = z.strictObject({
  push: z.strictObject({ channel: z.string(), pub: z.strictObject({ data: z.unknown() }) })
})
const ping = z.strictObject({})

let h: Harness
const clients: RawClient[] = []

beforeEach(async () => {
  h = await startHarness({ pingIntervalS: 25, pongTimeoutS: 8 })
})
afterEach(async () => {
  for (const c of clients.splice(0)) c.close()
  await h.stop()
})

async function open(url = h.url): Promise<RawClient> {
  const c = await RawClient.open(url)
  clients.push(c)
  return c
}

async function connected(token = 'conn-alice'): Promise<RawClient> {
  const c = await open()
  c.send({ id: 1, connect: { token } })
  connectReply.parse(await c.next('the connect reply'))
  return c
}

/** A command whose answer is certain (102); once it arrives, the server has read everything sent before. */
async function roundTrip(c: RawClient, id: number): Promise<void> {
  c.send({ id, subscribe: { channel: 'no-such-channel' } })
  expect(errorReply.parse(await c.next('the round-trip reply'))).toEqual({ id, error: { code: 102, message: 'unknown channel' } })
}

describe('connect', () => {
  it('accepts a valid token and answers with client, version, ping and pong: true, echoing the id', async () => {
    const c = await open()
    c.send({ id: 1, connect: { token: 'conn-alice', name: 'livedeck' } })
    const reply = connectReply.parse(await c.next())
    expect(reply.id).toBe(1)
    expect(reply.connect.ping).toBe(25)
    expect(reply.connect.expires).toBeUndefined()
    expect(h.pubsub.connections()).toEqual([{ client: reply.connect.client, userId: ALICE, channels: [] }])
  })

  it('gives every connection its own client id', async () => {
    const a = await open()
    const b = await open()
    a.send({ id: 1, connect: { token: 'conn-alice' } })
    b.send({ id: 1, connect: { token: 'conn-bob' } })
    const ra = connectReply.parse(await a.next())
    const rb = connectReply.parse(await b.next())
    expect(ra.connect.client).not.toBe(rb.connect.client)
    expect(h.pubsub.connections().map((i) => i.userId).sort()).toEqual([ALICE, BOB])
  })

  it('answers a bad token with 101 "unauthorized", then closes with 3500 (no reconnect)', async () => {
    const c = await open()
    c.send({ id: 1, connect: { token: 'forged' } })
    expect(errorReply.parse(await c.next())).toEqual({ id: 1, error: { code: 101, message: 'unauthorized' } })
    expect(await c.closed()).toEqual({ code: 3500, reason: 'invalid token' })
    expect(h.pubsub.connections()).toEqual([])
  })

  it('treats a connect without a token as unauthorized', async () => {
    const c = await open()
    c.send({ id: 1, connect: {} })
    expect(errorReply.parse(await c.next()).error.code).toBe(101)
    expect((await c.closed()).code).toBe(3500)
  })

  it('answers an expired token with 109 "token expired" and lets the client connect again', async () => {
    const c = await open()
    c.send({ id: 1, connect: { token: 'conn-expired' } })
    expect(errorReply.parse(await c.next())).toEqual({ id: 1, error: { code: 109, message: 'token expired' } })
    c.send({ id: 2, connect: { token: 'conn-alice' } })
    expect(connectReply.parse(await c.next()).id).toBe(2)
  })

  it('closes with 3501 when the first command is not connect', async () => {
    const c = await open()
    c.send({ id: 1, subscribe: { channel: PUBLIC } })
    expect((await c.closed()).code).toBe(3501)
    expect(c.messages).toEqual([])
  })

  it('closes with 3501 on a second connect', async () => {
    const c = await connected()
    c.send({ id: 2, connect: { token: 'conn-alice' } })
    expect((await c.closed()).code).toBe(3501)
  })

  it('refuses a connection without cf_protocol_version=v2 with terminal close 3501', async () => {
    const c = await open(`ws://127.0.0.1:${h.port}/connection/websocket?format=json`)
    const closed = await c.closed()
    expect(closed.code).toBe(3501)
    expect(closed.reason).toContain('cf_protocol_version=v2')
  })

  it('refuses cf_protocol_version=v1 and non-JSON formats', async () => {
    const v1 = await open(`ws://127.0.0.1:${h.port}/connection/websocket?format=json&cf_protocol_version=v1`)
    const protobuf = await open(`ws://127.0.0.1:${h.port}/connection/websocket?format=protobuf&cf_protocol_version=v2`)
    expect((await v1.closed()).code).toBe(3501)
    expect((await protobuf.closed()).code).toBe(3501)
  })

  it('answers upgrades on other paths with 404', async () => {
    await expect(RawClient.open(`ws://127.0.0.1:${h.port}/other?format=json&cf_protocol_version=v2`)).rejects.toThrow(/404/)
  })
})

describe('frames', () => {
  it('accepts several commands in one frame separated by "\\n" and replies to each by id', async () => {
    const c = await open()
    c.send({ id: 1, connect: { token: 'conn-alice' } }, { id: 2, subscribe: { channel: PUBLIC } }, { id: 3, subscribe: { channel: 'nope' } })
    expect(connectReply.parse(await c.next()).id).toBe(1)
    expect(subscribeReply.parse(await c.next())).toEqual({ id: 2, subscribe: {} })
    expect(errorReply.parse(await c.next())).toEqual({ id: 3, error: { code: 102, message: 'unknown channel' } })
  })

  it('answers an unknown method with error 104, keeping the id', async () => {
    const c = await connected()
    c.send({ id: 5, teleport: { channel: PUBLIC } })
    expect(errorReply.parse(await c.next())).toEqual({ id: 5, error: { code: 104, message: 'method not found' } })
  })

  it('closes with 3501 on malformed JSON', async () => {
    const c = await connected()
    c.sendText('{"id":2,"subscribe":')
    expect((await c.closed()).code).toBe(3501)
  })

  it('closes with 3501 on a v1-style command (method/params)', async () => {
    const c = await open()
    c.send({ id: 1, method: 0, params: { token: 'conn-alice' } })
    // Protocol v2 sees no known method here, so no connect happened: the server must refuse it.
    expect((await c.closed()).code).toBe(3501)
    expect(c.messages).toEqual([])
  })

  it('closes with 3501 when a command that expects a reply has no id', async () => {
    const c = await connected()
    c.send({ subscribe: { channel: PUBLIC } })
    expect((await c.closed()).code).toBe(3501)
  })

  it('closes with 3501 on a binary frame (the JSON protocol uses text frames)', async () => {
    const c = await connected()
    c.ws.send(Buffer.from(JSON.stringify({ id: 2, subscribe: { channel: PUBLIC } })), { binary: true })
    expect((await c.closed()).code).toBe(3501)
  })

  it('closes with 3501 when a field has the wrong type', async () => {
    const c = await connected()
    c.send({ id: 2, subscribe: { channel: 42 } })
    expect((await c.closed()).code).toBe(3501)
  })
})

describe('subscribe', () => {
  it('subscribes to a public channel without a token', async () => {
    const c = await connected()
    c.send({ id: 2, subscribe: { channel: PUBLIC } })
    expect(subscribeReply.parse(await c.next())).toEqual({ id: 2, subscribe: {} })
    expect(h.pubsub.connections()[0]?.channels).toEqual([PUBLIC])
  })

  it('refuses a limited channel without a token with 103 "permission denied"', async () => {
    const c = await connected()
    c.send({ id: 2, subscribe: { channel: LIMITED } })
    expect(errorReply.parse(await c.next())).toEqual({ id: 2, error: { code: 103, message: 'permission denied' } })
    expect(h.pubsub.connections()[0]?.channels).toEqual([])
  })

  it('subscribes to a limited channel with a subscription token for that channel and user', async () => {
    const c = await connected()
    c.send({ id: 2, subscribe: { channel: LIMITED, token: subToken(LIMITED, ALICE) } })
    expect(subscribeReply.parse(await c.next()).id).toBe(2)
  })

  it('refuses a subscription token minted for another user or another channel with 103', async () => {
    const c = await connected()
    c.send(
      { id: 2, subscribe: { channel: LIMITED, token: subToken(LIMITED, BOB) } },
      { id: 3, subscribe: { channel: LIMITED, token: subToken(PRIVATE, ALICE) } }
    )
    expect(errorReply.parse(await c.next()).error.code).toBe(103)
    expect(errorReply.parse(await c.next()).error.code).toBe(103)
  })

  it('requires a token for a private channel too', async () => {
    const c = await connected()
    c.send({ id: 2, subscribe: { channel: PRIVATE } }, { id: 3, subscribe: { channel: PRIVATE, token: subToken(PRIVATE, ALICE) } })
    expect(errorReply.parse(await c.next()).error).toEqual({ code: 103, message: 'permission denied' })
    expect(subscribeReply.parse(await c.next()).id).toBe(3)
  })

  it('answers a duplicate subscribe with 105 "already subscribed"', async () => {
    const c = await connected()
    c.send({ id: 2, subscribe: { channel: PUBLIC } }, { id: 3, subscribe: { channel: PUBLIC } })
    subscribeReply.parse(await c.next())
    expect(errorReply.parse(await c.next())).toEqual({ id: 3, error: { code: 105, message: 'already subscribed' } })
  })

  it('answers an unknown channel with 102 "unknown channel"', async () => {
    const c = await connected()
    c.send({ id: 2, subscribe: { channel: 'api-channel-chat:999' } })
    expect(errorReply.parse(await c.next())).toEqual({ id: 2, error: { code: 102, message: 'unknown channel' } })
  })

  it('unsubscribes, after which publications stop', async () => {
    const c = await connected()
    c.send({ id: 2, subscribe: { channel: PUBLIC } })
    subscribeReply.parse(await c.next())
    c.send({ id: 3, unsubscribe: { channel: PUBLIC } })
    expect(unsubscribeReply.parse(await c.next())).toEqual({ id: 3, unsubscribe: {} })
    expect(h.pubsub.connections()[0]?.channels).toEqual([])
    expect(h.pubsub.publish(PUBLIC, { type: 'x', data: {} })).toBe(0)
    await roundTrip(c, 4)
    expect(c.pending()).toEqual([])
  })

  it('has no history or presence (108 "not available")', async () => {
    const c = await connected()
    c.send({ id: 2, history: { channel: PUBLIC } }, { id: 3, presence: { channel: PUBLIC } })
    expect(errorReply.parse(await c.next())).toEqual({ id: 2, error: { code: 108, message: 'not available' } })
    expect(errorReply.parse(await c.next())).toEqual({ id: 3, error: { code: 108, message: 'not available' } })
  })

  it('sub_refresh accepts a valid token for a subscribed channel and refuses others with 103', async () => {
    const c = await connected()
    c.send(
      { id: 2, subscribe: { channel: LIMITED, token: subToken(LIMITED, ALICE) } },
      { id: 3, sub_refresh: { channel: LIMITED, token: subToken(LIMITED, ALICE) } },
      { id: 4, sub_refresh: { channel: LIMITED, token: subToken(LIMITED, BOB) } },
      { id: 5, sub_refresh: { channel: PRIVATE, token: subToken(PRIVATE, ALICE) } }
    )
    subscribeReply.parse(await c.next())
    expect(await c.next()).toEqual({ id: 3, sub_refresh: {} })
    expect(errorReply.parse(await c.next()).error.code).toBe(103)
    expect(errorReply.parse(await c.next()).error.code).toBe(103)
  })

  it('refuses client publishing (VK clients only read)', async () => {
    const c = await connected()
    c.send({ id: 2, publish: { channel: PUBLIC, data: { hi: 1 } } })
    expect(errorReply.parse(await c.next()).error.code).toBe(103)
  })
})

describe('publish', () => {
  const event = {
    type: 'channel_chat_message_send',
    data: { chat_message: { id: 1, created_at: 1785110751, is_private: false, parts: [{ text: { content: 'hi' } }] } }
  }

  it('reaches subscribers only, as {"push":{"channel","pub":{"data"}}}', async () => {
    const subscriber = await connected('conn-alice')
    const other = await connected('conn-bob')
    subscriber.send({ id: 2, subscribe: { channel: PUBLIC } })
    subscribeReply.parse(await subscriber.next())

    expect(h.pubsub.publish(PUBLIC, event)).toBe(1)
    expect(publicationPush.parse(await subscriber.next())).toEqual({ push: { channel: PUBLIC, pub: { data: event } } })
    await roundTrip(other, 2)
    expect(other.pending()).toEqual([])
  })

  it('delivers to every subscriber and counts them', async () => {
    const a = await connected('conn-alice')
    const b = await connected('conn-bob')
    for (const c of [a, b]) {
      c.send({ id: 2, subscribe: { channel: PUBLIC } })
      subscribeReply.parse(await c.next())
    }
    expect(h.pubsub.publish(PUBLIC, event)).toBe(2)
    expect(h.pubsub.publish(LIMITED, event)).toBe(0)
    for (const c of [a, b]) expect(publicationPush.parse(await c.next()).push.pub.data).toEqual(event)
  })
})

describe('batching', () => {
  it('is off by default: one message per frame', async () => {
    const c = await connected()
    c.send({ id: 2, subscribe: { channel: PUBLIC } }, { id: 3, subscribe: { channel: 'nope' } })
    await c.next()
    await c.next()
    expect(c.frames.every((f) => !f.includes('\n'))).toBe(true)
    expect(c.frames).toHaveLength(3)
  })

  it('when on, sends several replies and pushes in one frame separated by "\\n"', async () => {
    const c = await connected()
    h.pubsub.setBatching(true)
    c.send({ id: 2, subscribe: { channel: PUBLIC } }, { id: 3, subscribe: { channel: 'nope' } })
    subscribeReply.parse(await c.next())
    errorReply.parse(await c.next())
    const replies = c.frames.at(-1)!.split('\n')
    expect(replies.map((r) => JSON.parse(r) as unknown)).toEqual([{ id: 2, subscribe: {} }, { id: 3, error: { code: 102, message: 'unknown channel' } }])

    h.pubsub.publish(PUBLIC, { n: 1 })
    h.pubsub.publish(PUBLIC, { n: 2 })
    h.pubsub.publish(PUBLIC, { n: 3 })
    for (const n of [1, 2, 3]) expect(publicationPush.parse(await c.next()).push.pub.data).toEqual({ n })
    expect(c.frames.at(-1)!.split('\n')).toHaveLength(3)
  })
})

describe('ping / pong', () => {
  it('sends {} every ping interval; answering {} keeps the connection past the pong deadline', async () => {
    const c = await connected()
    let id = 10
    // First ping at 25 s, then every 25 s: 17 s after each pong deadline (ping + 8 s).
    for (const wait of [25_000, 17_000, 17_000]) {
      h.clock.advance(wait)
      expect(ping.parse(await c.next('a ping'))).toEqual({})
      c.send({})
      await roundTrip(c, id++)
      h.clock.advance(8_000)
      await roundTrip(c, id++)
    }
    expect(c.closedWith).toBeUndefined()
  })

  it('closes with 3012 "no pong" when a ping goes unanswered for the pong timeout', async () => {
    const c = await connected()
    h.clock.advance(25_000)
    ping.parse(await c.next('a ping'))
    // Sandbox time also flows in real time, so leave a margin before the deadline.
    h.clock.advance(7_000)
    await roundTrip(c, 2)
    h.clock.advance(1_000)
    expect(await c.closed()).toEqual({ code: 3012, reason: 'no pong' })
  })

  it('with dropPongs on, answered pings still end in 3012', async () => {
    const c = await connected()
    h.pubsub.dropPongs(true)
    h.clock.advance(25_000)
    ping.parse(await c.next('a ping'))
    c.send({})
    await roundTrip(c, 2)
    h.clock.advance(8_000)
    expect(await c.closed()).toEqual({ code: 3012, reason: 'no pong' })
  })

  it('a large clock jump sends one ping, not one per interval, and answering it keeps the connection', async () => {
    const c = await connected()
    h.clock.advance(600_000)
    ping.parse(await c.next('a ping'))
    c.send({})
    await roundTrip(c, 2)
    expect(c.pending()).toEqual([])
    h.clock.advance(8_000)
    await roundTrip(c, 3)
    expect(c.closedWith).toBeUndefined()
  })

  it('does not ping a connection that has not connected yet', async () => {
    const c = await open()
    h.clock.advance(60_000)
    c.send({ id: 1, connect: { token: 'conn-alice' } })
    connectReply.parse(await c.next())
    await roundTrip(c, 2)
    expect(c.pending()).toEqual([])
  })
})

describe('faults and expiry', () => {
  it('closeAll closes every connection with the given code and reason', async () => {
    const a = await connected('conn-alice')
    const b = await connected('conn-bob')
    h.pubsub.closeAll(3001, 'shutdown')
    // Closing connections are no longer listed or published to.
    expect(h.pubsub.connections()).toEqual([])
    expect(await a.closed()).toEqual({ code: 3001, reason: 'shutdown' })
    expect(await b.closed()).toEqual({ code: 3001, reason: 'shutdown' })
  })

  it('reports expires/ttl for an expiring token and closes with 3005 when it runs out', async () => {
    h.auth.expiringAtS = h.clock.nowS() + 20
    const c = await open()
    c.send({ id: 1, connect: { token: 'conn-expiring' } })
    const reply = connectReply.parse(await c.next())
    expect(reply.connect.expires).toBe(true)
    expect(reply.connect.ttl).toBeGreaterThanOrEqual(19)
    expect(reply.connect.ttl).toBeLessThanOrEqual(20)
    h.clock.advance(20_000)
    expect(await c.closed()).toEqual({ code: 3005, reason: 'connection expired' })
  })

  it('refresh with a fresh token moves the expiry', async () => {
    h.auth.expiringAtS = h.clock.nowS() + 20
    const c = await open()
    c.send({ id: 1, connect: { token: 'conn-expiring' } })
    const { connect } = connectReply.parse(await c.next())
    h.clock.advance(10_000)
    h.auth.expiringAtS = h.clock.nowS() + 20
    c.send({ id: 2, refresh: { token: 'conn-expiring' } })
    const refreshed = z
      .strictObject({ id: z.literal(2), refresh: z.strictObject({ client: z.string(), version: z.string(), expires: z.literal(true), ttl: z.number() }) })
      .parse(await c.next())
    expect(refreshed.refresh.client).toBe(connect.client)
    h.clock.advance(15_000) // past the first expiry, and the first ping is due
    ping.parse(await c.next('a ping'))
    await roundTrip(c, 3)
    h.clock.advance(6_000) // past the second (a ping went out at 25 s; its deadline is later)
    expect(await c.closed()).toEqual({ code: 3005, reason: 'connection expired' })
  })

  it('refresh with another user\'s token closes with 3500', async () => {
    const c = await connected('conn-alice')
    c.send({ id: 2, refresh: { token: 'conn-bob' } })
    expect((await c.closed()).code).toBe(3500)
  })
})

describe('close()', () => {
  it('closes live connections with 3001 and stops accepting new ones', async () => {
    const c = await connected()
    const stopping = h.pubsub.close()
    expect(await c.closed()).toEqual({ code: 3001, reason: 'shutdown' })
    await stopping
    await expect(RawClient.open(h.url)).rejects.toThrow()
  })
})
