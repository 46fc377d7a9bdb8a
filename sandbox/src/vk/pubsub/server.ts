/**
 * The VK Video Live pubsub server: Centrifugo v4, client protocol v2, JSON, over `ws` attached to an
 * existing HTTP server. No server library exists on npm, so this is a small one; the VK simulator
 * supplies token checks and channel kinds through `PubsubAuth` and calls `publish`.
 */
import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import { PubsubConnection, type ConnectionDeps } from './connection'
import { DisconnectCode } from './protocol'
import type { ConnectionInfo, PubsubOptions, PubsubServer } from './types'

type UpgradeListener = (req: IncomingMessage, socket: Duplex, head: Buffer) => void

export const PUBSUB_PATH = '/connection/websocket'
/** Reported as `connect.version`; VK's real value is unknown (reference §8.2). */
const SERVER_VERSION = 'livedeck-sandbox (centrifugo v4, protocol v2)'
/** How long close() waits for a client to answer the close frame before cutting the socket. */
const CLOSE_GRACE_MS = 1000

export function createPubsubServer(options: PubsubOptions): PubsubServer {
  const log = options.log ?? (() => {})
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 })
  const live = new Map<WebSocket, PubsubConnection>()
  const attached: Array<{ server: Server; listener: UpgradeListener }> = []
  let batching = false
  let droppingPongs = false
  let pendingCloses: { remaining: number; code: number; reason: string; done?: () => void } | undefined

  const deps: ConnectionDeps = {
    auth: options.auth,
    clock: options.clock,
    pingIntervalS: options.pingIntervalS ?? 25,
    pongTimeoutS: options.pongTimeoutS ?? 8,
    version: SERVER_VERSION,
    batching: () => batching,
    droppingPongs: () => droppingPongs,
    connected: (connection) => {
      if (!pendingCloses) return
      const pending = pendingCloses
      pending.remaining -= 1
      if (pending.remaining <= 0) {
        pendingCloses = undefined
        pending.done?.()
      }
      connection.disconnect({ code: pending.code, reason: pending.reason })
    },
    log
  }

  const accept = (ws: WebSocket, query: URLSearchParams): void => {
    const connection = new PubsubConnection(ws, deps)
    live.set(ws, connection)
    ws.on('close', () => live.delete(ws))
    ws.on('error', (err) => log(`socket error: ${err.message}`))
    const problem = queryProblem(query)
    if (problem !== undefined) {
      // Reference §10.4: refuse rather than speak protocol v1, so a client that forgot the
      // parameter fails visibly. 3501 is terminal: the client must not retry as is.
      log(`refused connection, ${problem}`)
      connection.disconnect({ code: DisconnectCode.badRequest.code, reason: `bad request: ${problem}` })
    }
  }

  const onUpgrade = (server: Server, path: string): UpgradeListener => (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://sandbox.invalid')
    if (url.pathname !== path) {
      // Another upgrade handler may own this path; answer only when nobody else can.
      if (server.listenerCount('upgrade') === 1) refuseUpgrade(socket, 404, 'Not Found')
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws, url.searchParams))
  }

  const closeEvery = (code: number, reason: string): void => {
    for (const connection of live.values()) connection.disconnect({ code, reason })
  }

  return {
    attach(server, path = PUBSUB_PATH) {
      const listener = onUpgrade(server, path)
      server.on('upgrade', listener)
      attached.push({ server, listener })
    },
    publish(channel, data) {
      let delivered = 0
      for (const connection of live.values()) {
        if (!connection.isSubscribed(channel)) continue
        connection.push(channel, data)
        delivered++
      }
      return delivered
    },
    closeAll: closeEvery,
    closeNext(count, code, reason, done) {
      pendingCloses = count > 0 ? { remaining: count, code, reason, done } : undefined
    },
    dropPongs(enabled) {
      droppingPongs = enabled
    },
    setBatching(enabled) {
      batching = enabled
    },
    connections() {
      return [...live.values()].map((c) => c.info()).filter((i): i is ConnectionInfo => i !== undefined)
    },
    async close() {
      for (const { server, listener } of attached.splice(0)) server.off('upgrade', listener)
      const sockets = [...live.keys()]
      closeEvery(DisconnectCode.shutdown.code, DisconnectCode.shutdown.reason)
      await Promise.all(sockets.map(waitClosed))
      await new Promise<void>((resolve) => wss.close(() => resolve()))
    }
  }
}

/** Why the query does not select the JSON protocol v2 that VK serves, or undefined when it does. */
function queryProblem(query: URLSearchParams): string | undefined {
  if (query.get('cf_protocol_version') !== 'v2') return 'cf_protocol_version=v2 required'
  if (query.get('format') !== 'json') return 'format=json required'
  return undefined
}

function refuseUpgrade(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
}

/** Resolve once the socket is closed; cut it if the peer does not finish the close handshake. */
function waitClosed(ws: WebSocket): Promise<void> {
  if (ws.readyState === ws.CLOSED) return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(() => ws.terminate(), CLOSE_GRACE_MS)
    ws.once('close', () => {
      clearTimeout(timer)
      resolve()
    })
  })
}
