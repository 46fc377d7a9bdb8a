/**
 * A live from push URL to LIVE_END on the sandbox: status polling with a real RTMP publish (ffmpeg),
 * Stop (retried, never reported done when it failed), the end without Stop, poll backoff on 400002,
 * expiry, restore in a new app instance on the same data dir, and the live-API result codes for
 * stream names and apps.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { KuaishouLiveView } from '../../../shared/ipc/kuaishou'
import { createKuaishouClient } from './api-client'
import { KS_USERS, makeCover, startKsHarness, type KsHarness } from './test-support/harness'

let cover: Uint8Array<ArrayBuffer>
let h: KsHarness
beforeAll(() => {
  cover = makeCover()
})
beforeEach(async () => {
  h = await startKsHarness({ graceMs: 1_500 })
  h.consent = { user: KS_USERS.streamer }
  await h.app.handlers['kuaishou.connect'](undefined)
})
afterEach(() => h.stop())

const STOP_PATH = '/openapi/kwaiUser/live/stopPush'
const STATUS_PATH = '/openapi/kwaiUser/live/status'

const create = () => h.app.handlers['kuaishou.createLive']({ cover, caption: 'live', panoramic: 0, shopLive: false })
const live = (): KuaishouLiveView | null => h.app.handlers['kuaishou.getLive'](undefined) as KuaishouLiveView | null
const errorOf = async (p: unknown): Promise<Record<string, unknown>> => {
  try {
    await p
  } catch (e) {
    return { ...(e as object), code: (e as { code: string }).code }
  }
  throw new Error('expected a rejection')
}
/** Moves the shared clock 1 s at a time until `p` settles (for retry waits and poll intervals). */
async function advanceUntil<T>(value: T | PromiseLike<T>, stepMs = 1_000): Promise<T> {
  const p = Promise.resolve(value)
  let done = false
  const settled = p.finally(() => (done = true))
  // Handled by the caller once the loop ends; don't let the wait look like an unhandled rejection.
  settled.catch(() => {})
  while (!done) {
    h.advance(stepMs)
    await new Promise((r) => setTimeout(r, 20))
  }
  return settled
}
const goLive = async () => {
  const view = await create()
  const publisher = h.publish(h.app.services.sensitive.reveal(view.pushUrlRef!))
  await h.waitFor(() => live()?.status === 'LIVING', 20_000)
  return { view, publisher }
}

