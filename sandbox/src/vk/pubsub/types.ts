import type { Server } from 'node:http'
import type { SandboxClock } from '../../core/clock'

/** What the pubsub server needs to know from the VK simulator; it owns no tokens or channels itself. */
export interface PubsubAuth {
  /** Verify a connection token (JWT) → the user id, or an error kind. */
  verifyConnectionToken(
    token: string
  ): { ok: true; userId: number; expiresAtS?: number } | { ok: false; reason: 'invalid' | 'expired' }
  /** What kind of channel this is, or null when it does not exist. */
  channelKind(channel: string): 'public' | 'limited' | 'private' | null
  /** Verify a subscription token for (channel, user). */
  verifySubscriptionToken(token: string, channel: string, userId: number): boolean
}

export interface PubsubOptions {
  auth: PubsubAuth
  /** Every timer (pings, pong deadlines, token expiry) runs through it, so `advance` moves them. */
  clock: SandboxClock
  /** Seconds between server pings; sent to clients as `connect.ping`. Default 25 (Centrifugo's). */
  pingIntervalS?: number
  /** Seconds a client has to answer a ping before close 3012 "no pong". Default 8 (Centrifugo's). */
  pongTimeoutS?: number
  log?: (msg: string) => void
}

export interface ConnectionInfo {
  client: string
  userId: number
  channels: string[]
}

export interface PubsubServer {
  /** Attach to an existing Node http.Server at `path` (default `/connection/websocket`). */
  attach(server: Server, path?: string): void
  /** Push `data` as `pub.data` to every subscriber of `channel`; returns how many got it. */
  publish(channel: string, data: unknown): number
  /** Fault injection: close every connection with this WebSocket close code. */
  closeAll(code: number, reason: string): void
  /**
   * Fault injection: close each of the next `count` connections the same way as soon as its `connect`
   * succeeds (so a reconnecting client meets the fault again); `done` runs once they are used up.
   * Replaces any earlier pending closes; `count` 0 cancels them.
   */
  closeNext(count: number, code: number, reason: string, done?: () => void): void
  /** Fault injection: ignore client pongs, so connections end with 3012 "no pong". */
  dropPongs(enabled: boolean): void
  /** Send several replies/pushes in one frame separated by "\n" (as Centrifugo may). */
  setBatching(enabled: boolean): void
  /** Authenticated connections and their subscriptions. */
  connections(): ConnectionInfo[]
  /** Close every connection (3001 "shutdown") and stop accepting upgrades. */
  close(): Promise<void>
}
