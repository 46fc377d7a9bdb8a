/**
 * The host's OAuth callback route, `/oauth/callback/<platform>`. Code flows carry `?code=…` and are
 * complete on the GET. Implicit flows put the token in the `#fragment`, which never reaches a server:
 * the callback page's script (no inline scripts under the CSP) POSTs the fragment back to the same
 * path and wipes it from the address bar.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { BrowserHostAuthWindow } from './auth-window'

export const CALLBACK_PREFIX = '/oauth/callback/'
export const CALLBACK_SCRIPT_PATH = '/oauth/callback.js'

const platforms = ['vk', 'kuaishou'] as const
type AuthPlatform = (typeof platforms)[number]
const MAX_FRAGMENT = 8192

const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Livedeck</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<script src="${CALLBACK_SCRIPT_PATH}"></script></head>
<body style="font-family:system-ui,sans-serif;padding:2rem">
<p>Livedeck received the sign-in. You can close this tab.</p>
<p lang="ru">Livedeck получил ответ входа. Эту вкладку можно закрыть.</p>
<p lang="zh">Livedeck 已收到登录结果，可以关闭此标签页。</p>
</body></html>`

const script = `(function () {
  var fragment = location.hash.slice(1);
  if (!fragment) return;
  history.replaceState(null, '', location.pathname + location.search);
  fetch(location.pathname, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: fragment });
})();`

const headers = {
  'content-security-policy': "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff'
}

function platformOf(pathname: string): AuthPlatform | null {
  const name = pathname.slice(CALLBACK_PREFIX.length)
  return (platforms as readonly string[]).includes(name) ? (name as AuthPlatform) : null
}

async function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  let size = 0
  const chunks: Buffer[] = []
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > limit) return null
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/**
 * Handles the callback routes; returns false for any other path. `origin` is the host's own origin:
 * the fragment POST must come from the callback page itself, never from another site.
 */
export async function handleOAuthCallback(
  req: IncomingMessage,
  res: ServerResponse,
  options: { readonly origin: string; readonly authWindow: BrowserHostAuthWindow }
): Promise<boolean> {
  const url = new URL(req.url ?? '/', options.origin)
  if (url.pathname === CALLBACK_SCRIPT_PATH && req.method === 'GET') {
    res.writeHead(200, { ...headers, 'content-type': 'text/javascript; charset=utf-8' }).end(script)
    return true
  }
  if (!url.pathname.startsWith(CALLBACK_PREFIX)) return false
  const platform = platformOf(url.pathname)
  if (!platform) {
    res.writeHead(404, headers).end()
    return true
  }
  if (req.method === 'GET') {
    if (url.search !== '') options.authWindow.complete(platform, url.href)
    res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' }).end(page)
    return true
  }
  if (req.method === 'POST' && req.headers.origin === options.origin) {
    const fragment = await readBody(req, MAX_FRAGMENT)
    const done = fragment !== null && fragment !== '' && options.authWindow.complete(platform, `${url.origin}${url.pathname}${url.search}#${fragment}`)
    res.writeHead(done ? 204 : 409, headers).end()
    return true
  }
  res.writeHead(405, headers).end()
  return true
}
