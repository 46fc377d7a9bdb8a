/**
 * VK account against the sandbox: CodeFlow and ImplicitFlow sign-in through the consent endpoint,
 * state checks, 401 → one refresh → retry, concurrent 401s → one refresh, failed refresh → reconnect,
 * implicit expiry, start-up check, sign-out with revoke, app token.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { isAppError } from '../../errors'
import type { VkAccountService } from './account-service'
import { channelResponseSchema, currentUserSchema } from './schemas'
import { startHarness, USERS, waitFor, type Harness } from './test-support/sandbox-harness'
import { vkServicesFor } from './test-support/services'

let h: Harness | undefined
afterEach(async () => {
  await h?.stop()
  h = undefined
})

async function setup(options: Parameters<typeof startHarness>[0] = {}): Promise<{ h: Harness; account: VkAccountService }> {
  h = await startHarness(options)
  return { h, account: vkServicesFor(h).account }
}

const errorOf = async (p: Promise<unknown>) => {
  try {
    await p
  } catch (e) {
    if (isAppError(e)) return { code: e.code, platformCode: e.platformCode, message: e.message }
    throw e
  }
  throw new Error('expected a rejection')
}
const tokenCalls = (h: Harness, grant: string) =>
  h.requests.filter((r) => r.path === '/oauth/server/token' && r.body.includes(`grant_type=${grant}`)).length
const whoAmI = (account: VkAccountService) => account.userApi.call({ method: 'GET', path: '/v1/current_user', schema: currentUserSchema })

describe('VK sign-in', () => {
  it('CodeFlow: consent → code → tokens with Basic auth; shows who is connected', async () => {
    const { h, account } = await setup()
    const view = await account.connect()
    expect(view).toMatchObject({ state: 'connected', flow: 'code', channelUrl: 'live_channel', user: { id: USERS.owner, nick: 'streamer_live', nickColor: 7, isStreamer: true } })
    expect(view.user?.avatarUrl).toMatch(/^\/livedeck-img\/img\//)
    const request = h.authRequests[0]!
    const authorize = new URL(request.authorizeUrl)
    expect(authorize.searchParams.get('response_type')).toBe('code')
    expect(authorize.searchParams.get('scope')).toBe('channel:credentials,channel:stream:settings,chat:settings,chat:message:send')
    expect(authorize.searchParams.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(request.allowedHosts).toEqual(h.app.services.endpoints.authHosts.vk)
    expect(tokenCalls(h, 'authorization_code')).toBe(1)
    // Tokens are on disk only encrypted, and the account survives a new service instance.
    expect((await h.app.services.vault.get('vk'))?.refreshToken).toBeTruthy()
  })

  it('an account without a channel is connected with channelUrl null', async () => {
    const { h, account } = await setup()
    h.consent = { user: USERS.viewer }
    const view = await account.connect()
    expect(view).toMatchObject({ state: 'connected', channelUrl: null, user: { nick: 'viewer_vova', avatarUrl: null, isStreamer: false } })
  })

  it('closing the window is cancelled; a denial is a clear platform error; a forged state is refused', async () => {
    const { h, account } = await setup()
    h.consent = { user: USERS.owner, cancel: true }
    expect(await errorOf(account.connect())).toMatchObject({ code: 'cancelled' })
    h.consent = { user: USERS.owner, deny: true }
    expect(await errorOf(account.connect())).toMatchObject({ code: 'platform', platformCode: 'access_denied' })
    h.consent = { user: USERS.owner, forgeState: 'attacker' }
    expect(await errorOf(account.connect())).toMatchObject({ code: 'platform', platformCode: 'state_mismatch' })
    // The forged answer's code was never exchanged.
    expect(tokenCalls(h, 'authorization_code')).toBe(0)
    expect((await account.view()).state).toBe('disconnected')
  })

  it('without a client id it is not_configured', async () => {
    const { h, account } = await setup()
    h.app.services.settings.update({ vk: { clientId: '' } })
    expect(await errorOf(account.connect())).toMatchObject({ code: 'not_configured' })
  })
})

describe('VK token refresh', () => {
  it('401 → exactly one refresh (with redirect_uri) → the call is retried and succeeds', async () => {
    const { h, account } = await setup()
    await account.connect()
    await h.control('/faults', { platform: 'vk', path: '/v1/current_user', status: 401, count: 1 })
    const { data } = await whoAmI(account)
    expect(data.user.id).toBe(USERS.owner)
    expect(tokenCalls(h, 'refresh_token')).toBe(1)
    const refresh = h.requests.find((r) => r.body.includes('grant_type=refresh_token'))!
    expect(new URLSearchParams(refresh.body).get('redirect_uri')).toBe('https://livedeck.invalid/oauth/vk')
  })

  it('concurrent 401s share one refresh', async () => {
    const { h, account } = await setup()
    await account.connect()
    // The sandbox really expires the token: every call in flight gets a 401 with the same token.
    h.advance(3600 + 1)
    // Ask with the stale token directly (getFresh would refresh before sending).
    const vault = h.app.services.vault
    const record = (await vault.get('vk'))!
    await vault.save('vk', { ...record, expiresAt: h.clock.now() + 3_600_000 })
    const results = await Promise.all([whoAmI(account), whoAmI(account), whoAmI(account), whoAmI(account)])
    expect(results.map((r) => r.data.user.id)).toEqual([USERS.owner, USERS.owner, USERS.owner, USERS.owner])
    expect(tokenCalls(h, 'refresh_token')).toBe(1)
  })

  it('refreshes shortly before expiry without waiting for a 401', async () => {
    const { h, account } = await setup()
    await account.connect()
    h.advance(3600 - 60)
    await whoAmI(account)
    expect(tokenCalls(h, 'refresh_token')).toBe(1)
    expect(h.requests.filter((r) => r.path === '/v1/current_user').length).toBe(2)
  })

  it('a failed refresh → needs_reconnect state, no loop, no silent logout', async () => {
    const { h, account } = await setup()
    await account.connect()
    const changes: string[] = []
    account.onChange((v) => changes.push(v.state))
    await h.control('/faults', { platform: 'vk', path: '/oauth/server/token', status: 400, result: { error: 'invalid_grant', error_description: 'x' }, count: 1 })
    await h.control('/faults', { platform: 'vk', path: '/v1/current_user', status: 401, count: 1 })
    expect(await errorOf(whoAmI(account))).toMatchObject({ code: 'needs_reconnect', platformCode: 'invalid_grant' })
    const view = await account.view()
    expect(view.state).toBe('needsReconnect')
    expect(view.user?.nick).toBe('streamer_live')
    expect(changes).toContain('needsReconnect')
    // Further calls do not try again.
    expect(await errorOf(whoAmI(account))).toMatchObject({ code: 'needs_reconnect' })
    expect(tokenCalls(h, 'refresh_token')).toBe(1)
    // Signing in again clears the state.
    expect((await account.connect()).state).toBe('connected')
  })

  it('a 503 from the token endpoint keeps the tokens (network), the next call refreshes', async () => {
    const { h, account } = await setup()
    await account.connect()
    h.advance(3600 + 1)
    await h.control('/faults', { platform: 'vk', path: '/oauth/server/token', status: 503, count: 1 })
    expect(await errorOf(whoAmI(account))).toMatchObject({ code: 'network', platformCode: 'service_unavailable' })
    expect((await account.view()).state).toBe('connected')
    expect((await whoAmI(account)).data.user.id).toBe(USERS.owner)
  })
})

describe('VK ImplicitFlow (no client secret)', () => {
  it('takes token + expire_time from the fragment; expiry → reconnect; sign-out says it stays valid', async () => {
    const { h, account } = await setup({ secret: false })
    const before = Math.floor(h.clock.now() / 1000) * 1000
    const view = await account.connect()
    expect(view).toMatchObject({ state: 'connected', flow: 'implicit' })
    expect(new URL(h.authRequests[0]!.authorizeUrl).searchParams.get('response_type')).toBe('token')
    // expire_time is a unix time in seconds: whole seconds, one hour after the consent.
    expect(view.expiresAt! % 1000).toBe(0)
    expect(view.expiresAt! - before).toBeGreaterThanOrEqual(3_600_000)
    expect(view.expiresAt! - before).toBeLessThanOrEqual(3_601_000)
    expect(tokenCalls(h, 'authorization_code') + tokenCalls(h, 'refresh_token')).toBe(0)
    h.advance(3600 + 1)
    expect(await errorOf(whoAmI(account))).toMatchObject({ code: 'needs_reconnect' })
    expect((await account.view()).state).toBe('needsReconnect')
    expect(tokenCalls(h, 'refresh_token')).toBe(0)
    const out = await account.disconnect()
    expect(out).toEqual({ revoked: false, validUntil: view.expiresAt })
    expect((await account.view()).state).toBe('disconnected')
    expect(h.clearedSessions).toEqual(['vk'])
  })

  it('a 401 on an implicit token goes straight to reconnect', async () => {
    const { h, account } = await setup({ secret: false })
    await account.connect()
    await h.control('/faults', { platform: 'vk', path: '/v1/current_user', status: 401, count: 1 })
    expect(await errorOf(whoAmI(account))).toMatchObject({ code: 'needs_reconnect' })
  })
})

describe('VK sign-out, start-up check, app token', () => {
  it('sign-out revokes access and refresh tokens, wipes them, clears the auth partition', async () => {
    const { h, account } = await setup()
    await account.connect()
    const record = (await h.app.services.vault.get('vk'))!
    const out = await account.disconnect()
    expect(out).toEqual({ revoked: true, validUntil: null })
    const revokes = h.requests.filter((r) => r.path === '/oauth/server/revoke').map((r) => new URLSearchParams(r.body).get('token_type_hint'))
    expect(revokes.sort()).toEqual(['access_token', 'refresh_token'])
    expect(await h.app.services.vault.get('vk')).toBeNull()
    expect(h.clearedSessions).toEqual(['vk'])
    // The revoked token is dead at VK too.
    const res = await fetch(`${h.app.services.endpoints.vk.apiBase}/v1/current_user`, { headers: { authorization: `Bearer ${record.accessToken}` } })
    expect(res.status).toBe(401)
  })

  it('sign-out when VK cannot revoke: still wiped locally, and says the token stays valid until expiry', async () => {
    const { h, account } = await setup()
    const view = await account.connect()
    await h.control('/faults', { platform: 'vk', path: '/oauth/server/revoke', status: 500, count: 2 })
    expect(await account.disconnect()).toEqual({ revoked: false, validUntil: view.expiresAt })
    expect(await h.app.services.vault.get('vk')).toBeNull()
    expect((await account.view()).state).toBe('disconnected')
  })

  it('start-up check: GET /v1/token; a revoked token is refreshed, a dead session asks to reconnect', async () => {
    const { h, account } = await setup()
    await account.connect()
    expect((await account.checkStoredToken()).state).toBe('connected')
    expect(h.requests.filter((r) => r.path === '/v1/token').length).toBe(1)
    // Another client revoked everything: refresh fails → reconnect.
    const record = (await h.app.services.vault.get('vk'))!
    const basic = `Basic ${Buffer.from('livedeck-sandbox:sandbox-vk-client-secret-0001').toString('base64')}`
    for (const token of [record.accessToken, record.refreshToken!]) {
      await fetch(h.app.services.endpoints.vk.revokeUrl, { method: 'POST', headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' }, body: `token=${token}` })
    }
    expect((await account.checkStoredToken()).state).toBe('needsReconnect')
  })

  it('app-level reads use a client-credentials token', async () => {
    const { h, account } = await setup()
    const { data } = await account.appApi.call({ method: 'GET', path: '/v1/channel', query: { channel_url: 'live_channel' }, schema: channelResponseSchema })
    expect(data.channel.url).toBe('live_channel')
    expect(tokenCalls(h, 'client_credentials')).toBe(1)
    await account.appApi.call({ method: 'GET', path: '/v1/channel', query: { channel_url: 'live_channel' }, schema: channelResponseSchema })
    expect(tokenCalls(h, 'client_credentials')).toBe(1)
  })

  it('an app token VK rejects is replaced once; without a secret app-level reads use the user token', async () => {
    const { h, account } = await setup()
    const read = () => account.appApi.call({ method: 'GET', path: '/v1/channel', query: { channel_url: 'live_channel' }, schema: channelResponseSchema })
    await read()
    await h.control('/faults', { platform: 'vk', path: '/v1/channel', status: 401, count: 1 })
    expect((await read()).data.channel.url).toBe('live_channel')
    expect(tokenCalls(h, 'client_credentials')).toBe(2)
    h.app.services.settings.clearSecret('vk.clientSecret')
    h.consent = { user: USERS.viewer }
    await account.connect()
    expect((await read()).data.channel.url).toBe('live_channel')
    expect(tokenCalls(h, 'client_credentials')).toBe(2)
  })

  it('faults: 5xx, delay past the timeout, connection reset → each a clear error', async () => {
    const { h, account } = await setup()
    await account.connect()
    await h.control('/faults', { platform: 'vk', path: '/v1/current_user', status: 500, count: 1 })
    expect(await errorOf(whoAmI(account))).toMatchObject({ code: 'platform', platformCode: 'internal_server_error' })
    await h.control('/faults', { platform: 'vk', path: '/v1/current_user', reset: true, count: 1 })
    expect(await errorOf(whoAmI(account))).toMatchObject({ code: 'network' })
    // A slow answer within the timeout is just slow; one past it is timed_out.
    await h.control('/faults', { platform: 'vk', path: '/v1/current_user', delayMs: 200, count: 1 })
    expect((await whoAmI(account)).data.user.id).toBe(USERS.owner)
    await h.control('/faults', { platform: 'vk', path: '/v1/current_user', delayMs: 1500, count: 1 })
    const sent = h.requests.length
    const slow = errorOf(whoAmI(account))
    await waitFor(() => h.requests.length > sent, 'the request to leave')
    h.advance(16)
    expect(await slow).toMatchObject({ code: 'timed_out' })
    await h.control('/faults', { platform: 'vk', path: '/v1/current_user', status: 429, count: 1 })
    expect(await errorOf(whoAmI(account))).toMatchObject({ code: 'platform', platformCode: 'ratelimit_exceeded' })
    expect((await whoAmI(account)).data.user.id).toBe(USERS.owner)
  })
})
