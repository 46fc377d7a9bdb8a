/**
 * Going live on the sandbox: pushUrls with a real JPEG, upload progress, the stored live, the push
 * URL as a sensitive value, status polling with a real RTMP publish (ffmpeg), Stop, the end without
 * Stop, restore in a new app instance, and fault injection.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { KuaishouCreateLive } from '../../../shared/ipc/kuaishou'
import { createRouter } from '../../ipc/router'
import { KS_USERS, makeCover, startKsHarness, type KsHarness } from './test-support/harness'

let cover: Uint8Array<ArrayBuffer>
let h: KsHarness
beforeAll(() => {
  cover = makeCover()
})
beforeEach(async () => {
  h = await startKsHarness({ graceMs: 1_500 })
})
afterEach(() => h.stop())

const PUSH_PATH = '/openapi/kwaiUser/live/pushUrls'
const STOP_PATH = '/openapi/kwaiUser/live/stopPush'

const input = (extra: Partial<KuaishouCreateLive> = {}): KuaishouCreateLive => ({ cover, caption: '今晚直播', panoramic: 0, shopLive: false, ...extra })
const connect = async (user: string = KS_USERS.streamer) => {
  h.consent = { user }
  await h.app.handlers['kuaishou.connect'](undefined)
}
const create = (extra: Partial<KuaishouCreateLive> = {}) => h.app.handlers['kuaishou.createLive'](input(extra))
const errorOf = async (p: unknown): Promise<Record<string, unknown>> => {
  try {
    await p
  } catch (e) {
    return { ...(e as object), code: (e as { code: string }).code }
  }
  throw new Error('expected a rejection')
}

describe('get a push URL', () => {
  it('uploads the cover as cover.jpg with the options, reports progress, and stores the live encrypted', async () => {
    await connect()
    const view = await create({ caption: '今晚一起看星星吧🌟' })
    expect(view).toMatchObject({ status: 'LIVE_NOT_START', stop: 'idle', endedWithoutStop: false })
    expect(view.liveStreamName).toMatch(/^[A-Za-z0-9_-]{11}$/)
    expect(view.expiresAt - view.createdAt).toBe(2 * 24 * 3600_000)

    const [request] = await h.requests(PUSH_PATH)
    expect(request!.method).toBe('POST')
    expect(Object.keys(request!.query).sort()).toEqual(['access_token', 'app_id'])
    // Streamed without a Content-Length header (Electron's net refuses one; see README).
    expect(request!.headers['content-length']).toBeUndefined()
    expect(request!.headers['transfer-encoding']).toBe('chunked')
    expect(request!.files).toEqual([{ field: 'file', filename: 'cover.jpg', size: cover.length, contentType: 'image/jpeg' }])
    expect(request!.body).toEqual({ caption: '今晚一起看星星吧🌟', panoramic: '0', shopLive: 'false' })

    const progress = h.eventsOf('kuaishou.uploadProgress')
    expect(progress.length).toBeGreaterThan(1)
    expect(progress.length).toBeGreaterThanOrEqual(Math.floor(cover.length / 16_384))
    const total = progress[0]!.total
    expect(total).toBeGreaterThan(cover.length)
    expect(progress.map((p) => p.sent)).toEqual([...progress.map((p) => p.sent)].sort((a, b) => a - b))
    expect(progress.at(-1)).toEqual({ sent: total, total })

    // The push URL is a sensitive value: whole, or OBS's server + key.
    const pushUrl = h.app.services.sensitive.reveal(view.pushUrlRef!)
    expect(pushUrl).toMatch(new RegExp(`^rtmp://127\\.0\\.0\\.1:\\d+/gifshow/${view.liveStreamName}\\?sign=`))
    await h.app.handlers['sensitive.copy']({ ref: view.pushUrlRef!, part: 'server' })
    await h.app.handlers['sensitive.copy']({ ref: view.pushUrlRef!, part: 'key' })
    expect(h.copied).toEqual([pushUrl.slice(0, pushUrl.indexOf('/gifshow/') + 9), pushUrl.slice(pushUrl.indexOf('/gifshow/') + 9)])

    const stored = await readFile(join(h.dataDir, 'kuaishou', 'live.json'), 'utf8')
    expect(JSON.parse(stored)).toMatchObject({ liveStreamName: view.liveStreamName, status: 'LIVE_NOT_START' })
    expect(stored).not.toContain('sign=')
    expect(stored).not.toContain('rtmp://')
    expect(h.eventsOf('kuaishou.live').at(-1)?.liveStreamName).toBe(view.liveStreamName)
  })

  it('sends deviceName only when given, and bizId when configured', async () => {
    await connect()
    h.app.services.settings.update({ kuaishou: { bizId: 'biz-42' } })
    const first = await create({ deviceName: 'LivedeckCam', panoramic: 2, liveSceneType: 22141 })
    const [request] = await h.requests(PUSH_PATH)
    expect(request!.body).toMatchObject({ deviceName: 'LivedeckCam', panoramic: '2', liveSceneType: '22141', bizId: 'biz-42' })
    await h.app.handlers['kuaishou.stopLive'](undefined)
    expect((await h.requests(STOP_PATH))[0]!.query).toMatchObject({ liveStreamName: first.liveStreamName, bizId: 'biz-42' })
    await h.app.handlers['kuaishou.dismissLive'](undefined)
    h.app.services.settings.update({ kuaishou: { bizId: '' } })
    await create()
    const second = (await h.requests(PUSH_PATH))[1]!
    expect(second.body).not.toHaveProperty('deviceName')
    expect(second.body).not.toHaveProperty('bizId')
  })

  it('refuses a second push URL while one is active (offer Stop first)', async () => {
    await connect()
    const live = await create()
    expect(await errorOf(create())).toMatchObject({ code: 'live_active', params: { liveStreamName: live.liveStreamName } })
    expect(await h.requests(PUSH_PATH)).toHaveLength(1)
    expect(await errorOf(h.app.handlers['kuaishou.dismissLive'](undefined))).toMatchObject({ code: 'live_active' })
  })

  it('re-checks the cover in main and sends nothing for a bad one', async () => {
    await connect()
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])
    expect(await errorOf(create({ cover: png }))).toMatchObject({ code: 'invalid_cover', params: { reason: 'not_jpeg' } })
    expect(await errorOf(create({ caption: '一二三四五六七八九十一二三四' }))).toMatchObject({ code: 'invalid_input' })
    expect(await h.requests(PUSH_PATH)).toHaveLength(0)
  })

  it('does not retry a pushUrls whose answer was lost, and says the outcome is unknown', async () => {
    await connect()
    await h.fault({ method: 'POST', path: PUSH_PATH, reset: true, count: 1 })
    expect(await errorOf(create())).toMatchObject({ code: 'unknown_outcome' })
    expect(await h.requests(PUSH_PATH)).toHaveLength(1)
    expect(h.app.handlers['kuaishou.getLive'](undefined)).toBeNull()
    // The user chose to try again: a new push URL.
    expect((await create()).status).toBe('LIVE_NOT_START')
  })

  it('maps a 5xx to a platform error and a gateway error after the upload to unknown outcome', async () => {
    await connect()
    await h.fault({ method: 'POST', path: PUSH_PATH, status: 500, count: 1 })
    expect(await errorOf(create())).toMatchObject({ code: 'platform', platformCode: 'http_500' })
    await h.fault({ method: 'POST', path: PUSH_PATH, status: 502, count: 1 })
    expect(await errorOf(create())).toMatchObject({ code: 'unknown_outcome', platformCode: 'http_502' })
  })

  it('survives a slow answer', async () => {
    await connect()
    await h.fault({ method: 'POST', path: PUSH_PATH, delayMs: 400, count: 1 })
    expect((await create()).status).toBe('LIVE_NOT_START')
  })
})

describe('through the IPC router', () => {
  const sender = { url: 'app://livedeck/index.html', isTopFrame: true, webContentsId: 1 }
  const router = () => createRouter(h.app.handlers, { allows: () => true }, { debug() {}, info() {}, warn() {}, error() {} })

  it('takes the cover bytes, answers with the live, and carries error codes with their params', async () => {
    await connect()
    const truncated = await router().dispatch('kuaishou.createLive', { ...input(), cover: cover.slice(0, 20) }, sender)
    expect(truncated).toEqual({
      ok: false,
      error: { code: 'invalid_cover', message: expect.any(String) as string, params: { reason: 'not_jpeg', maxBytes: 2_000_000 } }
    })
    const bad = await router().dispatch('kuaishou.createLive', { ...input(), caption: 'x'.repeat(14) }, sender)
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    const created = await router().dispatch('kuaishou.createLive', input(), sender)
    expect(created).toMatchObject({ ok: true, value: { status: 'LIVE_NOT_START' } })
    const again = await router().dispatch('kuaishou.createLive', input(), sender)
    expect(again).toMatchObject({ ok: false, error: { code: 'live_active' } })
    // Nothing secret in the answers: the push URL is only a ref.
    expect(JSON.stringify([created, again])).not.toContain('rtmp://')
  })
})

describe('result codes from pushUrls', () => {
  it.each([
    ['no live permission', KS_USERS.noLive, {}, { code: 'permission_denied', platformCode: 400006 }],
    ['no e-commerce permission', KS_USERS.noShop, { shopLive: true }, { code: 'permission_denied', platformCode: 400008 }],
    ['risk control', KS_USERS.riskControl, {}, { code: 'risk_control', platformCode: 400020 }],
    ['caption on the blocklist', KS_USERS.streamer, { caption: '违禁词' }, { code: 'risk_control', platformCode: 400020 }],
    ['banned everywhere', KS_USERS.bannedGlobal, {}, { code: 'banned', platformCode: 400021 }],
    ['banned in the region', KS_USERS.bannedRegion, {}, { code: 'banned', platformCode: 400022 }]
  ] as const)('%s', async (_name, user, extra, expected) => {
    await connect(user)
    expect(await errorOf(create(extra))).toMatchObject(expected)
    expect(h.app.handlers['kuaishou.getLive'](undefined)).toBeNull()
  })

  it('face verification: a decoded, validated link; after verifying, the same request works', async () => {
    await connect(KS_USERS.faceVerify)
    const error = await errorOf(create())
    expect(error).toMatchObject({ code: 'verification_required', platformCode: 400020, params: { verifyErrorCode: 0 } })
    const link = new URL((error.params as { verifyUrl: string }).verifyUrl)
    expect(link.origin).toBe(new URL(h.app.services.endpoints.kuaishou.openBase).origin)
    expect(link.searchParams.get('open_id')).toBe(KS_USERS.faceVerify)
    await h.control('/kuaishou/verify', { open_id: KS_USERS.faceVerify })
    expect((await create()).status).toBe('LIVE_NOT_START')
  })

  it('a token without user_video_live is refused before upload', async () => {
    await connect(KS_USERS.noLiveScope)
    expect((await h.app.handlers['kuaishou.getAccount'](undefined)).missingScopes).toEqual(['user_video_live'])
    expect(await errorOf(create())).toMatchObject({ code: 'scope_missing', params: { scope: 'user_video_live' } })
    expect(await h.requests(PUSH_PATH)).toHaveLength(0)
  })

  it('rate limited (400002)', async () => {
    await connect()
    await h.fault({ method: 'POST', path: PUSH_PATH, status: 200, result: { result: 400002, content: null, hostName: 'x' }, count: 1 })
    expect(await errorOf(create())).toMatchObject({ code: 'rate_limited', platformCode: 400002 })
  })

  it('server error (400003) and a pushUrls token error retried after one refresh (200102)', async () => {
    await connect()
    await h.fault({ method: 'POST', path: PUSH_PATH, status: 200, result: { result: 400003, content: null, hostName: 'x' }, count: 1 })
    expect(await errorOf(create())).toMatchObject({ code: 'platform', platformCode: 400003 })
    await h.fault({ method: 'POST', path: PUSH_PATH, status: 200, result: { result: 200102, content: null, hostName: 'x' }, count: 1 })
    expect((await create()).status).toBe('LIVE_NOT_START')
    expect(await h.requests('/oauth2/refresh_token')).toHaveLength(1)
  })
})
