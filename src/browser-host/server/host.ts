/**
 * `startBrowserHost`: the dev/test web host. An HTTP server on 127.0.0.1 serving the built renderer
 * with the bridge injected, the bridge WebSocket, the OAuth callback route and platform images under
 * `/livedeck-img/img/` (the same image service as Electron's `livedeck-img:` protocol) — in front of the
 * same router and services as Electron (built by `createApp` with the web adapters).
 */
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { EventHub } from '../../main/ipc/events'
import { createRouter, type Handlers } from '../../main/ipc/router'
import { createAppSenderPolicy } from '../../main/ipc/sender-policy'
import type { Logger } from '../../main/ports/logger'
import type { ImageService } from '../../main/services/images/image-service'
import { serveImage } from './image-route'
import { createBrowserHostAuthWindow, type BrowserHostAuthWindow } from './auth-window'
import { attachBridgeSocket } from './bridge-socket'
import { bundleBridge } from './bridge-script'
import { CALLBACK_PREFIX, handleOAuthCallback } from './oauth-callback'
import { createPageAdapters, type PageAdapters } from './page-adapters'
import { createPageLink } from './page-link'
import { createRendererPage } from './renderer-page'

/** What the host needs from the main app: the handlers to route to and the events to forward. */
export interface HostedApp {
  readonly handlers: Handlers
  readonly events: EventHub
  /** Answers the image URLs main hands out on this host (`HOST_IMAGE_BASE`). */
  readonly images: ImageService
  dispose(): Promise<void>
}

/** The web implementations of the ports that need a screen, handed to `createApp`. */
export interface WebAdapters extends PageAdapters {
  readonly authWindow: BrowserHostAuthWindow
  /** `http://127.0.0.1:<port>/` */
  readonly webUrl: string
}

export interface BrowserHostOptions {
  /** The built renderer (`out/renderer`). */
  readonly rendererDir: string
  /** 0 (default) picks a free port. */
  readonly port?: number
  readonly logger: Logger
  readonly createApp: (web: WebAdapters) => Promise<HostedApp>
}

export interface RunningBrowserHost {
  /** `http://127.0.0.1:<port>/` */
  readonly url: string
  close(): Promise<void>
}

const HOST = '127.0.0.1'

export async function startBrowserHost(options: BrowserHostOptions): Promise<RunningBrowserHost> {
  const { logger } = options
  const token = randomBytes(32).toString('hex')
  const bridgeScript = await bundleBridge()
  let route: (req: IncomingMessage, res: ServerResponse) => Promise<void> = (_req, res) =>
    Promise.resolve(void res.writeHead(503).end())

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      logger.error('browser host request failed', { error: error instanceof Error ? error.message : String(error) })
      if (!res.headersSent) res.writeHead(500)
      res.end()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, HOST, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  const origin = `http://${HOST}:${port}`
  const webUrl = `${origin}/`

  const link = createPageLink()
  const authWindow = createBrowserHostAuthWindow({ link, callbackUrl: (platform) => `${origin}${CALLBACK_PREFIX}${platform}` })
  const adapters = createPageAdapters(link, (error) =>
    logger.warn('notification not delivered', { error: error instanceof Error ? error.message : String(error) })
  )
  let app: HostedApp
  try {
    app = await options.createApp({ ...adapters, authWindow, webUrl })
  } catch (error) {
    server.close()
    throw error
  }

  const router = createRouter(app.handlers, createAppSenderPolicy({ origins: [origin] }), logger)
  const bridge = attachBridgeSocket(server, { expect: { origin, host: `${HOST}:${port}`, token }, router, events: app.events, link, logger })
  const serveRenderer = createRendererPage({ rendererDir: options.rendererDir, token, bridgeScript })
  route = async (req, res) => {
    // DNS rebinding: a foreign name resolving to 127.0.0.1 must not get the page (and its token).
    if (req.headers.host !== `${HOST}:${port}`) return void res.writeHead(421, { 'content-type': 'text/plain' }).end('misdirected request')
    if (await handleOAuthCallback(req, res, { origin, authWindow })) return
    if (await serveImage(req, res, app.images)) return
    await serveRenderer(req, res)
  }

  return {
    url: webUrl,
    async close() {
      bridge.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await app.dispose()
    }
  }
}
