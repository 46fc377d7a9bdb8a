/**
 * VK OAuth conformance (reference §4, §10.2): CodeFlow, ImplicitFlow, deny, client credentials, refresh
 * rotation, revoke, lifetimes on the sandbox clock — over real HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ALL_SCOPES, UNAUTHORIZED, expectError, startVk, type TokenPair, type Vk } from './vk-helpers'

let t: Vk
beforeAll(async () => {
  t = await startVk({ tokenTtlS: 600, codeTtlS: 30 })
})
afterAll(async () => {
  await t.sb.stop()
})

const owner = (): number => t.user('owner', 'live_channel').id

describe('SANDBOX config', () => {
  it('has the VK URLs, app and users of the documented shape', () => {
    expect(t.vk.authorizeUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/app\/oauth2\/authorize$/)
    expect(t.vk.tokenUrl).toBe(`${t.vk.apiBase}/oauth/server/token`)
    expect(t.vk.revokeUrl).toBe(`${t.vk.apiBase}/oauth/server/revoke`)
    expect(t.vk.apiBase).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(t.vk.pubsubUrl).toBe(`${t.vk.apiBase.replace('http:', 'ws:')}/connection/websocket?format=json&cf_protocol_version=v2`)
    // The authorize page runs on a second origin.
    expect(new URL(t.vk.authorizeUrl).origin).not.toBe(t.vk.apiBase)
    expect(Object.keys(t.app).sort()).toEqual(['client_id', 'client_secret', 'redirect_uri'])
    const roles = new Set(t.users.map((u) => u.role))
    for (const r of ['owner', 'moderator', 'subscriber', 'viewer', 'bot']) expect(roles).toContain(r)
    expect(t.users.filter((u) => u.role === 'owner').length).toBeGreaterThanOrEqual(2)
    for (const u of t.users) expect(Object.keys(u).sort()).toEqual(['channel_url', 'id', 'nick', 'role'])
  })
})

describe('CodeFlow', () => {
  it('consent → code → token pair with the four documented fields; state echoed', async () => {
    const res = await t.consent({ user: owner(), scope: 'chat:message:send,chat:settings', state: 's t&ate' })
    expect(res.status).toBe(200)
    const { location } = (await res.json()) as { location: string }
    const url = new URL(location)
    expect(`${url.origin}${url.pathname}`).toBe(t.app.redirect_uri)
    expect(url.searchParams.get('state')).toBe('s t&ate')
    const code = url.searchParams.get('code')
    expect(code).toBeTruthy()
    const tok = await t.token({ grant_type: 'authorization_code', code: code!, redirect_uri: t.app.redirect_uri })
    expect(tok.status).toBe(200)
    const pair = (await tok.json()) as TokenPair
    expect(Object.keys(pair).sort()).toEqual(['access_token', 'expires_in', 'refresh_token', 'token_type'])
    expect(pair.token_type).toBe('Bearer')
    expect(pair.expires_in).toBe(600)
    const me = await t.api('/v1/current_user', { token: pair.access_token })
    expect(me.status).toBe(200)
    expect(((await me.json()) as { data: { user: { id: number } } }).data.user.id).toBe(owner())
  })

  it('a code works once', async () => {
    const { location } = (await (await t.consent({ user: owner() })).json()) as { location: string }
    const code = new URL(location).searchParams.get('code')!
    const form = { grant_type: 'authorization_code', code, redirect_uri: t.app.redirect_uri }
    expect((await t.token(form)).status).toBe(200)
    await expectError(await t.token(form), 400, 'invalid_grant')
  })

  it('a code dies after its lifetime (sandbox clock)', async () => {
    const { location } = (await (await t.consent({ user: owner() })).json()) as { location: string }
    const code = new URL(location).searchParams.get('code')!
    await t.control('/clock/advance', { seconds: 31 })
    await expectError(await t.token({ grant_type: 'authorization_code', code, redirect_uri: t.app.redirect_uri }), 400, 'invalid_grant')
  })

  it('the exchange needs the same redirect_uri', async () => {
    await t.control('/apps/redirect', { platform: 'vk', redirect_uri: 'http://127.0.0.1:9/other' })
    const { location } = (await (await t.consent({ user: owner() })).json()) as { location: string }
    const code = new URL(location).searchParams.get('code')!
    await expectError(await t.token({ grant_type: 'authorization_code', code, redirect_uri: 'http://127.0.0.1:9/other' }), 400, 'invalid_grant')
    await expectError(await t.token({ grant_type: 'authorization_code', code: 'x' }), 400, 'invalid_request')
  })

  it('client authentication is Basic only, and the body must be a form', async () => {
    const { location } = (await (await t.consent({ user: owner() })).json()) as { location: string }
    const code = new URL(location).searchParams.get('code')!
    const form = { grant_type: 'authorization_code', code, redirect_uri: t.app.redirect_uri }
    // Secret in the body instead of the header.
    await expectError(await t.token({ ...form, client_id: t.app.client_id, client_secret: t.app.client_secret }, {}), 401, 'invalid_client')
    // Wrong secret.
    const wrong = 'Basic ' + Buffer.from(`${t.app.client_id}:nope`).toString('base64')
    await expectError(await t.token(form, { authorization: wrong }), 401, 'invalid_client')
    // JSON body.
    const json = await fetch(t.vk.tokenUrl, { method: 'POST', headers: { authorization: t.basic, 'content-type': 'application/json' }, body: JSON.stringify(form) })
    await expectError(json, 400, 'invalid_request')
    // Basic plus the secret repeated in the form is refused too.
    await expectError(await t.token({ ...form, client_secret: t.app.client_secret }), 400, 'invalid_request')
  })

  it('unknown grant types are refused', async () => {
    await expectError(await t.token({ grant_type: 'password' }), 400, 'unsupported_grant_type')
  })
})

describe('refresh', () => {
  it('requires redirect_uri, rotates, and the old refresh token dies', async () => {
    const pair = await t.codeFlow(owner())
    await expectError(await t.token({ grant_type: 'refresh_token', refresh_token: pair.refresh_token }), 400, 'invalid_request')
    const res = await t.token({ grant_type: 'refresh_token', refresh_token: pair.refresh_token, redirect_uri: t.app.redirect_uri })
    expect(res.status).toBe(200)
    const next = (await res.json()) as TokenPair
    expect(next.refresh_token).not.toBe(pair.refresh_token)
    expect(next.access_token).not.toBe(pair.access_token)
    expect((await t.api('/v1/current_user', { token: next.access_token })).status).toBe(200)
    await expectError(await t.token({ grant_type: 'refresh_token', refresh_token: pair.refresh_token, redirect_uri: t.app.redirect_uri }), 400, 'invalid_grant')
    // Two racing refreshes with the same token: exactly one wins.
    const race = await Promise.all([1, 2].map(() => t.token({ grant_type: 'refresh_token', refresh_token: next.refresh_token, redirect_uri: t.app.redirect_uri })))
    expect(race.map((r) => r.status).sort()).toEqual([200, 400])
  })

  it('a refreshed token keeps the granted scopes', async () => {
    const pair = await t.codeFlow(owner(), 'channel:credentials')
    const next = (await (await t.token({ grant_type: 'refresh_token', refresh_token: pair.refresh_token, redirect_uri: t.app.redirect_uri })).json()) as TokenPair
    expect((await t.api('/v1/channel/credentials?channel_url=live_channel', { token: next.access_token })).status).toBe(200)
    await expectError(await t.api('/v1/chat/settings?channel_url=live_channel', { token: next.access_token }), 403, 'invalid_scope')
  })
})

describe('token lifetime and revoke', () => {
  it('an access token expires on the sandbox clock → 401 with the documented body', async () => {
    const pair = await t.codeFlow(owner())
    const info = await t.api('/v1/token', { token: pair.access_token })
    const { data } = (await info.json()) as { data: { expired_at: number; type: string } }
    expect(data.type).toBe('user')
    expect(data.expired_at - Math.floor(Date.now() / 1000)).toBeGreaterThan(500)
    await t.control('/clock/advance', { seconds: 601 })
    const res = await t.api('/v1/current_user', { token: pair.access_token })
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual(UNAUTHORIZED)
    // The refresh token still works after the access token expired.
    expect((await t.token({ grant_type: 'refresh_token', refresh_token: pair.refresh_token, redirect_uri: t.app.redirect_uri })).status).toBe(200)
  })

  it('revoke answers {} and the revoked tokens stop working', async () => {
    const pair = await t.codeFlow(owner())
    const revoke = (token: string, hint: string, auth = t.basic): Promise<Response> =>
      fetch(t.vk.revokeUrl, { method: 'POST', headers: { authorization: auth }, body: new URLSearchParams({ token, token_type_hint: hint }) })
    const noAuth = await fetch(t.vk.revokeUrl, { method: 'POST', body: new URLSearchParams({ token: pair.access_token }) })
    await expectError(noAuth, 401, 'invalid_client')
    const res = await revoke(pair.access_token, 'access_token')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({})
    const after = await t.api('/v1/current_user', { token: pair.access_token })
    expect(after.status).toBe(401)
    expect(await after.json()).toEqual(UNAUTHORIZED)
    expect(await (await revoke(pair.refresh_token, 'refresh_token')).json()).toEqual({})
    await expectError(await t.token({ grant_type: 'refresh_token', refresh_token: pair.refresh_token, redirect_uri: t.app.redirect_uri }), 400, 'invalid_grant')
  })
})

describe('ImplicitFlow and deny', () => {
  it('puts the token, state, expire_time and token_type in the fragment', async () => {
    const before = Math.floor(Date.now() / 1000)
    const res = await t.consent({ user: owner(), response_type: 'token', state: 'abc', scope: 'chat:message:send' })
    const { location } = (await res.json()) as { location: string }
    const url = new URL(location)
    expect(url.search).toBe('')
    const frag = new URLSearchParams(url.hash.slice(1))
    expect([...frag.keys()].sort()).toEqual(['access_token', 'expire_time', 'state', 'token_type'])
    expect(frag.get('state')).toBe('abc')
    expect(frag.get('token_type')).toBe('Bearer')
    expect(Number(frag.get('expire_time'))).toBeGreaterThanOrEqual(before + 600)
    const me = await t.api('/v1/current_user', { token: frag.get('access_token')! })
    expect(me.status).toBe(200)
  })

  it('deny redirects with error=access_denied in the query (code) or the fragment (token)', async () => {
    const code = new URL(((await (await t.consent({ user: owner(), deny: true, state: 'q1' })).json()) as { location: string }).location)
    expect(code.searchParams.get('error')).toBe('access_denied')
    expect(code.searchParams.get('error_description')).toBeTruthy()
    expect(code.searchParams.get('state')).toBe('q1')
    expect(code.searchParams.get('code')).toBeNull()
    const token = new URL(((await (await t.consent({ user: owner(), deny: true, state: 'q2', response_type: 'token' })).json()) as { location: string }).location)
    const frag = new URLSearchParams(token.hash.slice(1))
    expect(frag.get('error')).toBe('access_denied')
    expect(frag.get('state')).toBe('q2')
    expect(frag.get('access_token')).toBeNull()
  })

  it('refuses bad authorize input with 400 {error}', async () => {
    const cases: Array<Record<string, unknown>> = [
      { client_id: 'nobody' },
      { redirect_uri: `${t.app.redirect_uri}/` },
      { response_type: 'id_token' },
      { scope: 'chat:message:send chat:settings' },
      { scope: 'chat:everything' }
    ]
    for (const params of cases) {
      const res = await t.consent({ user: owner(), ...params })
      expect(res.status, JSON.stringify(params)).toBe(400)
      expect(typeof ((await res.json()) as { error: unknown }).error).toBe('string')
    }
    expect((await t.consent({ user: 424242 })).status).toBe(400)
  })

  it('a granted scope subset is all the token gets', async () => {
    const pair = await t.codeFlow(owner(), 'channel:credentials')
    expect((await t.api('/v1/channel/credentials?channel_url=live_channel', { token: pair.access_token })).status).toBe(200)
    await expectError(await t.api('/v1/channel/stream/edit?channel_url=live_channel', { token: pair.access_token, body: { stream: { title: 'x' } } }), 403, 'invalid_scope')
  })
})

describe('client credentials', () => {
  it('issues an app token (no refresh token) that works for application methods only', async () => {
    const res = await t.token({ grant_type: 'client_credentials' })
    expect(res.status).toBe(200)
    const body = (await res.json()) as Record<string, unknown>
    expect(body.token_type).toBe('Bearer')
    expect(body.refresh_token).toBeUndefined()
    expect(body.expires_in).toBe(600)
    const token = body.access_token as string
    expect((await t.api('/v1/channel?channel_url=live_channel', { token })).status).toBe(200)
    const info = (await (await t.api('/v1/token', { token })).json()) as { data: { type: string } }
    expect(info.data.type).toBe('app')
    await expectError(await t.api('/v1/current_user', { token }), 403, 'forbidden')
  })

  it('the scopes of a full grant do not leak into app tokens', async () => {
    const app = await t.appToken()
    await expectError(await t.api('/v1/channel/credentials?channel_url=live_channel', { token: app }), 403, 'forbidden')
    expect(ALL_SCOPES.split(',').length).toBe(8)
  })
})
