/** Kuaishou sign-in, refresh and reconnect against the sandbox (real HTTP, shared clock). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { HOST_IMAGE_BASE, targetOf } from '../../services/images/image-url'
import { KUAISHOU_ACCOUNT } from './account-service'
import { KS_USERS, startKsHarness, type KsHarness } from './test-support/harness'

let h: KsHarness
beforeEach(async () => {
  h = await startKsHarness()
})
afterEach(() => h.stop())

const handlers = () => h.app.handlers
const errorOf = async (p: unknown): Promise<Record<string, unknown>> => {
  try {
    await p
  } catch (e) {
    return { ...(e as object), code: (e as { code: string }).code }
  }
  throw new Error('expected a rejection')
}

describe('Kuaishou sign-in', () => {
  it('asks for user_info + user_video_live with ua=pc and a state, then shows the user', async () => {
    const view = await handlers()['kuaishou.connect'](undefined)
    const request = h.authRequests[0]!
    const url = new URL(request.authorizeUrl)
    expect(url.pathname).toBe('/oauth2/authorize')
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      app_id: h.app.services.settings.view().kuaishou.appId,
      scope: 'user_info,user_video_live',
      response_type: 'code',
      ua: 'pc',
      redirect_uri: 'http://127.0.0.1/livedeck/oauth/kuaishou'
    })
    expect(url.searchParams.get('state')!.length).toBeGreaterThan(30)
    expect(request.allowedHosts).toEqual([new URL(h.app.services.endpoints.kuaishou.openBase).host])
    expect(view.state).toBe('connected')
    expect(view.user?.name).toBe('小鹿主播')
    expect(view.missingScopes).toEqual([])
    expect(view.scopes).toEqual(expect.arrayContaining(['user_info', 'user_video_live']))
    // The avatar goes through the image protocol, pointing at the sandbox's avatar.
    expect(targetOf(view.user!.avatarUrl!, HOST_IMAGE_BASE)).toMatch(/\/sandbox\/avatar\/f0a1b2c3d4e5f60718293a4b5c6d7e01/)
    const exchange = await h.requests('/oauth2/access_token')
    expect(exchange).toHaveLength(1)
    expect(exchange[0]!.method).toBe('GET')
    expect(exchange[0]!.query).toMatchObject({ grant_type: 'authorization_code' })
    const record = await h.app.services.vault.get(KUAISHOU_ACCOUNT)
    expect(record?.extra?.openId).toBe(KS_USERS.streamer)
  })

  it('refuses a redirect whose state does not match, and stores nothing', async () => {
    h.consent = { user: KS_USERS.streamer, forgeState: 'forged' }
    expect(await errorOf(handlers()['kuaishou.connect'](undefined))).toMatchObject({ code: 'forbidden_sender', platformCode: 'state_mismatch' })
    expect(await h.requests('/oauth2/access_token')).toHaveLength(0)
    expect((await handlers()['kuaishou.getAccount'](undefined)).state).toBe('disconnected')
  })

  it('reports a denied consent and a closed window as cancelled', async () => {
    h.consent = { user: KS_USERS.streamer, deny: true }
    expect(await errorOf(handlers()['kuaishou.connect'](undefined))).toMatchObject({ code: 'cancelled' })
    h.consent = { user: KS_USERS.streamer, cancel: true }
    expect(await errorOf(handlers()['kuaishou.connect'](undefined))).toMatchObject({ code: 'cancelled' })
  })

  it('needs the app id and secret first', async () => {
    h.app.services.settings.clearSecret('kuaishou.appSecret')
    expect(await errorOf(handlers()['kuaishou.connect'](undefined))).toMatchObject({ code: 'not_configured' })
    expect(h.authRequests).toHaveLength(0)
  })

  it('reports a scope the user did not grant, and go-live refuses with scope_missing', async () => {
    h.consent = { user: KS_USERS.streamer, granted: ['user_info'] }
    const view = await handlers()['kuaishou.connect'](undefined)
    expect(view.state).toBe('connected')
    expect(view.missingScopes).toEqual(['user_video_live'])
    await expect(h.app.kuaishou.account.requireLiveScope()).rejects.toMatchObject({ code: 'scope_missing', params: { scope: 'user_video_live' } })
  })

  it('sign-out wipes the tokens and clears the sign-in session', async () => {
    await handlers()['kuaishou.connect'](undefined)
    const view = await handlers()['kuaishou.disconnect'](undefined)
    expect(view).toMatchObject({ state: 'disconnected', user: null })
    expect(await h.app.services.vault.get(KUAISHOU_ACCOUNT)).toBeNull()
    expect(h.clearedSessions).toEqual(['kuaishou'])
    expect(h.eventsOf('kuaishou.account').at(-1)?.state).toBe('disconnected')
  })
})

describe('Kuaishou tokens', () => {
  const status = () => h.app.kuaishou.account.withToken((ctx) => h.app.kuaishou.account.view().then(() => ctx.accessToken))

  it('refreshes before expiry once for concurrent callers, storing the new pair (the old refresh token dies)', async () => {
    await handlers()['kuaishou.connect'](undefined)
    const before = (await h.app.services.vault.get(KUAISHOU_ACCOUNT))!
    h.advance(before.expiresAt - h.clock.now() - 60_000)
    const tokens = await Promise.all([status(), status(), status()])
    const after = (await h.app.services.vault.get(KUAISHOU_ACCOUNT))!
    expect(new Set(tokens)).toEqual(new Set([after.accessToken]))
    expect(after.accessToken).not.toBe(before.accessToken)
    expect(after.refreshToken).not.toBe(before.refreshToken)
    expect(after.extra?.openId).toBe(KS_USERS.streamer)
    const refreshes = await h.requests('/oauth2/refresh_token')
    expect(refreshes).toHaveLength(1)
    expect(refreshes[0]!.query).toMatchObject({ grant_type: 'refresh_token' })
    // The sandbox, like Kuaishou, no longer accepts the old refresh token.
    const app = h.app.services.settings.view().kuaishou
    const secret = await h.app.services.settings.getSecret('kuaishou.appSecret')
    const old = await fetch(
      `${h.app.services.endpoints.kuaishou.openBase}/oauth2/refresh_token?app_id=${app.appId}&app_secret=${secret}&grant_type=refresh_token&refresh_token=${before.refreshToken}`
    )
    expect(((await old.json()) as { result: number }).result).not.toBe(1)
  })

  it('puts the account in "reconnect" once the refresh token expired', async () => {
    await handlers()['kuaishou.connect'](undefined)
    const record = (await h.app.services.vault.get(KUAISHOU_ACCOUNT))!
    // Through the sandbox's control API: one clock for the sandbox's expiries and main's.
    await h.control('/clock/advance', { seconds: Math.ceil(((record.extra!.refreshExpiresAt as number) - h.clock.now()) / 1000) + 1 })
    expect(await errorOf(status())).toMatchObject({ code: 'needs_reconnect' })
    expect((await handlers()['kuaishou.getAccount'](undefined)).state).toBe('needsReconnect')
    expect(h.eventsOf('kuaishou.account').at(-1)?.state).toBe('needsReconnect')
  })

  it('a refresh keeps the original refresh deadline: past it, reconnect is needed', async () => {
    await handlers()['kuaishou.connect'](undefined)
    const first = (await h.app.services.vault.get(KUAISHOU_ACCOUNT))!
    h.advance(first.expiresAt - h.clock.now() - 60_000)
    await status()
    const refreshed = (await h.app.services.vault.get(KUAISHOU_ACCOUNT))!
    expect(refreshed.refreshToken).not.toBe(first.refreshToken)
    expect(Math.abs((refreshed.extra!.refreshExpiresAt as number) - (first.extra!.refreshExpiresAt as number))).toBeLessThan(2_000)
    h.advance((first.extra!.refreshExpiresAt as number) - h.clock.now() + 5_000)
    expect(await errorOf(status())).toMatchObject({ code: 'needs_reconnect' })
  })

  it('answers a token error (200102) with one refresh and one retry', async () => {
    await handlers()['kuaishou.connect'](undefined)
    expect(await h.requests('/openapi/user_info')).toHaveLength(1)
    await h.fault({ path: '/openapi/user_info', status: 200, result: { result: 100200102, error: 'access_denied', error_msg: 'x' }, count: 1 })
    const { appId } = h.app.services.settings.view().kuaishou
    const user = await h.app.kuaishou.account.withToken((ctx) => h.app.kuaishou.client.userInfo(appId, ctx.accessToken))
    expect(user.name).toBe('小鹿主播')
    expect(await h.requests('/oauth2/refresh_token')).toHaveLength(1)
    expect(await h.requests('/openapi/user_info')).toHaveLength(3)
  })

  it('asks for a reconnect when the retry after the refresh is refused too', async () => {
    await handlers()['kuaishou.connect'](undefined)
    await h.fault({ path: '/openapi/kwaiUser/live/status/**', status: 200, result: { result: 200102, content: null, hostName: 'x' }, count: 2 })
    const call = h.app.kuaishou.account.withToken((ctx) => h.app.kuaishou.client.status({ ...ctx, liveStreamName: 'abcdefghijk' }))
    expect(await errorOf(call)).toMatchObject({ code: 'needs_reconnect', platformCode: 200102 })
    expect(await h.requests('/oauth2/refresh_token')).toHaveLength(1)
    expect(await h.requests('/openapi/kwaiUser/live/status')).toHaveLength(2)
    expect((await handlers()['kuaishou.getAccount'](undefined)).state).toBe('needsReconnect')
  })

  it('keeps the tokens when a refresh meets a server error (5xx), and refreshes next time', async () => {
    await handlers()['kuaishou.connect'](undefined)
    const before = (await h.app.services.vault.get(KUAISHOU_ACCOUNT))!
    h.advance(before.expiresAt - h.clock.now() - 60_000)
    await h.fault({ path: '/oauth2/refresh_token', status: 503, count: 1 })
    expect(await errorOf(status())).toMatchObject({ code: 'network' })
    expect((await handlers()['kuaishou.getAccount'](undefined)).state).toBe('connected')
    await status()
    expect((await h.app.services.vault.get(KUAISHOU_ACCOUNT))!.accessToken).not.toBe(before.accessToken)
  })
})
