/**
 * The live chat's websocket: the official `centrifuge` client (VK runs Centrifugo v4, reference §8)
 * with `ws` as its WebSocket. Tokens come from DevAPI: the connection JWT from `/v1/websocket/token`,
 * subscription JWTs for limited/private channels from `/v1/websocket/subscription_token` (a channel VK
 * gives no token for is simply not subscribed).
 *
 * Reconnects: centrifuge backs off and honours close codes (3000–3499 reconnect, ≥ 3500 stop). Every
 * reconnect fetches a fresh connection token, since a stale one is the usual reason for a drop.
 */
import { Centrifuge, State, type Subscription } from 'centrifuge'
import WebSocket from 'ws'
import type { Logger } from '../../../ports/logger'
import type { VkApiClient } from '../api-client'
import { subscriptionTokensSchema, wsTokenSchema } from '../schemas'

export interface PubsubLinkDeps {
  readonly url: string
  readonly api: VkApiClient
  readonly logger: Logger
  /** Channels subscribed without a token. */
  readonly publicChannels: readonly string[]
  /** Channels that need a subscription token (limited_*, private_*). */
  readonly tokenChannels: readonly string[]
  readonly onPublication: (channel: string, data: unknown) => void
  readonly onConnected: () => void
  /** Lost the connection; `willReconnect` false for codes ≥ 3500 (or after stop). */
  readonly onDisconnected: (code: number, willReconnect: boolean) => void
  readonly minReconnectDelayMs?: number
  readonly maxReconnectDelayMs?: number
}

export interface PubsubLink {
  start(): Promise<void>
  stop(): void
}

export function createPubsubLink(deps: PubsubLinkDeps): PubsubLink {
  let client: Centrifuge | null = null
  const subs: Subscription[] = []

  const connectionToken = async (): Promise<string> =>
    (await deps.api.call({ method: 'GET', path: '/v1/websocket/token', schema: wsTokenSchema })).data.token

  const subscriptionTokens = async (channels: readonly string[]): Promise<Map<string, string>> => {
    if (channels.length === 0) return new Map()
    const { data } = await deps.api.call({
      method: 'GET',
      path: '/v1/websocket/subscription_token',
      query: { channels: channels.join(',') },
      schema: subscriptionTokensSchema
    })
    return new Map((data.channel_tokens ?? []).map((t) => [t.channel, t.token]))
  }

  const subscribe = (c: Centrifuge, channel: string, getToken?: () => Promise<string>): void => {
    const sub = c.newSubscription(channel, getToken ? { getToken } : {})
    sub.on('publication', (ctx) => deps.onPublication(channel, ctx.data))
    sub.on('error', (ctx) => deps.logger.warn('VK pubsub subscription error', { channel, code: ctx.error.code }))
    sub.subscribe()
    subs.push(sub)
  }

  return {
    async start() {
      const tokens = await subscriptionTokens(deps.tokenChannels)
      const c = new Centrifuge(deps.url, {
        websocket: WebSocket,
        getToken: connectionToken,
        name: 'livedeck',
        minReconnectDelay: deps.minReconnectDelayMs ?? 500,
        maxReconnectDelay: deps.maxReconnectDelayMs ?? 20_000
      })
      client = c
      c.on('connecting', (ctx) => {
        // 0 = the first connect; anything else is a reconnect: fetch a new token for it.
        if (ctx.code !== 0) c.setToken('')
      })
      c.on('connected', () => deps.onConnected())
      c.on('disconnected', (ctx) => deps.onDisconnected(ctx.code, false))
      c.on('state', (ctx) => {
        if (ctx.oldState === State.Connected && ctx.newState === State.Connecting) deps.onDisconnected(0, true)
      })
      c.on('error', (ctx) => deps.logger.warn('VK pubsub error', { type: ctx.type, code: ctx.error.code }))
      for (const channel of deps.publicChannels) subscribe(c, channel)
      for (const [channel, first] of tokens) {
        let token: string | null = first
        subscribe(c, channel, async () => {
          // The first token was fetched with the others; later ones (expiry) one at a time.
          if (token !== null) {
            const t = token
            token = null
            return t
          }
          return (await subscriptionTokens([channel])).get(channel) ?? ''
        })
      }
      c.connect()
    },
    stop() {
      for (const s of subs.splice(0)) s.removeAllListeners()
      const c = client
      client = null
      if (c) {
        c.removeAllListeners()
        c.disconnect()
      }
    }
  }
}
