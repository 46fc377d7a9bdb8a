/**
 * Kuaishou OAuth and user_info conformance (reference §3, §4, §8.2, §8.3), over real HTTP: the authorize
 * pages, the control consent, code → token (GET and POST, both grant types, single-use and expiring codes),
 * refresh (new pair, old refresh token dead at once, expiry inherited), and user_info's token checks.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../src/index'
import { authorizeCode, controlPost, getJson, ks, signIn, url, userWith, type Json } from './kuaishou-harness'

let sb: RunningSandbox
let base = ''
let app: { app_id: string; app_secret: string; redirect_uri: string }

beforeAll(async () => {
  sb = await startSandbox()
  base = ks(sb).kuaishou.openBase
  app = ks(sb).apps.kuaishou
})
afterAll(async () => {
  await sb.stop()
})
beforeEach(async () => {
  await controlPost(sb, '/reset', {})
})

const authorizeQuery = (extra: Record<string, string> = {}): Record<string, string> => ({
  app_id: app.app_id,
  scope: 'user_info,user_video_live',
  response_type: 'code',
  ua: 'pc',
  redirect_uri: app.redirect_uri,
  state: 'xyz 1',
  ...extra
})

const form = (fields: Record<string, string | string[]>): URLSearchParams => {
  const f = new URLSearchParams()
  for (const [k, v] of Object.entries(fields)) for (const one of ([] as string[]).concat(v)) f.append(k, one)
  return f
}

const token = (query: Record<string, string>): Promise<Json> => getJson(url(base, '/oauth2/access_token', query))
const refresh = (query: Record<string, string>): Promise<Json> => getJson(url(base, '/oauth2/refresh_token', query))
const userInfo = (accessToken: string): Promise<Json> => getJson(url(base, '/openapi/user_info', { app_id: app.app_id, access_token: accessToken }))

describe('authorize pages', () => {
  it('the login QR expires after 120 s of sandbox time (reference §3.6, §8.2): expired page with a refresh link, then a fresh QR works', async () => {
    const qrOf = (html: string): string => /name="qr" value="([0-9a-f]+)"/.exec(html)?.[1] ?? ''
    const login = async (): Promise<{ html: string; qr: string }> => {
      const html = await (await fetch(url(base, '/oauth2/authorize', authorizeQuery()))).text()
      expect(html).toContain('id="qr"')
      return { html, qr: qrOf(html) }
    }
    const user = userWith(sb, null)
    const first = await login()
    expect(first.qr).not.toBe('')
    // Just inside the 120 s the QR still logs in.
    await controlPost(sb, '/clock/advance', { seconds: 119 })
    const inTime = await (await fetch(url(base, '/oauth2/login'), { method: 'POST', body: form({ ...authorizeQuery(), user, qr: first.qr }) })).text()
    expect(inTime).toContain('id="allow"')

    const second = await login()
    await controlPost(sb, '/clock/advance', { seconds: 120 })
    const expired = await fetch(url(base, '/oauth2/login'), { method: 'POST', body: form({ ...authorizeQuery(), user, qr: second.qr }) })
    expect(expired.status).toBe(200)
    const expiredHtml = await expired.text()
    expect(expiredHtml).toContain('id="qr-expired"')
    expect(expiredHtml).not.toContain('id="allow"')
    // The refresh link is the same authorize request (state included), and it issues a new, working QR.
    const href = /id="refresh-qr" href="([^"]+)"/.exec(expiredHtml)?.[1]?.replaceAll('&#38;', '&') ?? ''
    const refreshed = new URL(href, base)
    expect(Object.fromEntries(refreshed.searchParams)).toEqual(authorizeQuery())
    const fresh = qrOf(await (await fetch(refreshed)).text())
    expect(fresh).not.toBe(second.qr)
    expect(await (await fetch(url(base, '/oauth2/login'), { method: 'POST', body: form({ ...authorizeQuery(), user, qr: fresh }) })).text()).toContain('id="allow"')
    // A QR the sandbox never issued (or issued before a reset) counts as expired.
    expect(await (await fetch(url(base, '/oauth2/login'), { method: 'POST', body: form({ ...authorizeQuery(), user, qr: 'feedbeef' }) })).text()).toContain('id="qr-expired"')
  })

  it('login → consent → 302 to redirect_uri with code and the state unchanged', async () => {
    const page = await fetch(url(base, '/oauth2/authorize', authorizeQuery()))
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toMatch(/text\/html/)
    const html = await page.text()
    expect(html).toContain('id="login"')
    const user = userWith(sb, null)
    expect(html).toContain(`value="${user}"`)

    const consent = await fetch(url(base, '/oauth2/login'), { method: 'POST', body: form({ ...authorizeQuery(), user }) })
    expect(consent.status).toBe(200)
    const consentHtml = await consent.text()
    expect(consentHtml).toContain('id="allow"')
    expect(consentHtml).toContain('value="user_video_live"')

    const decided = await fetch(url(base, '/oauth2/decide'), { method: 'POST', redirect: 'manual', body: form({ ...authorizeQuery(), user, decision: 'allow', granted: ['user_info', 'user_video_live'] }) })
    expect(decided.status).toBe(302)
    const location = new URL(decided.headers.get('location') ?? '')
    expect(`${location.origin}${location.pathname}`).toBe(app.redirect_uri)
    expect(location.searchParams.get('state')).toBe('xyz 1')
    const code = location.searchParams.get('code') ?? ''
    const tokens = await token({ app_id: app.app_id, app_secret: app.app_secret, code, grant_type: 'authorization_code' })
    expect(tokens).toMatchObject({ result: 1, open_id: user, scopes: ['user_info', 'user_video_live'] })
  })

  it('unticking a scope grants only the rest', async () => {
    const user = userWith(sb, null)
    const decided = await fetch(url(base, '/oauth2/decide'), { method: 'POST', redirect: 'manual', body: form({ ...authorizeQuery(), user, decision: 'allow', granted: 'user_info' }) })
    const code = new URL(decided.headers.get('location') ?? '').searchParams.get('code') ?? ''
    const tokens = await token({ app_id: app.app_id, app_secret: app.app_secret, code, grant_type: 'authorization_code' })
    expect(tokens.scopes).toEqual(['user_info'])
  })

  it('deny → an error page linking to redirect_uri?error=access_denied&state=…, no redirect', async () => {
    const res = await fetch(url(base, '/oauth2/decide'), { method: 'POST', redirect: 'manual', body: form({ ...authorizeQuery(), user: userWith(sb, null), decision: 'deny' }) })
    expect(res.status).toBe(403)
    expect(res.headers.get('location')).toBeNull()
    const html = await res.text()
    const href = /id="back-to-app" href="([^"]+)"/.exec(html)?.[1]?.replace(/&#38;/g, '&')
    const back = new URL(href ?? '')
    expect(`${back.origin}${back.pathname}`).toBe(app.redirect_uri)
    expect(back.searchParams.get('error')).toBe('access_denied')
    expect(back.searchParams.get('state')).toBe('xyz 1')
    expect(back.searchParams.has('code')).toBe(false)
  })

  it.each([
    ['an unknown app_id', { app_id: 'ks000000000000000000' }],
    ['a callback on another host', { redirect_uri: 'https://evil.example/cb' }],
    ['a non-http callback', { redirect_uri: 'livedeck://cb' }],
    ['response_type other than code', { response_type: 'token' }],
    ['an unknown scope', { scope: 'user_info,user_phone_secret' }]
  ])('%s → an error page, never a redirect', async (_name, extra) => {
    const res = await fetch(url(base, '/oauth2/authorize', authorizeQuery(extra)), { redirect: 'manual' })
    expect(res.status).toBe(400)
    expect(res.headers.get('location')).toBeNull()
    expect(await res.text()).toContain('id="error"')
  })

  it('the callback check is scheme + host, not path (§3.1)', async () => {
    const registered = new URL(app.redirect_uri)
    const res = await fetch(url(base, '/oauth2/authorize', authorizeQuery({ redirect_uri: `${registered.origin}/some/other/path` })))
    expect(res.status).toBe(200)
    const https = await fetch(url(base, '/oauth2/authorize', authorizeQuery({ redirect_uri: `https://${registered.host}${registered.pathname}` })))
    expect(https.status).toBe(400)
  })
})

describe('POST <control>/kuaishou/consent', () => {
  it('answers the redirect as if the user approved; a scope subset grants only those scopes', async () => {
    const user = userWith(sb, null)
    const res = await controlPost(sb, '/kuaishou/consent', { ...authorizeQuery({ scope: 'user_info' }), user })
    expect(res.status).toBe(200)
    const location = new URL(((await res.json()) as { location: string }).location)
    expect(location.searchParams.get('state')).toBe('xyz 1')
    const tokens = await token({ app_id: app.app_id, app_secret: app.app_secret, code: location.searchParams.get('code') ?? '', grant_type: 'code' })
    expect(tokens).toMatchObject({ result: 1, scopes: ['user_info'] })
  })

  it('deny → the access_denied redirect', async () => {
    const res = await controlPost(sb, '/kuaishou/consent', { ...authorizeQuery(), user: userWith(sb, null), deny: true })
    const location = new URL(((await res.json()) as { location: string }).location)
    expect(Object.fromEntries(location.searchParams)).toEqual({ error: 'access_denied', state: 'xyz 1' })
  })

  it.each([
    ['unknown app', { app_id: 'ks000000000000000000' }],
    ['wrong redirect_uri', { redirect_uri: 'https://evil.example/cb' }],
    ['unknown user', { user: 'nobody' }]
  ])('%s → 400 {error}', async (_name, extra) => {
    const res = await controlPost(sb, '/kuaishou/consent', { ...authorizeQuery(), user: userWith(sb, null), ...extra })
    expect(res.status).toBe(400)
    expect(typeof ((await res.json()) as { error: unknown }).error).toBe('string')
  })

  it('a no_live_scope user never grants user_video_live', async () => {
    const tokens = await signIn(sb, userWith(sb, 'no_live_scope'))
    expect(tokens.scopes).toEqual(['user_info'])
  })
})

describe('/oauth2/access_token', () => {
  it('GET: result 1 with every field on the top level and the reference lifetimes', async () => {
    const user = userWith(sb, null)
    const code = await authorizeCode(sb, user)
    const res = await fetch(url(base, '/oauth2/access_token', { app_id: app.app_id, app_secret: app.app_secret, code, grant_type: 'authorization_code' }))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    const body = (await res.json()) as Json
    expect(Object.keys(body).sort()).toEqual(['access_token', 'expires_in', 'open_id', 'refresh_token', 'refresh_token_expires_in', 'result', 'scopes'])
    expect(body).toMatchObject({ result: 1, expires_in: 172800, refresh_token_expires_in: 15552000, open_id: user, scopes: ['user_info', 'user_video_live'] })
    expect(typeof body.access_token).toBe('string')
    expect(body.access_token).not.toBe(body.refresh_token)
  })

  it('POST form and grant_type=code are accepted too', async () => {
    const code = await authorizeCode(sb, userWith(sb, null))
    const res = await fetch(url(base, '/oauth2/access_token'), { method: 'POST', body: form({ app_id: app.app_id, app_secret: app.app_secret, code, grant_type: 'code' }) })
    expect(((await res.json()) as Json).result).toBe(1)
  })

  it('a code is single use: the second exchange → 100200105 invalid_grant', async () => {
    const code = await authorizeCode(sb, userWith(sb, null))
    const q = { app_id: app.app_id, app_secret: app.app_secret, code, grant_type: 'authorization_code' }
    expect((await token(q)).result).toBe(1)
    expect(await token(q)).toEqual({ result: 100200105, error: 'invalid_grant', error_msg: expect.any(String) as string })
  })

  it('a code expires after 120 s of sandbox time → 100200105', async () => {
    const code = await authorizeCode(sb, userWith(sb, null))
    await controlPost(sb, '/clock/advance', { seconds: 121 })
    expect((await token({ app_id: app.app_id, app_secret: app.app_secret, code, grant_type: 'authorization_code' })).result).toBe(100200105)
  })

  it('errors: missing parameter 100200100, bad secret or app 100200101, bad grant_type 100200104, unknown code 100200105', async () => {
    const code = await authorizeCode(sb, userWith(sb, null))
    const ok = { app_id: app.app_id, app_secret: app.app_secret, code, grant_type: 'authorization_code' }
    const { code: _drop, ...noCode } = ok
    expect(await token(noCode)).toMatchObject({ result: 100200100, error: 'invalid_request' })
    expect(await token({ ...ok, app_secret: 'wrong' })).toMatchObject({ result: 100200101, error: 'unauthorized_client' })
    expect(await token({ ...ok, app_id: 'ks000000000000000000' })).toMatchObject({ result: 100200101, error: 'unauthorized_client' })
    expect(await token({ ...ok, grant_type: 'password' })).toMatchObject({ result: 100200104, error: 'unsupported_grant_type' })
    expect(await token({ ...ok, code: 'not-a-code' })).toMatchObject({ result: 100200105, error: 'invalid_grant' })
    // None of the failures above burnt the code.
    expect((await token(ok)).result).toBe(1)
  })
})

describe('/oauth2/refresh_token', () => {
  it('a new pair; the old refresh token dies at once; the new one inherits the old expiry; no open_id', async () => {
    const first = await signIn(sb, userWith(sb, null))
    await controlPost(sb, '/clock/advance', { seconds: 1000 })
    const q = { app_id: app.app_id, app_secret: app.app_secret, refresh_token: first.refresh_token, grant_type: 'refresh_token' }
    const second = await refresh(q)
    expect(second).toMatchObject({ result: 1, expires_in: 172800, scopes: ['user_info', 'user_video_live'] })
    expect(second).not.toHaveProperty('open_id')
    expect(second.refresh_token).not.toBe(first.refresh_token)
    expect(second.access_token).not.toBe(first.access_token)
    // Inherited, not renewed: 1000 s of sandbox time (plus the real milliseconds of the test) are gone.
    expect(second.refresh_token_expires_in).toBeLessThanOrEqual(15552000 - 1000)
    expect(second.refresh_token_expires_in).toBeGreaterThanOrEqual(15552000 - 1002)
    expect(await refresh(q)).toMatchObject({ result: 100200102, error: 'access_denied' })
    // Old and new access tokens are independent: both work.
    expect((await userInfo(first.access_token)).result).toBe(1)
    expect((await userInfo(second.access_token as string)).result).toBe(1)
  })

  it('errors: grant_type ≠ refresh_token 100200104, expired refresh token 100200113', async () => {
    const first = await signIn(sb, userWith(sb, null))
    const q = { app_id: app.app_id, app_secret: app.app_secret, refresh_token: first.refresh_token, grant_type: 'refresh_token' }
    expect(await refresh({ ...q, grant_type: 'authorization_code' })).toMatchObject({ result: 100200104 })
    await controlPost(sb, '/clock/advance', { seconds: 15552000 })
    expect(await refresh(q)).toMatchObject({ result: 100200113, error_msg: expect.any(String) as string })
  })
})

describe('/openapi/user_info', () => {
  it('result 1 and the §4 fields; bigHead may be empty', async () => {
    const tokens = await signIn(sb, userWith(sb, null))
    const body = await userInfo(tokens.access_token)
    expect(body.result).toBe(1)
    const info = body.user_info as Record<string, unknown>
    expect(Object.keys(info).sort()).toEqual(['bigHead', 'city', 'fan', 'follow', 'head', 'name', 'sex'])
    expect(info).toMatchObject({ name: '小鹿主播', sex: 'F', city: '河北省石家庄市' })
    const avatar = await fetch(info.head as string)
    expect(avatar.headers.get('content-type')).toBe('image/png')

    const noBig = await signIn(sb, userWith(sb, 'no_shop'))
    expect(((await userInfo(noBig.access_token)).user_info as Json).bigHead).toBe('')
  })

  it('unknown token 100200102, expired 100200108, no user_info scope 100200106', async () => {
    expect(await userInfo('nope')).toMatchObject({ result: 100200102, error_msg: expect.any(String) as string })
    const liveOnly = await signIn(sb, userWith(sb, null), 'user_video_live')
    expect((await userInfo(liveOnly.access_token)).result).toBe(100200106)
    const tokens = await signIn(sb, userWith(sb, null))
    await controlPost(sb, '/clock/advance', { seconds: 172800 })
    expect((await userInfo(tokens.access_token)).result).toBe(100200108)
  })
})
