/**
 * The pubsub server driven by the official `centrifuge` client (the SDK VK recommends for its
 * Centrifugo v4 server, reference §8.1): connect, subscribe, publications, reconnect rules by close
 * code (3000–3499 reconnect, ≥ 3500 don't), token expiry, ping/pong and batched frames.
 */
import { Centrifuge, type Subscription } from 'centrifuge'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { ALICE, LIMITED, PUBLIC, startHarness, subToken, waitFor, type Harness } from './pubsub-harness'

type Event = { source: string; name: string; ctx: Record<string, unknown> }

/** Records client and subscription events in order, so tests can wait for a condition on them. */
class EventLog {
  readonly events: Event[] = []
  private readonly listeners = new Set<() => void>()

  watch(source: string, emitter: Centrifuge | Subscription, names: string[]): void {
    for (const name of names) {
      // Both emitters take (event, listener); the typed overloads differ per event name.
      ;(emitter as unknown as { on(n: string, l: (ctx: Record<string, unknown>) => void): void }).on(name, (ctx) => {
        this.events.push({ source, name, ctx })
        for (const l of [...this.listeners]) l()
      })
    }
  }

  /** Resolves with the first event (at index ≥ from) matching, waiting if needed. */
  until(source: string, name: string, from = 0): Promise<Event> {
    const find = (): Event | undefined => this.events.slice(from).find((e) => e.source === source && e.name === name)
    return this.check(find, `${source} ${name}`)
  }

  /** Resolves with the first `count` events of that kind, once there are that many. */
  untilCount(source: string, name: string, count: number): Promise<Event[]> {
    const enough = (): Event[] | undefined => {
      const found = this.events.filter((e) => e.source === source && e.name === name)
      return found.length >= count ? found.slice(0, count) : undefined
    }
    return this.check(enough, `${count} × ${source} ${name}`)
  }

  private check<T>(fn: () => T | undefined, what: string): Promise<T> {
    return waitFor(fn, (l) => (this.listeners.add(l), () => this.listeners.delete(l)), what)
  }

  names(source: string, from = 0): string[] {
    return this.events.slice(from).filter((e) => e.source === source).map((e) => e.name)
  }
}

const clientEvents = ['connecting', 'connected', 'disconnected', 'error']
const subEvents = ['subscribing', 'subscribed', 'unsubscribed', 'publication', 'error']

let h: Harness
let log: EventLog
let clients: Centrifuge[] = []
let upgrades = 0

beforeEach(async () => {
  h = await startHarness({ pingIntervalS: 25, pongTimeoutS: 8 })
  log = new EventLog()
  upgrades = 0
  h.http.on('upgrade', () => upgrades++)
})
afterEach(async () => {
  for (const c of clients) c.disconnect()
  clients = []
  await h.stop()
})

function newClient(options: Partial<ConstructorParameters<typeof Centrifuge>[1]> = {}): Centrifuge {
  const client = new Centrifuge(h.url, {
    websocket: WebSocket,
    token: 'conn-alice',
    minReconnectDelay: 20,
    maxReconnectDelay: 100,
    ...options
  })
  clients.push(client)
  log.watch('client', client, clientEvents)
  return client
}

function subscribe(client: Centrifuge, channel: string, getToken?: () => Promise<string>): Subscription {
  const sub = client.newSubscription(channel, getToken ? { getToken } : {})
  log.watch(channel, sub, subEvents)
  sub.subscribe()
  return sub
}

const chatEvent = (n: number): unknown => ({
  type: 'channel_chat_message_send',
  data: { chat_message: { id: n, created_at: 1785110751, is_private: false, parts: [{ text: { content: `m${n}` } }] } }
})

/** An RPC round trip: VK allows no RPC, so the answer is error 104, but it proves the link works. */
async function roundTrip(client: Centrifuge): Promise<void> {
  await expect(client.rpc('noop', {})).rejects.toMatchObject({ code: 104 })
}

