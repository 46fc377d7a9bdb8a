/**
 * Kuaishou lives and their lifecycle (reference §5.1, §6, §8.5): `pushUrls` mints a single-use push URL
 * (LIVE_NOT_START); the first publish with media makes it LIVING; `stopPush` ends it and drops the
 * encoder; an encoder gone longer than the grace period (sandbox clock) ends it by itself. LIVE_END is
 * terminal. A URL unused for its lifetime (2 days) reads LIVE_END and is refused by the ingest.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { SandboxClock, TimerHandle } from '../core/clock'

export type LiveStatus = 'LIVE_NOT_START' | 'LIVING' | 'LIVE_END'

export const STATUS_MSG = {
  stopped: '主播已关播',
  autoClosed: '推流中断超时,自动关播',
  expired: '推流地址已过期'
} as const

export interface LiveSettings {
  caption: string
  panoramic: number
  shopLive: boolean
  liveSceneType: number | undefined
  deviceName: string | undefined
  cover: { filename: string; size: number }
}

export interface Live {
  name: string
  sign: string
  appId: string
  openId: string
  createdAt: number
  expiresAt: number
  status: LiveStatus
  statusMsg: string
  settings: LiveSettings | undefined
  /** Publishes accepted for this URL. */
  publishes: number
  /** Drops the current publish's connection, when one is up. */
  drop: (() => void) | undefined
  grace: TimerHandle | undefined
}

export const STREAM_NAME = /^[A-Za-z0-9_-]{11}$/

const NAME_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'

function newStreamName(): string {
  return [...randomBytes(11)].map((b) => NAME_CHARS[b % NAME_CHARS.length]).join('')
}

export class KuaishouLives {
  private lives = new Map<string, Live>()
  private readonly signKey = randomBytes(16).toString('hex')

  constructor(
    private readonly clock: SandboxClock,
    private readonly timing: () => { pushUrlTtlS: number; graceMs: number }
  ) {}

  /** Push URL shape (§5.6): `rtmp://<host>/gifshow/<name>?sign=<8 hex>-<32 hex>`. */
  mint(appId: string, openId: string, settings: LiveSettings | undefined): Live {
    let name = newStreamName()
    while (this.lives.has(name)) name = newStreamName()
    const createdAt = this.clock.now()
    const stamp = Math.floor(createdAt / 1000).toString(16).padStart(8, '0').slice(-8)
    const digest = createHash('md5').update(`${name}-${stamp}-${this.signKey}`).digest('hex')
    const live: Live = {
      name,
      sign: `${stamp}-${digest}`,
      appId,
      openId,
      createdAt,
      expiresAt: createdAt + this.timing().pushUrlTtlS * 1000,
      status: 'LIVE_NOT_START',
      statusMsg: '',
      settings,
      publishes: 0,
      drop: undefined,
      grace: undefined
    }
    this.lives.set(name, live)
    return live
  }

  /** A fixture live owned by someone else (400013), never published. */
  addFixture(name: string, appId: string, openId: string): void {
    const live = this.mint(appId, openId, undefined)
    this.lives.delete(live.name)
    this.lives.set(name, { ...live, name })
  }

  get(name: string): Live | undefined {
    const live = this.lives.get(name)
    if (live && live.status === 'LIVE_NOT_START' && this.clock.now() >= live.expiresAt) this.end(live, STATUS_MSG.expired)
    return live
  }

  list(): Live[] {
    return [...this.lives.keys()].map((name) => this.get(name)!)
  }

  end(live: Live, statusMsg: string): void {
    if (live.status === 'LIVE_END') return
    live.status = 'LIVE_END'
    live.statusMsg = statusMsg
    live.grace?.cancel()
    live.grace = undefined
    const drop = live.drop
    live.drop = undefined
    drop?.()
  }

  /** The first media of a publish opens the live room. */
  mediaArrived(live: Live): void {
    if (live.status === 'LIVE_NOT_START' && this.isCurrent(live)) live.status = 'LIVING'
  }

  /** The encoder's connection closed: the live ends unless it comes back within the grace period. */
  publishGone(live: Live): void {
    live.drop = undefined
    // A live forgotten by `reset` (its socket closes just after) needs no grace timer.
    if (live.status === 'LIVE_END' || !this.isCurrent(live)) return
    live.grace?.cancel()
    live.grace = this.clock.setTimeout(() => {
      live.grace = undefined
      this.end(live, STATUS_MSG.autoClosed)
    }, this.timing().graceMs)
  }

  private isCurrent(live: Live): boolean {
    return this.lives.get(live.name) === live
  }

  reset(): void {
    for (const live of this.lives.values()) {
      live.grace?.cancel()
      live.drop?.()
    }
    this.lives.clear()
  }
}