describe('status and stop', () => {
  it('sees LIVING after a real publish, stops, sees LIVE_END and stops polling', async () => {
    const { view, publisher } = await goLive()
    // One live per URL: once used it is no longer offered for copying.
    expect(live()!.pushUrlRef).toBeNull()
    const statusBefore = (await h.requests(STATUS_PATH)).length
    const stopped = await h.app.handlers['kuaishou.stopLive'](undefined)
    expect(stopped).toMatchObject({ status: 'LIVE_END', stop: 'stopped', endedWithoutStop: false })
    const [stop] = await h.requests(STOP_PATH)
    expect(stop!.method).toBe('POST')
    expect(stop!.query).toMatchObject({ liveStreamName: view.liveStreamName })
    // Polled once right after Stop.
    expect((await h.requests(STATUS_PATH)).length).toBe(statusBefore + 1)
    expect(h.notifications).toEqual([])
    h.advance(120_000)
    await new Promise((r) => setTimeout(r, 100))
    expect((await h.requests(STATUS_PATH)).length).toBe(statusBefore + 1)
    await publisher.stop()
    // Ended: a new push URL may be asked for, and the old live can be dismissed.
    expect(await h.app.handlers['kuaishou.dismissLive'](undefined)).toBeNull()
    expect(live()).toBeNull()
  }, 40_000)

  it('says clearly when the live ended without Stop (encoder gone), with a notification', async () => {
    const { publisher } = await goLive()
    await publisher.stop()
    // The sandbox's grace (1.5 s) runs on the shared clock; the 10 s poll too.
    const ended = await advanceUntil(h.waitFor(() => (live()?.status === 'LIVE_END' ? live() : undefined), 20_000))
    expect(ended).toMatchObject({ endedWithoutStop: true, pushUrlRef: null, stop: 'idle' })
    expect(h.notifications).toEqual([{ title: 'Kuaishou live ended', body: expect.stringContaining('new push URL') as string }])
    expect(h.eventsOf('kuaishou.live').at(-1)).toMatchObject({ status: 'LIVE_END', endedWithoutStop: true })
    // Nothing left to stop: Stop answers at once without calling Kuaishou.
    expect(await h.app.handlers['kuaishou.stopLive'](undefined)).toMatchObject({ status: 'LIVE_END' })
    expect(await h.requests(STOP_PATH)).toHaveLength(0)
    expect((await create()).status).toBe('LIVE_NOT_START')
  }, 40_000)

  it('retries a failed stopPush and reports it done only when it went through', async () => {
    await create()
    await h.fault({ path: STOP_PATH, status: 500, count: 2 })
    const view = await advanceUntil(h.app.handlers['kuaishou.stopLive'](undefined))
    expect(view).toMatchObject({ status: 'LIVE_END', stop: 'stopped' })
    expect(await h.requests(STOP_PATH)).toHaveLength(3)
  })

  it('a stop that keeps failing is "failed", never done, and can be tried again', async () => {
    const { liveStreamName } = await create()
    await h.fault({ path: STOP_PATH, status: 500, count: 4 })
    const error = await errorOf(advanceUntil(h.app.handlers['kuaishou.stopLive'](undefined)))
    expect(error).toMatchObject({ code: 'platform', platformCode: 'http_500' })
    expect(live()).toMatchObject({ stop: 'failed', status: 'LIVE_NOT_START' })
    const lives = (await h.control('/kuaishou/lives')) as Array<{ liveStreamName: string; status: string }>
    expect(lives.find((l) => l.liveStreamName === liveStreamName)?.status).toBe('LIVE_NOT_START')
    expect(await errorOf(create())).toMatchObject({ code: 'live_active' })
    expect(await h.app.handlers['kuaishou.stopLive'](undefined)).toMatchObject({ stop: 'stopped', status: 'LIVE_END' })
  })

  it('meets the sandbox\'s own rate limiter (400002) and reports it without losing the live', async () => {
    await h.control('/kuaishou/options', { rateLimit: { count: 2, windowMs: 600_000 } })
    const { liveStreamName } = await create()
    await h.app.handlers['kuaishou.refreshLive'](undefined)
    const limited = await h.app.handlers['kuaishou.refreshLive'](undefined)
    expect(limited).toMatchObject({ liveStreamName, pollError: 'rate_limited', status: 'LIVE_NOT_START' })
    expect(await errorOf(advanceUntil(h.app.handlers['kuaishou.stopLive'](undefined)))).toMatchObject({ code: 'rate_limited' })
    expect(live()!.stop).toBe('failed')
  })

  it('polls every 2 s until live and doubles the wait up to 60 s while rate limited (400002)', async () => {
    await h.fault({ path: `${STATUS_PATH}/**`, status: 200, result: { result: 400002, content: null, hostName: 'x' }, count: 5 })
    await create()
    const polls = () => h.requests(STATUS_PATH)
    await advanceUntil(h.waitFor(async () => (await polls()).length >= 7, 30_000), 500)
    const at = (await polls()).map((r) => (r as unknown as { at: number }).at)
    const gaps = at.slice(1, 7).map((t, i) => t - at[i]!)
    // First poll 2 s after creation → 400002 ×5: waits of 4, 8, 16, 32, 60 s, then back to 2 s.
    // The clock moves in 500 ms steps, so a poll can land up to one step late.
    const expected = [4_000, 8_000, 16_000, 32_000, 60_000, 2_000]
    gaps.forEach((gap, i) => {
      expect(gap).toBeGreaterThanOrEqual(expected[i]!)
      expect(gap).toBeLessThan(expected[i]! + 1_000)
    })
    expect(live()!.pollError).toBeNull()
  }, 40_000)
})