describe('with the official centrifuge client', () => {
  it('connects, subscribes to public and limited channels and receives publications', async () => {
    const client = newClient({ getToken: () => Promise.resolve('conn-alice') })
    const chat = subscribe(client, PUBLIC)
    const limited = subscribe(client, LIMITED, () => Promise.resolve(subToken(LIMITED, ALICE)))
    client.connect()
    await log.until('client', 'connected')
    await Promise.all([chat.ready(3000), limited.ready(3000)])
    expect(h.pubsub.connections()[0]?.channels.sort()).toEqual([LIMITED, PUBLIC].sort())

    expect(h.pubsub.publish(PUBLIC, chatEvent(1))).toBe(1)
    expect(h.pubsub.publish(LIMITED, { type: 'limited', data: {} })).toBe(1)
    const pub = await log.until(PUBLIC, 'publication')
    expect(pub.ctx).toMatchObject({ channel: PUBLIC, data: chatEvent(1) })
    expect((await log.until(LIMITED, 'publication')).ctx.data).toEqual({ type: 'limited', data: {} })
  })

  it('a limited channel without a subscription token ends unsubscribed with 103', async () => {
    const client = newClient()
    subscribe(client, LIMITED)
    client.connect()
    const unsubscribed = await log.until(LIMITED, 'unsubscribed')
    expect(unsubscribed.ctx).toMatchObject({ code: 103, reason: 'permission denied' })
    expect(client.state).toBe('connected')
  })

  it('a bad connection token ends disconnected with 101, without reconnecting', async () => {
    const client = newClient({ token: 'forged' })
    client.connect()
    const disconnected = await log.until('client', 'disconnected')
    expect(disconnected.ctx).toMatchObject({ code: 101, reason: 'unauthorized' })
    expect(client.state).toBe('disconnected')
    expect(upgrades).toBe(1)
  })

  it.each([
    [3001, 'shutdown'],
    [3004, 'internal server error'],
    [3011, 'force reconnect']
  ])('reconnects and resubscribes after close %i', async (code, reason) => {
    const client = newClient()
    const chat = subscribe(client, PUBLIC)
    client.connect()
    await chat.ready(3000)
    const first = h.pubsub.connections()[0]!.client
    const mark = log.events.length

    h.pubsub.closeAll(code, reason)
    await log.until('client', 'connected', mark)
    await log.until(PUBLIC, 'subscribed', mark)
    expect(log.names('client', mark)).toEqual(['connecting', 'connected'])
    expect((await log.until('client', 'connecting', mark)).ctx).toMatchObject({ code, reason })
    expect(upgrades).toBe(2)

    const [now] = h.pubsub.connections()
    expect(now?.client).not.toBe(first)
    expect(now?.channels).toEqual([PUBLIC])
    expect(h.pubsub.publish(PUBLIC, chatEvent(2))).toBe(1)
    expect((await log.until(PUBLIC, 'publication', mark)).ctx.data).toEqual(chatEvent(2))
  })

  it.each([
    [3500, 'invalid token'],
    [3503, 'force disconnect']
  ])('does not reconnect after close %i', async (code, reason) => {
    const client = newClient()
    const chat = subscribe(client, PUBLIC)
    client.connect()
    await chat.ready(3000)
    const mark = log.events.length

    h.pubsub.closeAll(code, reason)
    const disconnected = await log.until('client', 'disconnected', mark)
    expect(disconnected.ctx).toMatchObject({ code, reason })
    // A client that means to reconnect goes to "connecting" at once; this one stays disconnected.
    expect(client.state).toBe('disconnected')
    expect(log.names('client', mark)).toEqual(['disconnected'])
    expect(upgrades).toBe(1)
  })

  it('answers server pings, so the connection outlives the pong deadline', async () => {
    const client = newClient()
    client.connect()
    await log.until('client', 'connected')
    h.clock.advance(25_000)
    // Two round trips: the ping frame precedes the first reply, so the pong precedes the second command.
    await roundTrip(client)
    await roundTrip(client)
    h.clock.advance(8_000)
    await roundTrip(client)
    expect(log.names('client')).toEqual(['connecting', 'connected'])
    expect(h.pubsub.connections()).toHaveLength(1)
  })

  it('reconnects after 3012 "no pong" when pongs are dropped', async () => {
    const client = newClient()
    const chat = subscribe(client, PUBLIC)
    client.connect()
    await chat.ready(3000)
    const mark = log.events.length
    h.pubsub.dropPongs(true)
    h.clock.advance(25_000)
    h.clock.advance(8_000)
    expect((await log.until('client', 'connecting', mark)).ctx).toMatchObject({ code: 3012, reason: 'no pong' })
    await log.until(PUBLIC, 'subscribed', mark)
    expect(client.state).toBe('connected')
  })

  it('after the connection token expires (3005), reconnects with a new token from getToken (109 first)', async () => {
    h.auth.expiringAtS = h.clock.nowS() + 20
    let tokenRequests = 0
    const client = newClient({
      token: 'conn-expiring',
      getToken: () => {
        tokenRequests++
        return Promise.resolve('conn-alice')
      }
    })
    const chat = subscribe(client, PUBLIC)
    client.connect()
    await chat.ready(3000)
    const mark = log.events.length

    h.clock.advance(20_000)
    expect((await log.until('client', 'connecting', mark)).ctx).toMatchObject({ code: 3005 })
    const expired = await log.until('client', 'error', mark)
    expect(expired.ctx).toMatchObject({ type: 'connect', error: { code: 109, message: 'token expired' } })
    await log.until(PUBLIC, 'subscribed', mark)
    expect(tokenRequests).toBe(1)
    expect(h.pubsub.connections()).toEqual([expect.objectContaining({ userId: ALICE, channels: [PUBLIC] })])
  })

  it('survives batched frames: replies and pushes several to a frame', async () => {
    h.pubsub.setBatching(true)
    const frames: string[] = []
    // The client's socket, recording what arrives, to prove the frames really were batched.
    class RecordingWebSocket extends WebSocket {
      constructor(...args: ConstructorParameters<typeof WebSocket>) {
        super(...args)
        this.addEventListener('message', (e) => frames.push(typeof e.data === 'string' ? e.data : '<binary>'))
      }
    }
    const client = newClient({ websocket: RecordingWebSocket })
    const chat = subscribe(client, PUBLIC)
    const limited = subscribe(client, LIMITED, () => Promise.resolve(subToken(LIMITED, ALICE)))
    client.connect()
    await Promise.all([chat.ready(3000), limited.ready(3000)])

    for (let n = 1; n <= 5; n++) h.pubsub.publish(PUBLIC, chatEvent(n))
    h.pubsub.publish(LIMITED, { type: 'limited', data: {} })
    await log.until(LIMITED, 'publication')
    const data = (await log.untilCount(PUBLIC, 'publication', 5)).map((e) => e.ctx.data)
    expect(data).toEqual([1, 2, 3, 4, 5].map(chatEvent))
    expect(frames.some((f) => f.split('\n').length >= 5)).toBe(true)
  })
})
