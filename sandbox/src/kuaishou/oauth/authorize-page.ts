/**
 * The Kuaishou authorize pages (reference §3.2, §8.2): `GET /oauth2/authorize` checks the request and shows
 * the login step (pick a sandbox account: the stand-in for QR / SMS login); `POST /oauth2/login` shows the
 * consent step (the app, the requested scopes as checkboxes, 授权 / 拒绝); `POST /oauth2/decide` answers an
 * approval with a 302 to `redirect_uri?code=…&state=…` and a denial with an error page linking to
 * `redirect_uri?error=access_denied&state=…`. A bad request (unknown app, foreign callback…) gets an error
 * page and no redirect. Stable element ids for browser tests: `#login`, `#allow`, `#deny`, `#error`,
 * `#back-to-app`, radios `name=user` (value = open_id), checkboxes `name=granted`.
 *
 * The login step stands for Kuaishou's QR login: its simulated QR (`#qr`, hidden field `qr`) expires after
 * 120 s of sandbox-clock time; logging in with an expired one shows `#qr-expired` and a `#refresh-qr` link
 * back to the same authorize URL. A form posted without `qr` (a script, not the page) counts as a fresh scan.
 */
import type { FastifyInstance, FastifyReply } from 'fastify'
import { z } from 'zod'
import type { UserFixture } from '../fixtures'
import type { KuaishouApps } from './apps'
import { authorizeQuerySchema, decide, denialLocation, validateAuthorize, type ValidAuthorize } from './consent'
import { QR_TTL_MS, type QrLogins } from './qr-login'
import type { KuaishouTokens } from './token-store'

export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

export const htmlPage = (title: string, body: string): string => `<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<style>body{font:15px system-ui,sans-serif;max-width:460px;margin:32px auto;padding:0 16px;color:#222}
h1{font-size:20px}button{font:inherit;padding:8px 16px;margin:4px 8px 4px 0;cursor:pointer;border-radius:6px}
.primary{background:#ff4906;color:#fff;border:0}.secondary{border:1px solid #999;background:#fff}
label{display:block;margin:6px 0}.error{color:#b00020}fieldset{border:1px solid #ddd;border-radius:6px;margin:12px 0}</style>
</head><body>${body}</body></html>`

const hiddenFields = (v: ValidAuthorize): string =>
  Object.entries({ app_id: v.appId, scope: v.scopes.join(','), response_type: 'code', ua: v.ua, redirect_uri: v.redirectUri, state: v.state })
    .filter(([, value]) => value !== undefined)
    .map(([k, value]) => `<input type="hidden" name="${k}" value="${escapeHtml(value ?? '')}">`)
    .join('')

const scopeNames: Record<string, string> = { user_base: '基本信息 (user_base)', user_info: '公开信息 (user_info)', user_video_live: '直播权限 (user_video_live)' }

const formSchema = authorizeQuerySchema.extend({
  user: z.string().optional(),
  decision: z.enum(['allow', 'deny']).optional(),
  granted: z.union([z.string(), z.array(z.string())]).optional(),
  qr: z.string().optional()
})

interface Deps {
  apps: KuaishouApps
  tokens: KuaishouTokens
  users: () => UserFixture[]
  qr: QrLogins
}

