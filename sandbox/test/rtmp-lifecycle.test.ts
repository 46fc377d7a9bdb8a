/**
 * The RTMP ingest with real publishes from Debian ffmpeg (small and short; the suite fails, not skips,
 * when ffmpeg is missing): Kuaishou LIVE_NOT_START → LIVING → stopPush → LIVE_END with the connection
 * dropped; encoder killed → LIVE_END within grace + 1 s (grace 2 s here); used, unknown and wrongly signed
 * URLs refused; a VK credentials publish turning the channel live and its end ending the stream.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../src/index'
import { killEncoders, publish, withTimeout } from './ffmpeg-publish'
import { controlPost, getJson, liveStatus, makeJpeg, pushUrls, signIn, stopPush, userWith, waitFor, type Cover, type Json } from './kuaishou-harness'

const GRACE_MS = 2000
let sb: RunningSandbox
let cover: Cover

type PublishRecord = { app: string; name: string; outcome: string; reason?: string; mediaAt?: number; endedAt?: number; audioCodec?: number }
const publishes = async (): Promise<PublishRecord[]> => (await getJson(`${sb.control}/rtmp/publishes`)) as unknown as PublishRecord[]

beforeAll(async () => {
  cover = { data: makeJpeg(), filename: 'cover.jpg' }
  sb = await startSandbox({ graceMs: GRACE_MS })
})
afterEach(killEncoders)
afterAll(async () => {
  await sb.stop()
})

async function newLive(): Promise<{ token: string; name: string; pushUrl: string }> {
  const token = (await signIn(sb, userWith(sb, null))).access_token
  const body = await pushUrls(sb, token, { caption: 'ffmpeg' }, cover)
  const content = body.content as { pushUrl: string; liveStreamName: string }
  return { token, name: content.liveStreamName, pushUrl: content.pushUrl }
}

const statusOf = async (token: string, name: string): Promise<string> => ((await liveStatus(sb, token, name)).content as { status: string }).status

describe('Kuaishou push URL lifecycle', () => {
  it('LIVE_NOT_START → LIVING on publish → stopPush drops the encoder → LIVE_END; the used URL is then refused', async () => {
    const { token, name, pushUrl } = await newLive()
    expect(await statusOf(token, name)).toBe('LIVE_NOT_START')
    const encoder = publish(pushUrl, 30)
    await waitFor(() => statusOf(token, name), (s) => s === 'LIVING', 15_000)
    const record = (await publishes()).find((p) => p.name === name)
    expect(record).toMatchObject({ app: 'gifshow', outcome: 'accepted', audioCodec: 10 })

    expect((await stopPush(sb, token, name)).result).toBe(0)
    expect(await statusOf(token, name)).toBe('LIVE_END')
    // The connection was dropped: ffmpeg ends long before its 30 s.
    await withTimeout(encoder.exited, 10_000, 'ffmpeg exit after stopPush')

    const again = publish(pushUrl, 5)
    const code = await withTimeout(again.exited, 10_000, 'refused ffmpeg exit')
    expect(code).not.toBe(0)
    const attempts = (await publishes()).filter((p) => p.name === name)
    expect(attempts.map((p) => p.outcome)).toEqual(['accepted', 'refused'])
    expect(await statusOf(token, name)).toBe('LIVE_END')
  })

  it('encoder killed → still LIVING inside the grace period, LIVE_END within grace + 1 s', async () => {
    const { token, name, pushUrl } = await newLive()
    const encoder = publish(pushUrl, 30)
    await waitFor(() => statusOf(token, name), (s) => s === 'LIVING', 15_000)
    encoder.child.kill('SIGKILL')
    await encoder.exited
    const killedAt = Date.now()
    await waitFor(async () => (await publishes()).find((p) => p.name === name)?.endedAt, (endedAt) => endedAt !== undefined, 5000, 20)
    expect(await statusOf(token, name)).toBe('LIVING')
    await waitFor(() => statusOf(token, name), (s) => s === 'LIVE_END', GRACE_MS + 1000, 50)
    const elapsed = Date.now() - killedAt
    expect(elapsed).toBeLessThanOrEqual(GRACE_MS + 1000)
    expect(elapsed).toBeGreaterThanOrEqual(GRACE_MS - 500)
    expect(((await liveStatus(sb, token, name)).content as { statusMsg: string }).statusMsg).not.toBe('')
  })

  it('the grace timer runs on the sandbox clock: /clock/advance ends the live at once', async () => {
    const { token, name, pushUrl } = await newLive()
    const encoder = publish(pushUrl, 30)
    await waitFor(() => statusOf(token, name), (s) => s === 'LIVING', 15_000)
    encoder.child.kill('SIGKILL')
    await waitFor(async () => (await publishes()).find((p) => p.name === name)?.endedAt, (endedAt) => endedAt !== undefined, 5000, 20)
    await controlPost(sb, '/clock/advance', { seconds: GRACE_MS / 1000 })
    expect(await statusOf(token, name)).toBe('LIVE_END')
  })

  it('a second publish to a used URL is refused even inside the grace period (single use)', async () => {
    const { token, name, pushUrl } = await newLive()
    const first = publish(pushUrl, 1)
    await withTimeout(first.exited, 15_000, 'short publish')
    expect(await statusOf(token, name)).toBe('LIVING')
    const second = publish(pushUrl, 5)
    expect(await withTimeout(second.exited, 10_000, 'refused publish')).not.toBe(0)
    expect((await publishes()).filter((p) => p.name === name).map((p) => [p.outcome, p.reason])).toEqual([
      ['accepted', undefined],
      ['refused', 'push URL already used']
    ])
  })

  it('unknown stream, wrong sign and a 2-day-old URL are refused', async () => {
    const { name, pushUrl } = await newLive()
    const badSign = pushUrl.replace(/sign=[0-9a-f]{8}/, 'sign=00000000')
    const unknown = pushUrl.replace(name, 'AAAAAAAAAAA')
    for (const target of [badSign, unknown]) expect(await withTimeout(publish(target, 3).exited, 10_000, 'refused publish')).not.toBe(0)
    await controlPost(sb, '/clock/advance', { seconds: 172800 })
    expect(await withTimeout(publish(pushUrl, 3).exited, 10_000, 'refused publish')).not.toBe(0)
    const reasons = (await publishes()).filter((p) => p.outcome === 'refused').map((p) => p.reason)
    expect(reasons).toEqual(expect.arrayContaining(['bad sign', 'unknown stream', 'live ended: the push URL is used up']))
    const fresh = (await signIn(sb, userWith(sb, null))).access_token
    expect(await statusOf(fresh, name)).toBe('LIVE_END')
  })
})

describe('VK credentials publish', () => {
  it('publishing with /v1/channel/credentials makes the channel live in /v1/channel; ending the publish ends the stream', async () => {
    const cfg = sb as unknown as { vk: { tokenUrl: string; apiBase: string }; apps: { vk: { client_id: string; client_secret: string; redirect_uri: string } }; channels: { vk: Array<{ url: string; owner_id: number; status: string }> } }
    const offline = cfg.channels.vk.find((c) => c.status === 'offline')!
    const app = cfg.apps.vk
    const consent = await controlPost(sb, '/vk/consent', { client_id: app.client_id, redirect_uri: app.redirect_uri, response_type: 'code', scope: 'channel:credentials', state: 's', user: offline.owner_id })
    const code = new URL(((await consent.json()) as { location: string }).location).searchParams.get('code') ?? ''
    const tokenRes = await fetch(cfg.vk.tokenUrl, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${app.client_id}:${app.client_secret}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: app.redirect_uri })
    })
    const { access_token } = (await tokenRes.json()) as { access_token: string }
    const api = async (path: string): Promise<Json> => {
      const res = await fetch(`${cfg.vk.apiBase}${path}`, { headers: { authorization: `Bearer ${access_token}` } })
      return (await res.json()) as Json
    }
    const credentials = (await api(`/v1/channel/credentials?channel_url=${offline.url}`)).data as { url: string; token: string }
    expect(credentials.url).toMatch(/^rtmp:\/\/127\.0\.0\.1:\d+\/vk$/)
    const channelStatus = async (): Promise<{ status: string; stream?: { id: string; ended_at: number } }> => {
      const data = (await api(`/v1/channel?channel_url=${offline.url}`)).data as { channel: { status: string }; stream?: { id: string; ended_at: number } }
      return { status: data.channel.status, stream: data.stream }
    }
    expect((await channelStatus()).status).toBe('offline')

    const encoder = publish(`${credentials.url}/${credentials.token}`, 30)
    const live = await waitFor(channelStatus, (s) => s.status === 'online', 15_000)
    expect(live.stream?.ended_at).toBe(0)
    // Ending the publish (the encoder's socket closing) ends the stream at once.
    encoder.child.kill('SIGKILL')
    const ended = await waitFor(channelStatus, (s) => s.status === 'offline', 3000, 50)
    expect(ended.stream?.id).toBe(live.stream?.id)
    expect(ended.stream?.ended_at).toBeGreaterThan(0)

    // A wrong key is refused.
    expect(await withTimeout(publish(`${credentials.url}/not-a-key`, 3).exited, 10_000, 'refused publish')).not.toBe(0)
    expect((await publishes()).some((p) => p.app === 'vk' && p.outcome === 'refused' && p.reason === 'unknown stream key')).toBe(true)
  })
})
