/**
 * Serves the built renderer for the `app://livedeck/…` protocol: files under one root only (path
 * traversal, encoded or not, is refused), a content type from the extension, and the app's CSP on
 * every response. Plain Node so it is tested without Electron; `adapters/electron/protocols.ts`
 * only wires it to `protocol.handle`.
 */
import { readFile, stat } from 'node:fs/promises'
import { extname, isAbsolute, relative, resolve, sep } from 'node:path'

export const APP_SCHEME = 'app'
export const APP_HOST = 'livedeck'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

/** The renderer's Content-Security-Policy (also in src/renderer/index.html as a meta tag). */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' livedeck-img: data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join('; ')

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8'
}

const securityHeaders = {
  'content-security-policy': APP_CSP,
  'x-content-type-options': 'nosniff',
  'cross-origin-opener-policy': 'same-origin'
}

const refuse = (status: number): Response => new Response(null, { status, headers: securityHeaders })

/**
 * The file under `root` a request URL names, or null when the URL is not ours or leaves the root.
 * `/` maps to index.html.
 */
export function resolveAppFile(root: string, requestUrl: string): string | null {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return null
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null
  let path: string
  try {
    path = decodeURIComponent(url.pathname)
  } catch {
    return null
  }
  if (path.includes('\0') || path.includes('\\')) return null
  const base = resolve(root)
  const file = resolve(base, `.${path === '/' ? '/index.html' : path}`)
  const rel = relative(base, file)
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) return null
  return file
}

export function createAppFileResponder(root: string): (requestUrl: string) => Promise<Response> {
  return async (requestUrl) => {
    const file = resolveAppFile(root, requestUrl)
    if (file === null) return refuse(403)
    try {
      if (!(await stat(file)).isFile()) return refuse(404)
      const body = await readFile(file)
      const type = contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream'
      return new Response(new Uint8Array(body), { status: 200, headers: { ...securityHeaders, 'content-type': type } })
    } catch {
      return refuse(404)
    }
  }
}