export function registerAuthorizePage(app: FastifyInstance, deps: Deps): void {
  const html = (reply: FastifyReply, title: string, body: string, status = 200): FastifyReply => {
    reply.header('content-security-policy', "default-src 'self'; style-src 'unsafe-inline'; script-src 'none'")
    reply.header('x-frame-options', 'DENY')
    return reply.code(status).type('text/html; charset=utf-8').send(htmlPage(title, body))
  }
  const refuse = (reply: FastifyReply, error: string): FastifyReply => html(reply, '授权失败', `<h1>授权失败 / Authorization error</h1><p class="error" id="error">${escapeHtml(error)}</p>`, 400)

  app.get('/oauth2/authorize', (request, reply) => {
    const checked = validateAuthorize(deps.apps, authorizeQuerySchema.parse(request.query ?? {}))
    if (!checked.ok) return refuse(reply, checked.error)
    const accounts = deps
      .users()
      .map((u, i) => `<label><input type="radio" name="user" value="${escapeHtml(u.open_id)}"${i === 0 ? ' checked' : ''}> ${escapeHtml(u.name)} <small>${u.flags.length ? `(${u.flags.join(', ')})` : ''}</small></label>`)
      .join('')
    const qr = deps.qr.issue()
    const body = `<h1>快手登录 (sandbox)</h1>
<p>扫码登录已模拟:选择一个账号。 / QR and SMS login are simulated: pick an account.</p>
<p id="qr" data-expires-at="${qr.expiresAt}">二维码 ${QR_TTL_MS / 1000} 秒内有效 / The QR code is valid for ${QR_TTL_MS / 1000} s.</p>
<form method="post" action="/oauth2/login">${hiddenFields(checked.value)}<input type="hidden" name="qr" value="${qr.id}">
<fieldset><legend>账号 / Account</legend>${accounts}</fieldset>
<button class="primary" id="login">登录 / Log in</button></form>`
    return html(reply, '快手登录', body)
  })

  app.post('/oauth2/login', (request, reply) => {
    const form = formSchema.safeParse(request.body ?? {})
    if (!form.success) return refuse(reply, 'malformed form')
    const checked = validateAuthorize(deps.apps, form.data)
    if (!checked.ok) return refuse(reply, checked.error)
    if (form.data.qr !== undefined && deps.qr.check(form.data.qr) === 'expired') {
      const again = `/oauth2/authorize?${new URLSearchParams(Object.entries(authorizeQuerySchema.parse(form.data)).filter((e): e is [string, string] => typeof e[1] === 'string')).toString()}`
      return html(reply, '二维码已过期', `<h1>二维码已过期 / QR code expired</h1><p id="qr-expired" class="error">二维码已失效,请刷新后重新扫码。 / The QR code expired: refresh it and scan again.</p><p><a id="refresh-qr" href="${escapeHtml(again)}">刷新二维码 / Refresh the QR code</a></p>`)
    }
    const user = deps.users().find((u) => u.open_id === form.data.user)
    if (!user) return refuse(reply, '请选择账号 / pick an account')
    const scopes = checked.value.scopes
      .map((s) => `<label><input type="checkbox" name="granted" value="${escapeHtml(s)}" checked> ${escapeHtml(scopeNames[s] ?? s)}</label>`)
      .join('')
    const body = `<h1>授权 / Authorize</h1>
<p>应用 <b>${escapeHtml(checked.value.appId)}</b> 申请使用你的快手账号 <b id="account">${escapeHtml(user.name)}</b>:</p>
<form method="post" action="/oauth2/decide">${hiddenFields(checked.value)}<input type="hidden" name="user" value="${escapeHtml(user.open_id)}">
<fieldset><legend>权限 / Permissions</legend>${scopes}</fieldset>
<button class="primary" name="decision" value="allow" id="allow">授权 / Allow</button>
<button class="secondary" name="decision" value="deny" id="deny">拒绝 / Deny</button></form>`
    return html(reply, '授权', body)
  })

  app.post('/oauth2/decide', (request, reply) => {
    const form = formSchema.safeParse(request.body ?? {})
    if (!form.success || form.data.decision === undefined) return refuse(reply, 'malformed form')
    const checked = validateAuthorize(deps.apps, form.data)
    if (!checked.ok) return refuse(reply, checked.error)
    if (form.data.decision === 'deny') {
      const back = denialLocation(checked.value)
      return html(reply, '已拒绝授权', `<h1>已拒绝授权 / Access denied</h1><p id="error" class="error">你拒绝了该应用的授权请求。 / You denied the request.</p><p><a id="back-to-app" href="${escapeHtml(back)}">返回应用 / Back to the app</a></p>`, 403)
    }
    const user = deps.users().find((u) => u.open_id === form.data.user)
    if (!user) return refuse(reply, '请选择账号 / pick an account')
    const granted = form.data.granted === undefined ? [] : ([] as string[]).concat(form.data.granted)
    return reply.redirect(decide(checked.value, { user, deny: false, granted }, deps.tokens), 302)
  })
}
