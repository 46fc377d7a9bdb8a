/**
 * One client connection: the protocol v2 state machine (connect first, then subscribe/unsubscribe/
 * refresh…), server pings with pong deadlines, and connection-token expiry. Errors follow Centrifugo:
 * a command the server can answer gets an error reply; a malformed frame or a protocol violation
 * closes the socket with 3501 "bad request".
 */
import { randomUUID } from 'node:crypto'
import type WebSocket from 'ws'
import type { TimerHandle } from '../../core/clock'
import { createOutbox, type Outbox } from './outbox'
import {
  commandSchema, DisconnectCode, ErrorCode, methodsOf,
  type Command, type Disconnect, type ProtocolError, type Reply
} from './protocol'
import type { ConnectionInfo, PubsubOptions } from './types'

export interface ConnectionDeps {
  auth: PubsubOptions['auth']
  clock: PubsubOptions['clock']
  pingIntervalS: number
  pongTimeoutS: number
  version: string
  batching(): boolean
  droppingPongs(): boolean
  /** Told once a `connect` succeeded (the server may close it at once: an injected `wsClose` count). */
  connected(connection: PubsubConnection): void
  log(msg: string): void
}

type Session = { client: string; userId: number }
type Handler = (id: number, command: Command) => void

export class PubsubConnection {
  private readonly out: Outbox
  private session: Session | undefined
  private readonly channels = new Set<string>()
  private pingTimer: TimerHandle | undefined
  private pongTimer: TimerHandle | undefined
  private expiryTimer: TimerHandle | undefined
  private closed = false

  constructor(
    private readonly ws: WebSocket,
    private readonly deps: ConnectionDeps
  ) {
    this.out = createOutbox(ws, () => deps.batching())
    ws.on('message', (data, isBinary) => this.onFrame(data, isBinary))
    ws.on('close', () => this.stopTimers())
  }

  /** Undefined until connected and once closing. */
  info(): ConnectionInfo | undefined {
    if (!this.session || this.closed) return undefined
    return { client: this.session.client, userId: this.session.userId, channels: [...this.channels] }
  }

  isSubscribed(channel: string): boolean {
    return !this.closed && this.channels.has(channel)
  }

  push(channel: string, data: unknown): void {
    this.out.send({ push: { channel, pub: { data } } })
  }

  disconnect(d: Disconnect): void {
    if (this.closed) return
    this.closed = true
    this.stopTimers()
    this.out.flush()
    this.deps.log(`client ${this.session?.client ?? '(not connected)'}: close ${d.code} ${d.reason}`)
    this.ws.close(d.code, d.reason)
  }

  // ---- frames -----------------------------------------------------------------------------------

  private onFrame(data: WebSocket.RawData, isBinary: boolean): void {
    // JSON protocol: text frames only.
    if (isBinary) return this.disconnect(DisconnectCode.badRequest)
    // One frame may carry several commands, one per line.
    for (const line of rawToString(data).split('\n')) {
      if (this.closed) return
      if (line.trim() === '') continue
      const command = parseCommand(line)
      if (command === undefined) return this.disconnect(DisconnectCode.badRequest)
      this.onCommand(command)
    }
  }

  private onCommand(command: Command): void {
    const found = methodsOf(command)
    const id = command.id ?? 0
    if (found.length === 0 && id === 0) return this.onPong()
    if (found.length > 1) return this.disconnect(DisconnectCode.badRequest)
    const method = found[0]
    // `send` is fire-and-forget: no id, no reply, and nothing here handles it.
    if (method === 'send') return
    if (id === 0) return this.disconnect(DisconnectCode.badRequest)
    // Connect must come first, and only once.
    const connected = this.session !== undefined
    if (method === 'connect' ? connected : !connected) return this.disconnect(DisconnectCode.badRequest)
    if (method === undefined) return this.replyError(id, ErrorCode.methodNotFound)
    this.handlers[method](id, command)
  }

  private readonly handlers: Record<Exclude<keyof Command, 'id' | 'send'>, Handler> = {
    connect: (id, c) => this.onConnect(id, c.connect?.token ?? ''),
    subscribe: (id, c) => this.onSubscribe(id, c.subscribe!.channel, c.subscribe!.token),
    unsubscribe: (id, c) => this.onUnsubscribe(id, c.unsubscribe!.channel),
    refresh: (id, c) => this.onRefresh(id, c.refresh!.token),
    sub_refresh: (id, c) => this.onSubRefresh(id, c.sub_refresh!.channel, c.sub_refresh!.token),
    // GUESS: VK gives clients no publish rights, no history or presence, and no RPC.
    publish: (id) => this.replyError(id, ErrorCode.permissionDenied),
    presence: (id) => this.replyError(id, ErrorCode.notAvailable),
    presence_stats: (id) => this.replyError(id, ErrorCode.notAvailable),
    history: (id) => this.replyError(id, ErrorCode.notAvailable),
    rpc: (id) => this.replyError(id, ErrorCode.methodNotFound),
    ping: (id) => this.reply({ id, ping: {} })
  }

  // ---- commands ---------------------------------------------------------------------------------

