/* eslint-disable @typescript-eslint/no-unsafe-member-access -- frames are untyped JSON */
/**
 * `POST <control>/reset` (issue 3: "restores fixtures") restores everything, on every platform at once:
 * - VK: open pubsub connections are closed (3011, a code clients reconnect on), connection and subscription
 *   JWTs minted before it no longer verify, codes/access/refresh tokens are forgotten, fixtures are back,
 *   pubsub faults (dropped pongs, batching) are lifted;
 * - Kuaishou: codes, access and refresh tokens, lives and flags (face verification) are forgotten, options
 *   return to their start-up values;
 * - RTMP: live publishes are dropped (ffmpeg ends) and the publish list is empty; a VK channel made live by
 *   a publish is offline again and its old stream key is refused.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { killEncoders, publish, withTimeout } from './ffmpeg-publish'
import { authorizeCode, controlPost, getJson, ks, liveStatus, makeJpeg, pushUrls, signIn, stopPush, url, userWith, waitFor, type Json } from './kuaishou-harness'
import { ALL_SCOPES, expectError, startVk, type Vk } from './vk-helpers'
import { openRaw } from './ws-client'

let t: Vk
beforeAll(async () => {
  t = await startVk({ graceMs: 60_000 })
})
afterEach(killEncoders)
afterAll(async () => {
  await t.sb.stop()
})

const reset = async (): Promise<void> => {
  expect((await t.control('/reset', {})).status).toBe(200)
}
const data = async <T = Json>(res: Response): Promise<T> => ((await res.json()) as { data: T }).data

describe('POST /reset on VK', () => {
  it('closes open pubsub connections and voids every JWT, code and token minted before it', async () => {
    const owner = t.user('owner', 'live_channel').id
    const viewer = t.user('viewer').id
    const pair = await t.codeFlow(viewer, ALL_SCOPES)
    const unusedCode = new URL(((await (await t.consent({ user: owner, scope: ALL_SCOPES })).json()) as { location: string }).location).searchParams.get('code') ?? ''
    const { channel } = await data<{ channel: { web_socket_channels: { limited_chat: string } } }>(await t.api('/v1/channel?channel_url=live_channel', { token: pair.access_token }))
    const limited = channel.web_socket_channels.limited_chat
    const wsToken = (await data<{ token: string }>(await t.api('/v1/websocket/token', { token: pair.access_token }))).token
    const subs = await data<{ channel_tokens: Array<{ channel: string; token: string }> }>(await t.api(`/v1/websocket/subscription_token?channels=${encodeURIComponent(limited)}`, { token: pair.access_token }))
    const subToken = subs.channel_tokens.find((c) => c.channel === limited)?.token ?? ''
    expect(subToken).not.toBe('')

    const client = await openRaw(t.vk.pubsubUrl)
    expect((await client.call({ connect: { token: wsToken } })).connect).toBeDefined()
    expect((await client.call({ subscribe: { channel: limited, token: subToken } })).subscribe).toEqual({})

    await reset()
    const closed = await client.closed
    expect(closed.code).toBe(3011)
    expect(closed.code).toBeLessThan(3500)

    // The old connection JWT: refused as invalid (101, then 3500), not merely expired.
    const stale = await openRaw(t.vk.pubsubUrl)
    expect((await stale.call({ connect: { token: wsToken } })).error?.code).toBe(101)
    expect((await stale.closed).code).toBe(3500)

    // The old tokens and code are gone.
    await expectError(await t.api('/v1/current_user', { token: pair.access_token }), 401, 'unauthorized')
    const refreshed = await t.token({ grant_type: 'refresh_token', refresh_token: pair.refresh_token, redirect_uri: t.app.redirect_uri })
    expect(refreshed.status).toBe(400)
    expect(((await refreshed.json()) as { error: string }).error).toBe('invalid_grant')
    const exchanged = await t.token({ grant_type: 'authorization_code', code: unusedCode, redirect_uri: t.app.redirect_uri })
    expect(((await exchanged.json()) as { error: string }).error).toBe('invalid_grant')

    // A fresh sign-in connects, but the old subscription JWT no longer opens the limited channel (103).
    const fresh = await t.codeFlow(viewer, ALL_SCOPES)
    const freshWs = (await data<{ token: string }>(await t.api('/v1/websocket/token', { token: fresh.access_token }))).token
    const again = await openRaw(t.vk.pubsubUrl)
    expect((await again.call({ connect: { token: freshWs } })).connect).toBeDefined()
    expect((await again.call({ subscribe: { channel: limited, token: subToken } })).error?.code).toBe(103)
    again.close()
  })

  it('restores fixtures, forgets chat messages and lifts pubsub faults', async () => {
    await t.controlJson('/vk/chat', { channel_url: 'live_channel', user: t.user('viewer').id, parts: [{ text: { content: 'before reset' } }] })
    await t.controlJson('/vk/stream', { channel_url: 'live_channel', live: false })
    await t.controlJson('/faults', { platform: 'vk', wsDrop: true })
    await t.controlJson('/faults', { platform: 'vk', batch: true })
    await reset()
    expect(await t.controlJson<unknown[]>('/faults')).toEqual([])
    const app = await t.appToken()
    const { chat_messages } = await data<{ chat_messages: Array<{ parts: unknown }> }>(await t.api('/v1/chat/messages?channel_url=live_channel&limit=200', { token: app }))
    expect(JSON.stringify(chat_messages)).not.toContain('before reset')
    const live = await data<{ stream: { id: string; ended_at: number } }>(await t.api('/v1/channel?channel_url=live_channel', { token: app }))
    expect(live.stream.ended_at).toBe(0)
    expect(live.stream.id).toBe('9e6f3a10-0000-4000-8000-000000000001')
    // Pongs count again: a connection survives a ping round; frames are one message each.
    const wsToken = (await data<{ token: string }>(await t.api('/v1/websocket/token', { token: app }))).token
    const client = await openRaw(t.vk.pubsubUrl)
    await client.call({ connect: { token: wsToken } })
    await t.control('/clock/advance', { seconds: 25 })
    await client.waitFor(() => client.pings() === 1)
    expect((await client.call({ subscribe: { channel: 'api-channel-chat:2000001' } })).subscribe).toEqual({})
    await t.control('/clock/advance', { seconds: 9 })
    expect((await client.call({ subscribe: { channel: 'api-channel-info:2000001' } })).subscribe).toEqual({})
    client.close()
  })
})

describe('POST /reset on Kuaishou and the RTMP ingest', () => {
  it('drops publishes and forgets lives, codes, tokens, flags and options', async () => {
    const sb = t.sb
    const cfg = ks(sb)
    const app = cfg.apps.kuaishou
    const streamer = userWith(sb, null)
    const tokens = await signIn(sb, streamer)
    const unusedCode = await authorizeCode(sb, streamer)
    const faceUser = userWith(sb, 'face_verify')
    await controlPost(sb, '/kuaishou/verify', { open_id: faceUser })
    await controlPost(sb, '/kuaishou/options', { requireBizId: true })
    const content = (await pushUrls(sb, tokens.access_token, { caption: 'reset', bizId: 'b1' }, { data: makeJpeg(), filename: 'cover.jpg' })).content as { pushUrl: string; liveStreamName: string }
    const encoder = publish(content.pushUrl, 60)
    await waitFor(async () => ((await liveStatus(sb, tokens.access_token, content.liveStreamName)).content as { status: string }).status, (s) => s === 'LIVING', 15_000)
    expect((await getJson(`${sb.control}/rtmp/publishes`)) as unknown as unknown[]).toHaveLength(1)

    await reset()
    // The encoder's connection is dropped at once.
    await withTimeout(encoder.exited, 10_000, 'ffmpeg exit after reset')
    expect(await getJson(`${sb.control}/rtmp/publishes`)).toEqual([])
    const lives = (await getJson(`${sb.control}/kuaishou/lives`)) as unknown as Array<{ liveStreamName: string }>
    expect(lives.map((l) => l.liveStreamName)).toEqual([cfg.kuaishou.foreignLiveStreamName])
    // The sandbox clock passing the grace period does not resurrect anything.
    await controlPost(sb, '/clock/advance', { seconds: 120 })
    expect(await getJson(`${sb.control}/kuaishou/lives`)).toHaveLength(1)

    const base = cfg.kuaishou.openBase
    expect(await getJson(url(base, '/openapi/user_info', { app_id: app.app_id, access_token: tokens.access_token }))).toMatchObject({ result: 100200102 })
    expect(await getJson(url(base, '/oauth2/refresh_token', { app_id: app.app_id, app_secret: app.app_secret, refresh_token: tokens.refresh_token, grant_type: 'refresh_token' }))).toMatchObject({ result: 100200102 })
    expect(await getJson(url(base, '/oauth2/access_token', { app_id: app.app_id, app_secret: app.app_secret, code: unusedCode, grant_type: 'authorization_code' }))).toMatchObject({ result: 100200105 })
    const config = (await getJson(`${sb.control}/config`)) as unknown as { users: { kuaishou: Array<{ open_id: string; flags: string[] }> } }
    expect(config.users.kuaishou.find((u) => u.open_id === faceUser)?.flags).toContain('face_verify')
    // The same URL after the reset: unknown stream, refused.
    expect(await withTimeout(publish(content.pushUrl, 3).exited, 10_000, 'refused publish')).not.toBe(0)
    expect(await getJson(`${sb.control}/rtmp/publishes`)).toEqual([expect.objectContaining({ outcome: 'refused', reason: 'unknown stream' })])
    // Options are back: bizId is optional again, so stopPush without it reaches the ownership check.
    const fresh = await signIn(sb, streamer)
    expect((await stopPush(sb, fresh.access_token, cfg.kuaishou.foreignLiveStreamName)).result).toBe(400013)
  })

  it('a VK channel made live by a publish is offline again and its old stream key is refused', async () => {
    const owner = t.user('owner', 'quiet_channel').id
    const token = (await t.codeFlow(owner, 'channel:credentials')).access_token
    const credentials = await data<{ url: string; token: string }>(await t.api('/v1/channel/credentials?channel_url=quiet_channel', { token }))
    const status = async (): Promise<string> => (await data<{ channel: { status: string } }>(await t.api('/v1/channel?channel_url=quiet_channel', { basic: true }))).channel.status
    const encoder = publish(`${credentials.url}/${credentials.token}`, 60)
    await waitFor(status, (s) => s === 'online', 15_000)

    await reset()
    await withTimeout(encoder.exited, 10_000, 'ffmpeg exit after reset')
    expect(await status()).toBe('offline')
    expect(await withTimeout(publish(`${credentials.url}/${credentials.token}`, 3).exited, 10_000, 'refused publish')).not.toBe(0)
    expect(await getJson(`${t.sb.control}/rtmp/publishes`)).toEqual([expect.objectContaining({ app: 'vk', outcome: 'refused', reason: 'unknown stream key' })])
  })
})
