/**
 * The authorize window on its own origin (reference §4.2, §10.2.10): `/app/oauth2/authorize` shows the
 * app's request and opens the sign-in step in a popup (`window.open`), as the real page does; the popup
 * (`/app/oauth2/signin`) lets a person pick a sandbox user and allow or deny; its answer goes back to the
 * opener with `postMessage`, and the opener navigates to the redirect. Without a popup (blocked, or no
 * JavaScript) the same steps run in the one window.
 */
import type { FastifyInstance, FastifyReply } from 'fastify'
import { z } from 'zod'
import type { UserFixture } from '../fixtures'
import { authorizeQuerySchema, decide, validateAuthorize, type ValidAuthorize } from './consent'
import type { VkApps } from './apps'
import type { TokenStore } from './token-store'

const MESSAGE_TYPE = 'vk-sandbox-oauth'

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

const page = (title: string, body: string, script?: string): string => `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<style>body{font:15px system-ui,sans-serif;max-width:460px;margin:32px auto;padding:0 16px;color:#111}
h1{font-size:20px}button{font:inherit;padding:8px 16px;margin:4px 8px 4px 0;cursor:pointer}
.allow{background:#0077ff;color:#fff;border:0;border-radius:6px}.deny{border:1px solid #999;border-radius:6px;background:#fff}
label{display:block;margin:6px 0}.error{color:#b00020}fieldset{border:1px solid #ddd;border-radius:6px;margin:12px 0}</style>
${script ? `<script src="${script}" defer></script>` : ''}</head><body>${body}</body></html>`

const hiddenFields = (v: ValidAuthorize): string =>
  [
    ['client_id', v.clientId],
    ['redirect_uri', v.redirectUri],
    ['response_type', v.responseType],
    ['scope', v.scopes.join(',')],
    ...(v.state === undefined ? [] : [['state', v.state]])
  ]
    .map(([k, val]) => `<input type="hidden" name="${k}" value="${escapeHtml(val ?? '')}">`)
    .join('')

const queryString = (v: ValidAuthorize): string =>
  new URLSearchParams({ client_id: v.clientId, redirect_uri: v.redirectUri, response_type: v.responseType, scope: v.scopes.join(','), ...(v.state === undefined ? {} : { state: v.state }) }).toString()

/** Opener: open the sign-in popup; follow the redirect the popup posts back. */
const AUTHORIZE_JS = `
const button = document.getElementById('signin');
button.addEventListener('click', () => {
  const url = button.dataset.href;
  const popup = window.open(url, 'vk_sandbox_signin', 'popup=yes,width=480,height=640');
  if (!popup) window.location.assign(url);
});
window.addEventListener('message', (event) => {
  if (event.origin !== window.location.origin) return;
  const data = event.data;
  if (!data || data.type !== '${MESSAGE_TYPE}' || typeof data.location !== 'string') return;
  window.location.assign(data.location);
});`

/** Popup result: hand the redirect to the opener and close, or follow it here when there is none. */
const COMPLETE_JS = `
const target = document.getElementById('result').dataset.location;
if (window.opener && !window.opener.closed) {
  window.opener.postMessage({ type: '${MESSAGE_TYPE}', location: target }, window.location.origin);
  window.close();
} else {
  window.location.replace(target);
}`

const decideForm = authorizeQuerySchema.extend({
  user: z.string().regex(/^\d+$/).optional(),
  decision: z.enum(['allow', 'deny']),
  granted: z.union([z.string(), z.array(z.string())]).optional(),
  popup: z.string().optional()
})

interface Deps {
  apps: VkApps
  tokens: TokenStore
  users: () => UserFixture[]
}

