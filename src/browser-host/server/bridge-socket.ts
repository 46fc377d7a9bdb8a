/**
 * The host end of the bridge: accepts the page's WebSocket (after `checkUpgrade`), runs its invokes
 * through the same IPC router Electron uses, forwards every main → renderer event, and carries the
 * host's requests to the page (clipboard, tabs, notifications).
 */
import type { Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import { z } from 'zod'
import type { EventHub } from '../../main/ipc/events'
import type { IpcRouter, SenderInfo } from '../../main/ipc/router'
import type { Logger } from '../../main/ports/logger'
import { BRIDGE_PROTOCOL, decodeMessage, encodeMessage, type HostMessage } from '../../shared/browser-bridge/protocol'
import type { PageLink } from './page-link'
import { checkUpgrade, type UpgradeExpectation } from './upgrade-guard'

/**
 * Largest frame the page may send; bounds a hostile page. The biggest legitimate one is a Kuaishou cover
 * (≤ 2,000,000 bytes, base64 in JSON ≈ 2.7 MB).
 */
const MAX_FRAME = 4 * 1024 * 1024

const pageMessage = z.discriminatedUnion('t', [
  z.object({ t: z.literal('invoke'), id: z.number().int().nonnegative(), channel: z.string().max(128), input: z.unknown().optional() }),
  z.object({ t: z.literal('reply'), id: z.number().int().nonnegative(), ok: z.boolean() })
])

export interface BridgeSocketOptions {
  readonly expect: UpgradeExpectation
  readonly router: IpcRouter
  readonly events: EventHub
  readonly link: PageLink
  readonly logger: Logger
}

function refuse(socket: Duplex): void {
  socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
  socket.destroy()
}

export function attachBridgeSocket(server: Server, options: BridgeSocketOptions): { close(): void } {
  const { expect, router, events, link, logger } = options
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_FRAME,
    // Answer with the bridge protocol only; the token subprotocol is never echoed back.
    handleProtocols: (protocols) => (protocols.has(BRIDGE_PROTOCOL) ? BRIDGE_PROTOCOL : false)
  })
  // The page is the host's own top-level page: the same sender Electron's policy accepts.
  const sender: SenderInfo = { url: `${expect.origin}/`, isTopFrame: true, webContentsId: null }

  const onUpgrade = (req: Parameters<typeof checkUpgrade>[0], socket: Duplex, head: Buffer): void => {
    const verdict = checkUpgrade(req, expect)
    if (!verdict.ok) {
      logger.warn('bridge upgrade refused', { reason: verdict.reason })
      return refuse(socket)
    }
    wss.handleUpgrade(req, socket, head, (ws) => serve(ws))
  }

  const serve = (ws: WebSocket): void => {
    const send = (message: HostMessage): void => {
      if (ws.readyState === ws.OPEN) ws.send(encodeMessage(message))
    }
    const page = { send: (id: number, request: Parameters<typeof link.request>[0]) => send({ t: 'request', id, request }) }
    const detach = link.attach(page)
    const unsubscribe = events.subscribe((name, payload) => send({ t: 'event', name, payload }))

    ws.on('message', (data, isBinary) => {
      const parsed = isBinary || !Buffer.isBuffer(data) ? null : pageMessage.safeParse(safeDecode(data.toString('utf8')))
      if (!parsed?.success) {
        logger.warn('bridge frame refused')
        return ws.close(1008, 'bad frame')
      }
      const message = parsed.data
      if (message.t === 'reply') return link.reply(page, message.id, message.ok)
      void router.dispatch(message.channel, message.input, sender).then((result) => send({ t: 'result', id: message.id, result }))
    })
    // An oversize or malformed frame: ws closes the socket itself; without a listener the error would
    // be thrown and take the whole host down.
    ws.on('error', (error) => logger.warn('bridge socket error', { code: (error as { code?: string }).code ?? 'unknown' }))
    ws.on('close', () => {
      unsubscribe()
      detach()
    })
  }

  server.on('upgrade', onUpgrade)
  return {
    close() {
      server.off('upgrade', onUpgrade)
      for (const ws of wss.clients) ws.terminate()
      wss.close()
    }
  }
}

function safeDecode(text: string): unknown {
  try {
    return decodeMessage(text)
  } catch {
    return null
  }
}