  private onConnect(id: number, token: string): void {
    const verdict = this.deps.auth.verifyConnectionToken(token)
    // An expired token gets 109 and the connection stays open: the client fetches a new token.
    if (!verdict.ok && verdict.reason === 'expired') return this.replyError(id, ErrorCode.tokenExpired)
    if (!verdict.ok) {
      this.replyError(id, ErrorCode.unauthorized)
      return this.disconnect(DisconnectCode.invalidToken)
    }
    const session = { client: randomUUID(), userId: verdict.userId }
    this.session = session
    const expiry = this.armExpiry(verdict.expiresAtS)
    this.startPings()
    this.deps.log(`client ${session.client}: connected as user ${session.userId}`)
    this.reply({
      id,
      connect: { client: session.client, version: this.deps.version, ping: this.deps.pingIntervalS, pong: true, ...expiry }
    })
    this.deps.connected(this)
  }

  private onSubscribe(id: number, channel: string, token: string | undefined): void {
    if (channel === '') return this.disconnect(DisconnectCode.badRequest)
    if (this.channels.has(channel)) return this.replyError(id, ErrorCode.alreadySubscribed)
    const kind = this.deps.auth.channelKind(channel)
    if (kind === null) return this.replyError(id, ErrorCode.unknownChannel)
    if (!this.mayJoin(kind, channel, token)) return this.replyError(id, ErrorCode.permissionDenied)
    this.channels.add(channel)
    this.reply({ id, subscribe: {} })
  }

  /** Public channels are open; limited and private ones need a subscription token for this user. */
  private mayJoin(kind: 'public' | 'limited' | 'private', channel: string, token: string | undefined): boolean {
    if (token !== undefined && token !== '') {
      return this.deps.auth.verifySubscriptionToken(token, channel, this.session!.userId)
    }
    return kind === 'public'
  }

  private onUnsubscribe(id: number, channel: string): void {
    // Unsubscribing from a channel one is not in is not an error in Centrifugo.
    this.channels.delete(channel)
    this.reply({ id, unsubscribe: {} })
  }

  private onRefresh(id: number, token: string): void {
    const verdict = this.deps.auth.verifyConnectionToken(token)
    if (!verdict.ok && verdict.reason === 'expired') return this.replyError(id, ErrorCode.tokenExpired)
    if (!verdict.ok || verdict.userId !== this.session!.userId) return this.disconnect(DisconnectCode.invalidToken)
    const expiry = this.armExpiry(verdict.expiresAtS)
    this.reply({ id, refresh: { client: this.session!.client, version: this.deps.version, ...expiry } })
  }

  private onSubRefresh(id: number, channel: string, token: string): void {
    const ok = this.channels.has(channel) && this.deps.auth.verifySubscriptionToken(token, channel, this.session!.userId)
    if (!ok) return this.replyError(id, ErrorCode.permissionDenied)
    this.reply({ id, sub_refresh: {} })
  }

  // ---- ping/pong and expiry ---------------------------------------------------------------------

  private startPings(): void {
    this.pingTimer = this.deps.clock.setInterval(() => this.ping(), this.deps.pingIntervalS * 1000)
  }

  private ping(): void {
    // One ping outstanding at a time. In real time the pong deadline (8 s) ends before the next ping
    // (25 s) is due; a large clock advance fires many ticks at once and must not flood the client.
    if (this.pongTimer !== undefined) return
    this.out.send({})
    this.pongTimer = this.deps.clock.setTimeout(() => {
      this.pongTimer = undefined
      this.disconnect(DisconnectCode.noPong)
    }, this.deps.pongTimeoutS * 1000)
  }

  private onPong(): void {
    if (this.session === undefined) return
    if (this.deps.droppingPongs()) return this.deps.log(`client ${this.session.client}: pong dropped (fault)`)
    this.pongTimer?.cancel()
    this.pongTimer = undefined
  }

  /** Schedule the close for a token with an expiry; returns the `expires`/`ttl` reply fields. */
  private armExpiry(expiresAtS: number | undefined): { expires?: true; ttl?: number } {
    this.expiryTimer?.cancel()
    this.expiryTimer = undefined
    if (expiresAtS === undefined) return {}
    const leftMs = expiresAtS * 1000 - this.deps.clock.now()
    this.expiryTimer = this.deps.clock.setTimeout(() => this.disconnect(DisconnectCode.expired), leftMs)
    return { expires: true, ttl: Math.max(1, Math.ceil(leftMs / 1000)) }
  }

  private stopTimers(): void {
    this.closed = true
    for (const t of [this.pingTimer, this.pongTimer, this.expiryTimer]) t?.cancel()
    this.pingTimer = this.pongTimer = this.expiryTimer = undefined
  }

  // ---- replies ----------------------------------------------------------------------------------

  private reply(reply: Reply): void {
    this.out.send(reply)
  }

  private replyError(id: number, error: ProtocolError): void {
    this.reply({ id, error })
  }
}

function parseCommand(line: string): Command | undefined {
  let json: unknown
  try {
    json = JSON.parse(line)
  } catch {
    return undefined
  }
  const parsed = commandSchema.safeParse(json)
  return parsed.success ? parsed.data : undefined
}

function rawToString(data: WebSocket.RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8')
  if (Buffer.isBuffer(data)) return data.toString('utf8')
  return Buffer.from(data).toString('utf8')
}