export function registerAuthorizePage(app: FastifyInstance, deps: Deps): void {
  const refuse = (reply: FastifyReply, error: string): FastifyReply =>
    reply.code(400).type('text/html; charset=utf-8').send(page('Ошибка авторизации', `<h1>Authorization error</h1><p class="error" id="error">${escapeHtml(error)}</p>`))

  app.addHook('onSend', (_request, reply, payload, done) => {
    reply.header('content-security-policy', "default-src 'self'; style-src 'unsafe-inline'; script-src 'self'")
    reply.header('x-frame-options', 'DENY')
    done(null, payload)
  })

  app.get('/app/oauth2/authorize.js', (_request, reply) => reply.type('text/javascript').send(AUTHORIZE_JS))
  app.get('/app/oauth2/complete.js', (_request, reply) => reply.type('text/javascript').send(COMPLETE_JS))

  app.get('/app/oauth2/authorize', (request, reply) => {
    const checked = validateAuthorize(deps.apps, authorizeQuerySchema.parse(request.query ?? {}))
    if (!checked.ok) return refuse(reply, checked.error)
    const v = checked.value
    const scopes = v.scopes.length ? `<ul id="scopes">${v.scopes.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul>` : '<p id="scopes">No extra permissions (read-only).</p>'
    const body = `<h1>VK Video Live (sandbox)</h1>
<p>The application <b>${escapeHtml(v.clientId)}</b> asks for access to your account.</p>${scopes}
<button type="button" class="allow" id="signin" data-href="/app/oauth2/signin?${escapeHtml(queryString(v))}">Войти / Sign in</button>
<form method="post" action="/app/oauth2/decide" style="display:inline">${hiddenFields(v)}<input type="hidden" name="decision" value="deny"><button class="deny" id="cancel">Отмена / Cancel</button></form>`
    return reply.type('text/html; charset=utf-8').send(page('Авторизация', body, '/app/oauth2/authorize.js'))
  })

  app.get('/app/oauth2/signin', (request, reply) => {
    const checked = validateAuthorize(deps.apps, authorizeQuerySchema.parse(request.query ?? {}))
    if (!checked.ok) return refuse(reply, checked.error)
    const v = checked.value
    const users = deps
      .users()
      .map((u, i) => `<label><input type="radio" name="user" value="${u.id}"${i === 0 ? ' checked' : ''}> ${escapeHtml(u.nick)} <small>(${u.role}, ${escapeHtml(u.channel_url)})</small></label>`)
      .join('')
    const scopes = v.scopes.map((s) => `<label><input type="checkbox" name="granted" value="${escapeHtml(s)}" checked> ${escapeHtml(s)}</label>`).join('')
    const body = `<h1>Sign in to VK Video Live (sandbox)</h1>
<form method="post" action="/app/oauth2/decide">${hiddenFields(v)}<input type="hidden" name="popup" value="1">
<fieldset><legend>Account</legend>${users}</fieldset>
${scopes ? `<fieldset><legend>Permissions</legend>${scopes}</fieldset>` : ''}
<button class="allow" name="decision" value="allow" id="allow">Разрешить / Allow</button>
<button class="deny" name="decision" value="deny" id="deny">Отклонить / Deny</button></form>`
    return reply.type('text/html; charset=utf-8').send(page('Вход', body))
  })

  app.post('/app/oauth2/decide', (request, reply) => {
    const form = decideForm.safeParse(request.body ?? {})
    if (!form.success) return refuse(reply, 'malformed form')
    const checked = validateAuthorize(deps.apps, form.data)
    if (!checked.ok) return refuse(reply, checked.error)
    const deny = form.data.decision === 'deny'
    const userId = Number(form.data.user ?? NaN)
    if (!deny && !deps.users().some((u) => u.id === userId)) return refuse(reply, 'pick an account')
    const granted = form.data.granted === undefined ? [] : ([] as string[]).concat(form.data.granted)
    const location = decide(checked.value, { userId, deny, granted }, deps.tokens)
    if (form.data.popup !== '1') return reply.redirect(location, 303)
    const body = `<p id="result" data-location="${escapeHtml(location)}">${deny ? 'Access denied.' : 'Signed in.'} You can close this window.</p>`
    return reply.type('text/html; charset=utf-8').send(page('Готово', body, '/app/oauth2/complete.js'))
  })
}
