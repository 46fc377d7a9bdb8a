/**
 * Centrifugo v4 client protocol v2, JSON format: the command shapes a client may send, the error and
 * disconnect codes, and the reply/push shapes the server sends. Field names follow Centrifugo's
 * `client.proto` (protocol v2); see the reference §8.2.
 */
import { z } from 'zod'

/** Client error codes, sent in `{"id":N,"error":{code,message}}` replies. */
export const ErrorCode = {
  unauthorized: { code: 101, message: 'unauthorized' },
  unknownChannel: { code: 102, message: 'unknown channel' },
  permissionDenied: { code: 103, message: 'permission denied' },
  methodNotFound: { code: 104, message: 'method not found' },
  alreadySubscribed: { code: 105, message: 'already subscribed' },
  badRequest: { code: 107, message: 'bad request' },
  notAvailable: { code: 108, message: 'not available' },
  tokenExpired: { code: 109, message: 'token expired' }
} as const
export type ProtocolError = (typeof ErrorCode)[keyof typeof ErrorCode]

/** WebSocket close codes: 3000–3499 ask the client to reconnect, 3500 and above ask it not to. */
export const DisconnectCode = {
  shutdown: { code: 3001, reason: 'shutdown' },
  forceReconnect: { code: 3011, reason: 'force reconnect' },
  expired: { code: 3005, reason: 'connection expired' },
  noPong: { code: 3012, reason: 'no pong' },
  invalidToken: { code: 3500, reason: 'invalid token' },
  badRequest: { code: 3501, reason: 'bad request' }
} as const
export type Disconnect = { code: number; reason: string }

// Request bodies. Plain (non-strict) objects: like Centrifugo's JSON decoder, unknown fields that
// newer clients add (e.g. `flag`, `headers`) are ignored, but known fields must have the right type.
const connectRequest = z.object({
  token: z.string().optional(),
  data: z.unknown().optional(),
  subs: z.record(z.string(), z.unknown()).optional(),
  name: z.string().optional(),
  version: z.string().optional()
})
const channelRequest = z.object({ channel: z.string() })
const subscribeRequest = channelRequest.extend({
  token: z.string().optional(),
  recover: z.boolean().optional(),
  offset: z.number().int().nonnegative().optional(),
  epoch: z.string().optional(),
  data: z.unknown().optional()
})
const tokenRequest = z.object({ token: z.string() })
const subRefreshRequest = channelRequest.extend({ token: z.string() })
const anyRequest = z.record(z.string(), z.unknown())

/** One command. Protocol v2: an `id` and (at most) one request field named after the method. */
export const commandSchema = z.object({
  id: z.number().int().nonnegative().max(0xffffffff).optional(),
  connect: connectRequest.optional(),
  subscribe: subscribeRequest.optional(),
  unsubscribe: channelRequest.optional(),
  refresh: tokenRequest.optional(),
  sub_refresh: subRefreshRequest.optional(),
  publish: anyRequest.optional(),
  presence: anyRequest.optional(),
  presence_stats: anyRequest.optional(),
  history: anyRequest.optional(),
  rpc: anyRequest.optional(),
  send: anyRequest.optional(),
  ping: anyRequest.optional()
})
export type Command = z.infer<typeof commandSchema>
export type Method = Exclude<keyof Command, 'id'>

export const methods: readonly Method[] = [
  'connect', 'subscribe', 'unsubscribe', 'refresh', 'sub_refresh', 'publish',
  'presence', 'presence_stats', 'history', 'rpc', 'send', 'ping'
]

/** The methods present in a command (a valid command has exactly one; an empty one is a pong). */
export function methodsOf(command: Command): Method[] {
  return methods.filter((m) => command[m] !== undefined)
}

// What the server sends.
export interface ConnectResult {
  client: string
  version: string
  ping: number
  pong: true
  expires?: true
  ttl?: number
}
export interface RefreshResult {
  client: string
  version: string
  expires?: true
  ttl?: number
}
export type Reply =
  | { id: number; error: ProtocolError }
  | { id: number; connect: ConnectResult }
  | { id: number; refresh: RefreshResult }
  | { id: number; subscribe: Record<string, never> }
  | { id: number; unsubscribe: Record<string, never> }
  | { id: number; sub_refresh: Record<string, never> }
  | { id: number; ping: Record<string, never> }
export interface PublicationPush {
  push: { channel: string; pub: { data: unknown } }
}
/** The server's ping is an empty object; the client's pong is one too. */
export type Ping = Record<string, never>
export type ServerMessage = Reply | PublicationPush | Ping