describe('reconnect and secrets', () => {
  it('stops polling when the sign-in is refused for good, and resumes after a reconnect', async () => {
    const { liveStreamName } = await create()
    await h.fault({ path: `${STATUS_PATH}/**`, status: 200, result: { result: 200102, content: null, hostName: 'x' }, count: 2 })
    await advanceUntil(h.waitFor(() => live()?.pollError === 'needs_reconnect'), 500)
    expect((await h.app.handlers['kuaishou.getAccount'](undefined)).state).toBe('needsReconnect')
    const polls = (await h.requests(STATUS_PATH)).length
    h.advance(30_000)
    await new Promise((r) => setTimeout(r, 100))
    expect((await h.requests(STATUS_PATH)).length).toBe(polls)
    await h.app.handlers['kuaishou.connect'](undefined)
    await h.waitFor(() => live()?.pollError === null && live()!.checkedAt !== null)
    expect(live()).toMatchObject({ liveStreamName, status: 'LIVE_NOT_START' })
  })

  it('logs no token, secret or push URL along the whole flow', async () => {
    await h.fault({ path: `${STATUS_PATH}/**`, status: 200, result: { result: 200102, content: null, hostName: 'x' }, count: 1 })
    const view = await create()
    const pushUrl = h.app.services.sensitive.reveal(view.pushUrlRef!)
    await advanceUntil(h.waitFor(() => live()?.checkedAt !== null), 500)
    await h.app.handlers['kuaishou.stopLive'](undefined)
    const record = (await h.app.services.vault.get('kuaishou'))!
    const secret = (await h.app.services.settings.getSecret('kuaishou.appSecret'))!
    const logs = h.logLines.join('\n')
    expect(h.logLines.length).toBeGreaterThan(0)
    for (const value of [record.accessToken, record.refreshToken!, secret, pushUrl, new URL(pushUrl).searchParams.get('sign')!]) {
      expect(logs).not.toContain(value)
    }
  })
})

describe('push URL lifetime and restore', () => {
  it('stops offering the URL after 2 days and allows a new one', async () => {
    const first = await create()
    h.advance(2 * 24 * 3600_000 + 1_000)
    expect(live()!.pushUrlRef).toBeNull()
    expect(() => h.app.services.sensitive.reveal(first.pushUrlRef!)).toThrow()
    const second = await create()
    expect(second.liveStreamName).not.toBe(first.liveStreamName)
  })

  it('restores the live in a new app instance: status re-polled, URL copyable again, Stop works', async () => {
    const before = await create()
    const pushUrl = h.app.services.sensitive.reveal(before.pushUrlRef!)
    const polls = (await h.requests(STATUS_PATH)).length
    await h.restart()
    const restored = live()!
    expect(restored).toMatchObject({ liveStreamName: before.liveStreamName, createdAt: before.createdAt, expiresAt: before.expiresAt })
    expect(restored.pushUrlRef).not.toBe(before.pushUrlRef)
    expect(h.app.services.sensitive.reveal(restored.pushUrlRef!)).toBe(pushUrl)
    await h.waitFor(async () => (await h.requests(STATUS_PATH)).length > polls && live()!.checkedAt !== null)
    await h.app.handlers['sensitive.copy']({ ref: restored.pushUrlRef!, part: 'whole' })
    expect(h.copied).toEqual([pushUrl])
    expect(await h.app.handlers['kuaishou.stopLive'](undefined)).toMatchObject({ status: 'LIVE_END', stop: 'stopped' })
  })

  it('restores a live whose push URL cannot be decrypted here: no URL, but status and Stop still work', async () => {
    const before = await create()
    const file = join(h.dataDir, 'kuaishou', 'live.json')
    const stored = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>
    await writeFile(file, JSON.stringify({ ...stored, pushUrl: Buffer.from('garbage from another machine').toString('base64') }))
    await h.restart()
    expect(live()).toMatchObject({ liveStreamName: before.liveStreamName, pushUrlRef: null })
    await h.waitFor(() => live()!.checkedAt !== null)
    expect(await h.app.handlers['kuaishou.stopLive'](undefined)).toMatchObject({ status: 'LIVE_END', stop: 'stopped' })
  })

  it('restores an expired, unused push URL without offering it', async () => {
    await create()
    // Livedeck was closed for two days.
    await h.restart(() => h.advance(2 * 24 * 3600_000 + 1_000))
    expect(live()!.pushUrlRef).toBeNull()
    expect((await create()).pushUrlRef).not.toBeNull()
  })

  it('restores a live that is on air, and Stop works from the new instance', async () => {
    const { view, publisher } = await goLive()
    await h.restart()
    expect(live()).toMatchObject({ liveStreamName: view.liveStreamName, status: 'LIVING', pushUrlRef: null })
    const stopped = await h.app.handlers['kuaishou.stopLive'](undefined)
    expect(stopped).toMatchObject({ status: 'LIVE_END', stop: 'stopped', endedWithoutStop: false })
    await publisher.stop()
  }, 40_000)
})

