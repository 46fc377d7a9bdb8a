/**
 * Test harness for the pubsub server: a real HTTP server on 127.0.0.1 with the pubsub attached, a
 * table-driven PubsubAuth, and a raw WebSocket client that records every frame and the close.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import WebSocket from 'ws'
import { createClock, type SandboxClock } from '../src/core/clock'
import { createPubsubServer, type PubsubAuth, type PubsubServer } from '../src/vk/pubsub'

export const PUBLIC = 'api-channel-chat:1000001'
export const LIMITED = 'api-channel-limited-chat:1000001'
export const PRIVATE = 'api-channel-chat:1000001#7'
export const ALICE = 7
export const BOB = 8

/** Connection tokens by value. `expiring` carries an expiry relative to the clock at check time. */
export function createTestAuth(clock: SandboxClock): PubsubAuth & { expiringAtS?: number } {
  const auth: PubsubAuth & { expiringAtS?: number } = {
    verifyConnectionToken(token) {
      if (token === 'conn-alice') return { ok: true, userId: ALICE }
      if (token === 'conn-bob') return { ok: true, userId: BOB }
      if (token === 'conn-expired') return { ok: false, reason: 'expired' }
      if (token === 'conn-expiring' && auth.expiringAtS !== undefined) {
        return clock.nowS() < auth.expiringAtS
          ? { ok: true, userId: ALICE, expiresAtS: auth.expiringAtS }
          : { ok: false, reason: 'expired' }
      }
      return { ok: false, reason: 'invalid' }
    },
    channelKind(channel) {
      if (channel === PUBLIC) return 'public'
      if (channel === LIMITED) return 'limited'
      if (channel === PRIVATE) return 'private'
      return null
    },
    verifySubscriptionToken(token, channel, userId) {
      return token === subToken(channel, userId)
    }
  }
  return auth
}

export const subToken = (channel: string, userId: number): string => `sub|${channel}|${userId}`

export interface Harness {
  clock: SandboxClock
  auth: ReturnType<typeof createTestAuth>
  pubsub: PubsubServer
  http: Server
  port: number
  /** The URL a VK client uses (reference §2.1). */
  url: string
  stop(): Promise<void>
}

export async function startHarness(options: { pingIntervalS?: number; pongTimeoutS?: number } = {}): Promise<Harness> {
  const clock = createClock()
  const auth = createTestAuth(clock)
  const pubsub = createPubsubServer({ auth, clock, ...options })
  const http = createServer((_req, res) => res.writeHead(404).end())
  pubsub.attach(http)
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  const port = (http.address() as AddressInfo).port
  return {
    clock, auth, pubsub, http, port,
    url: `ws://127.0.0.1:${port}/connection/websocket?format=json&cf_protocol_version=v2`,
    async stop() {
      await pubsub.close()
      await new Promise<void>((resolve) => http.close(() => resolve()))
      clock.dispose()
    }
  }
}

/**
 * Resolve when `check` returns something other than undefined; re-checked whenever `onChange` fires.
 * If `check` throws, the wait fails with that error at once.
 */
export function waitFor<T>(
  check: () => T | undefined,
  onChange: (listener: () => void) => () => void,
  what: string,
  timeoutMs = 3000
): Promise<T> {
  return new Promise((resolve, reject) => {
    let off = (): void => {}
    const timer = setTimeout(() => {
      off()
      reject(new Error(`timed out waiting for ${what}`))
    }, timeoutMs)
    const settle = (): true => {
      clearTimeout(timer)
      off()
      return true
    }
    const attempt = (): boolean => {
      let value: T | undefined
      try {
        value = check()
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)))
        return settle()
      }
      if (value === undefined) return false
      resolve(value)
      return settle()
    }
    if (attempt()) return
    off = onChange(() => void attempt())
  })
}

export interface Closed {
  code: number
  reason: string
}

/** A WebSocket client speaking raw frames; records frames, messages (split on "\n") and the close. */
export class RawClient {
  readonly frames: string[] = []
  readonly messages: unknown[] = []
  closedWith: Closed | undefined
  private cursor = 0
  private readonly listeners = new Set<() => void>()

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      const frame = data.toString('utf8')
      this.frames.push(frame)
      for (const line of frame.split('\n')) this.messages.push(JSON.parse(line))
      this.changed()
    })
    ws.on('close', (code, reason) => {
      this.closedWith = { code, reason: reason.toString('utf8') }
      this.changed()
    })
  }

  static async open(url: string): Promise<RawClient> {
    const ws = new WebSocket(url)
    const client = new RawClient(ws)
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve())
      ws.once('error', reject)
    })
    return client
  }

  /** Send commands in one frame, one per line. */
  send(...commands: unknown[]): void {
    this.ws.send(commands.map((c) => JSON.stringify(c)).join('\n'))
  }

  sendText(text: string): void {
    this.ws.send(text)
  }

  /** The next message not yet taken; fails at once if the server closes first. */
  next(what = 'a message'): Promise<unknown> {
    return this.wait(() => {
      if (this.cursor < this.messages.length) return this.messages[this.cursor++]
      if (this.closedWith) throw new Error(`closed ${this.closedWith.code} "${this.closedWith.reason}" while waiting for ${what}`)
      return undefined
    }, what)
  }

  /** The close code and reason, once the server closes. */
  closed(): Promise<Closed> {
    return this.wait(() => this.closedWith, 'the close')
  }

  /** Messages not yet taken, without waiting. */
  pending(): unknown[] {
    return this.messages.slice(this.cursor)
  }

  wait<T>(check: () => T | undefined, what: string): Promise<T> {
    return waitFor(check, (l) => (this.listeners.add(l), () => this.listeners.delete(l)), what)
  }

  close(): void {
    this.ws.close()
  }

  private changed(): void {
    for (const l of [...this.listeners]) l()
  }
}
