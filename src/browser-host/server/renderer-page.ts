/**
 * Serves the built renderer (`out/renderer`) over http for the browser host, through the same
 * root-confined file responder the Electron `app://` protocol uses. The entry page gets the per-run
 * bridge token as a `<meta>` and the bridge script ahead of the app's module script — no inline script,
 * so the renderer's CSP (`script-src 'self'`) holds unchanged.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { APP_ORIGIN, createAppFileResponder } from '../../main/services/app-protocol/app-files'
import { BRIDGE_SCRIPT_PATH, TOKEN_META } from '../../shared/browser-bridge/protocol'

/** Inserts the token meta and the bridge script before the page's first script (and so before the app). */
export function injectBridge(html: string, token: string): string {
  const tags = `<meta name="${TOKEN_META}" content="${token}">\n    <script src="${BRIDGE_SCRIPT_PATH}"></script>\n    `
  const at = html.search(/<script\b/i)
  if (at < 0) throw new Error('renderer index.html has no <script>: is out/renderer built?')
  return html.slice(0, at) + tags + html.slice(at)
}

export function createRendererPage(options: { readonly rendererDir: string; readonly token: string; readonly bridgeScript: string }) {
  const respond = createAppFileResponder(options.rendererDir)

  return async function serveRenderer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://host.invalid').pathname
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end()
      return
    }
    if (path === BRIDGE_SCRIPT_PATH) {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' })
      res.end(options.bridgeScript)
      return
    }
    const isEntry = path === '/' || path === '/index.html'
    const response = await respond(`${APP_ORIGIN}${isEntry ? '/index.html' : path}`)
    const headers = Object.fromEntries(response.headers)
    let body = Buffer.from(await response.arrayBuffer())
    if (isEntry && response.ok) {
      body = Buffer.from(injectBridge(body.toString('utf8'), options.token))
      // The token is per run: the page must never come from a cache.
      headers['cache-control'] = 'no-store'
    }
    headers['content-length'] = String(body.length)
    res.writeHead(response.status, headers)
    res.end(req.method === 'HEAD' ? undefined : body)
  }
}