describe('live-API result codes for stream names and apps', () => {
  const status = (liveStreamName: string, appId?: string) =>
    h.app.kuaishou.account.withToken((ctx) => h.app.kuaishou.client.status({ ...ctx, appId: appId ?? ctx.appId, liveStreamName }))

  it('400005 unknown stream, 400009 malformed stream, 400013 someone else\'s live', async () => {
    expect(await errorOf(status('Aa0Aa0Aa0Aa'))).toMatchObject({ code: 'not_found', platformCode: 400005 })
    expect(await errorOf(status('bad.name!'))).toMatchObject({ code: 'invalid_input', platformCode: 400009 })
    const foreign = (h.sandbox.kuaishou as { foreignLiveStreamName: string }).foreignLiveStreamName
    expect(await errorOf(status(foreign))).toMatchObject({ code: 'permission_denied', platformCode: 400013 })
  })

  it('200100 unknown app id, 400023 app not enabled for live', async () => {
    expect(await errorOf(status('Aa0Aa0Aa0Aa', 'ks000000000000000000'))).toMatchObject({ code: 'not_configured', platformCode: 200100 })
    const disabled = (h.sandbox.kuaishou as { extraApps: Array<{ app_id: string }> }).extraApps[0]!.app_id
    expect(await errorOf(status('Aa0Aa0Aa0Aa', disabled))).toMatchObject({ code: 'not_configured', platformCode: 400023 })
  })

  it('400014 for a cover Kuaishou refuses, 400001 for a caption over 13 characters (client level)', async () => {
    const push = (overrides: { cover?: Uint8Array; caption?: string }) =>
      h.app.kuaishou.account.withToken((ctx) =>
        h.app.kuaishou.client.pushUrls({ ...ctx, cover, caption: '', panoramic: 0, shopLive: false, ...overrides })
      )
    expect(await errorOf(push({ cover: new TextEncoder().encode('not a jpeg') }))).toMatchObject({ code: 'invalid_cover', platformCode: 400014 })
    expect(await errorOf(push({ caption: 'abcdefghijklmn' }))).toMatchObject({ code: 'invalid_input', platformCode: 400001 })
  })

  it('a status call that takes too long times out (timed_out), a non-JSON answer is a bad response', async () => {
    const client = createKuaishouClient({ fetch, openBase: () => h.app.services.endpoints.kuaishou.openBase, clock: h.clock, timeoutMs: 200 })
    await h.fault({ path: `${STATUS_PATH}/**`, delayMs: 1_000, count: 1 })
    const call = h.app.kuaishou.account.withToken((ctx) => client.status({ ...ctx, liveStreamName: 'Aa0Aa0Aa0Aa' }))
    expect(await errorOf(call)).toMatchObject({ code: 'timed_out' })
    await h.fault({ path: `${STATUS_PATH}/**`, status: 200, result: 'not json at all', count: 1 })
    const garbled = h.app.kuaishou.account.withToken((ctx) => client.status({ ...ctx, liveStreamName: 'Aa0Aa0Aa0Aa' }))
    expect(await errorOf(garbled)).toMatchObject({ code: 'platform', platformCode: 'bad_response' })
  })
})
