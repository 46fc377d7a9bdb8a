/**
 * Kuaishou live API conformance (reference §5, §8.4), over real HTTP with real JPEG covers made by ffmpeg:
 * every result code, the order of the checks, parameters from query / form / multipart (UTF-8 text parts),
 * envelopes (`result: 0`, `content: null` on errors, `hostName` always), bizId, forced results.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../src/index'
import { controlPost, getJson, ks, liveStatus, makeJpeg, pushUrls, signIn, stopPush, url, userWith, type Cover, type Json } from './kuaishou-harness'

let sb: RunningSandbox
let cover: Cover
let normal = ''

beforeAll(async () => {
  cover = { data: makeJpeg(), filename: 'cover.jpg' }
  sb = await startSandbox()
})
afterAll(async () => {
  await sb.stop()
})
beforeEach(async () => {
  await controlPost(sb, '/reset', {})
  normal = (await signIn(sb, userWith(sb, null))).access_token
})

const expectError = (body: Json, result: number): void => {
  expect(body).toEqual({ result, content: null, hostName: expect.any(String) as string })
}

const content = (body: Json): Record<string, unknown> => body.content as Record<string, unknown>

describe('pushUrls', () => {
  it('success: result 0, an rtmp push URL on the ingest and an 11-character stream name', async () => {
    const body = await pushUrls(sb, normal, { caption: '今晚一起打游戏', panoramic: '0', shopLive: 'false', liveSceneType: '1001' }, cover)
    expect(body.result).toBe(0)
    expect(typeof body.hostName).toBe('string')
    const { pushUrl, liveStreamName } = content(body) as { pushUrl: string; liveStreamName: string }
    expect(liveStreamName).toMatch(/^[A-Za-z0-9_-]{11}$/)
    expect(pushUrl).toBe(`rtmp://127.0.0.1:${ks(sb).rtmp.port}/gifshow/${liveStreamName}?sign=${/sign=([0-9a-f]{8}-[0-9a-f]{32})$/.exec(pushUrl)?.[1] ?? 'no-sign'}`)
    expect(content(await liveStatus(sb, normal, liveStreamName))).toEqual({ liveStreamName, status: 'LIVE_NOT_START', statusMsg: '' })
  })

  it('parameters may all be multipart text fields (the official SDK style), Chinese captions decoded as UTF-8', async () => {
    const form = new FormData()
    form.set('app_id', ks(sb).apps.kuaishou.app_id)
    form.set('access_token', normal)
    form.set('caption', '快手直播测试')
    form.set('file', new Blob([Buffer.from(cover.data)], { type: 'application/octet-stream' }), 'cover.jpg')
    const res = await fetch(url(ks(sb).kuaishou.openBase, '/openapi/kwaiUser/live/pushUrls'), { method: 'POST', body: form })
    const body = (await res.json()) as Json
    expect(body.result).toBe(0)
    const lives = (await getJson(`${sb.control}/kuaishou/lives`)) as unknown as Array<{ liveStreamName: string; settings: { caption: string } | null }>
    expect(lives.find((l) => l.liveStreamName === content(body).liveStreamName)?.settings?.caption).toBe('快手直播测试')
  })

  it('multipart text parts are UTF-8 whatever charset they declare', async () => {
    const boundary = 'ksBoundary7MA4YWxk'
    const text = (name: string, value: string, charset: string): Buffer =>
      Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\nContent-Type: text/plain; charset=${charset}\r\n\r\n`), Buffer.from(value, 'utf8'), Buffer.from('\r\n')])
    const body = Buffer.concat([
      text('caption', '快手直播', 'ISO-8859-1'),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cover.jpg"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      Buffer.from(cover.data),
      Buffer.from(`\r\n--${boundary}--\r\n`)
    ])
    const target = url(ks(sb).kuaishou.openBase, '/openapi/kwaiUser/live/pushUrls', { app_id: ks(sb).apps.kuaishou.app_id, access_token: normal })
    const res = await fetch(target, { method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body })
    const answer = (await res.json()) as Json
    expect(answer.result).toBe(0)
    const lives = (await getJson(`${sb.control}/kuaishou/lives`)) as unknown as Array<{ liveStreamName: string; settings: { caption: string } | null }>
    expect(lives.find((l) => l.liveStreamName === content(answer).liveStreamName)?.settings?.caption).toBe('快手直播')
  })

  it('1. app_id missing or unknown → 200100; an app not enabled for live → 400023', async () => {
    expectError(await pushUrls(sb, normal, {}, cover, ''), 200100)
    expectError(await pushUrls(sb, normal, {}, cover, 'ks000000000000000000'), 200100)
    expectError(await pushUrls(sb, normal, {}, cover, ks(sb).kuaishou.extraApps[0]!.app_id), 400023)
  })

  it('2. token missing, unknown, expired or without user_video_live → 200102 (after the app check)', async () => {
    expectError(await pushUrls(sb, '', {}, cover), 200102)
    expectError(await pushUrls(sb, 'not-a-token', {}, cover), 200102)
    expectError(await pushUrls(sb, 'not-a-token', {}, cover, 'ks000000000000000000'), 200100)
    const noLive = await signIn(sb, userWith(sb, null), 'user_info')
    expectError(await pushUrls(sb, noLive.access_token, {}, cover), 200102)
    const noScopeUser = await signIn(sb, userWith(sb, 'no_live_scope'))
    expectError(await pushUrls(sb, noScopeUser.access_token, {}, cover), 200102)
    await controlPost(sb, '/clock/advance', { seconds: 172800 })
    expectError(await pushUrls(sb, normal, {}, cover), 200102)
  })

  it('3. rate limit → 400002 (configurable), before the account and field checks', async () => {
    expect((await controlPost(sb, '/kuaishou/options', { rateLimit: { count: 2, windowMs: 60_000 } })).status).toBe(200)
    const token = (await signIn(sb, userWith(sb, 'no_live_permission'))).access_token
    expectError(await pushUrls(sb, token, {}, cover), 400006)
    expectError(await pushUrls(sb, token, {}, cover), 400006)
    expectError(await pushUrls(sb, token, {}, cover), 400002)
    await controlPost(sb, '/clock/advance', { seconds: 61 })
    expectError(await pushUrls(sb, token, {}, cover), 400006)
  })

  it.each([
    ['no_live_permission', 400006],
    ['banned_global', 400021],
    ['banned_region', 400022],
    ['risk_control', 400020]
  ])('4. account flag %s → %i with content null', async (flag, result) => {
    const token = (await signIn(sb, userWith(sb, flag))).access_token
    // Account checks come before the field checks: a bad cover does not change the answer.
    expectError(await pushUrls(sb, token, {}, { data: new Uint8Array([1, 2, 3]), filename: 'x.png' }), result)
  })

  it('4. face_verify → 400020 with the §5.1 content; verifying clears it', async () => {
    const user = userWith(sb, 'face_verify')
    const token = (await signIn(sb, user)).access_token
    const body = await pushUrls(sb, token, {}, cover)
    expect(body.result).toBe(400020)
    expect(typeof body.hostName).toBe('string')
    const c = content(body)
    expect(c).toMatchObject({ verifyErrorCode: 0, verifyErrorMsg: expect.any(String) as string })
    const qr = decodeURIComponent(c.qrCodeFaceVerifyUrl as string)
    expect(c.qrCodeFaceVerifyUrl).not.toContain('://')
    expect(qr).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//)
    expect(c.envokeKwaiFaceVerifyUrl).toMatch(/^kwai:\/\/recognition\?appId=ks\d+&recognitionUrl=http%3A%2F%2F/)
    expect(c.envokeKsnebulaFaceVerifyUrl).toMatch(/^ksnebula:\/\/recognition\?/)
    // The page behind the QR works, and the control route clears the flag.
    expect((await fetch(qr)).status).toBe(200)
    expect((await controlPost(sb, '/kuaishou/verify', { open_id: user })).status).toBe(200)
    expect((await pushUrls(sb, token, {}, cover)).result).toBe(0)
  })

  it('4. the face-verify page itself clears the flag', async () => {
    const user = userWith(sb, 'face_verify')
    const token = (await signIn(sb, user)).access_token
    const qr = decodeURIComponent(content(await pushUrls(sb, token, {}, cover)).qrCodeFaceVerifyUrl as string)
    const res = await fetch(new URL(qr).origin + new URL(qr).pathname, { method: 'POST', body: new URLSearchParams({ open_id: user }) })
    expect(res.status).toBe(200)
    expect((await pushUrls(sb, token, {}, cover)).result).toBe(0)
  })

  it('5. cover: missing, not .jpg, empty, > 2 MiB or not JPEG by content → 400014; content type not checked', async () => {
    expectError(await pushUrls(sb, normal, {}, null), 400014)
    expectError(await pushUrls(sb, normal, {}, { data: cover.data, filename: 'cover.jpeg' }), 400014)
    expectError(await pushUrls(sb, normal, {}, { data: cover.data, filename: 'cover.JPG' }), 400014)
    expectError(await pushUrls(sb, normal, {}, { data: cover.data, filename: 'cover.png' }), 400014)
    expectError(await pushUrls(sb, normal, {}, { data: new Uint8Array(0), filename: 'cover.jpg' }), 400014)
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0])
    expectError(await pushUrls(sb, normal, {}, { data: png, filename: 'cover.jpg' }), 400014)
    const big = new Uint8Array(2 * 1024 * 1024 + 1)
    big.set(cover.data.subarray(0, 3))
    expectError(await pushUrls(sb, normal, {}, { data: big, filename: 'cover.jpg' }), 400014)
    const atLimit = new Uint8Array(2 * 1024 * 1024)
    atLimit.set(cover.data)
    expect((await pushUrls(sb, normal, {}, { data: atLimit, filename: 'cover.jpg' })).result).toBe(0)
  })

  it('5. caption longer than 13 code points → 400001; 13 CJK characters or emoji pass; a blocklisted word → 400020', async () => {
    expect((await pushUrls(sb, normal, { caption: '一二三四五六七八九十一二三' }, cover)).result).toBe(0)
    expect((await pushUrls(sb, normal, { caption: '😀😀😀😀😀😀😀😀😀😀😀😀😀' }, cover)).result).toBe(0)
    expectError(await pushUrls(sb, normal, { caption: '一二三四五六七八九十一二三四' }, cover), 400001)
    expectError(await pushUrls(sb, normal, { caption: 'abcdefghijklmn' }, cover), 400001)
    expectError(await pushUrls(sb, normal, { caption: '含违禁词的标题' }, cover), 400020)
  })

  it('5. panoramic ∉ {0,1,2}, shopLive not true/false, unknown liveSceneType → 400001', async () => {
    for (const panoramic of ['0', '1', '2']) expect((await pushUrls(sb, normal, { panoramic }, cover)).result).toBe(0)
    for (const panoramic of ['3', '-1', '1.5', 'x']) expectError(await pushUrls(sb, normal, { panoramic }, cover), 400001)
    expectError(await pushUrls(sb, normal, { shopLive: 'yes' }, cover), 400001)
    expectError(await pushUrls(sb, normal, { liveSceneType: '999999' }, cover), 400001)
    expectError(await pushUrls(sb, normal, { liveSceneType: 'pc' }, cover), 400001)
    expect((await pushUrls(sb, normal, { liveSceneType: '22141', shopLive: 'true' }, cover)).result).toBe(0)
  })

  it('5. shopLive=true without e-commerce permission → 400008; false passes', async () => {
    const token = (await signIn(sb, userWith(sb, 'no_shop'))).access_token
    expectError(await pushUrls(sb, token, { shopLive: 'true' }, cover), 400008)
    expect((await pushUrls(sb, token, { shopLive: 'false' }, cover)).result).toBe(0)
  })

  it('bizId is accepted and ignored; with requireBizId a missing bizId → 400001', async () => {
    expect((await pushUrls(sb, normal, { bizId: 'anything' }, cover)).result).toBe(0)
    await controlPost(sb, '/kuaishou/options', { requireBizId: true })
    expectError(await pushUrls(sb, normal, {}, cover), 400001)
    const ok = await pushUrls(sb, normal, { bizId: 'biz-1' }, cover)
    expect(ok.result).toBe(0)
    const name = content(ok).liveStreamName as string
    expectError(await stopPush(sb, normal, name), 400001)
    expect((await stopPush(sb, normal, name, { bizId: 'biz-1' })).result).toBe(0)
  })
})

describe('stopPush and status', () => {
  const mint = async (token = normal): Promise<string> => content(await pushUrls(sb, token, {}, cover)).liveStreamName as string

  it('stopPush: result 0 without a content key; status then LIVE_END with a statusMsg; a second stop is idempotent', async () => {
    const name = await mint()
    const stopped = await stopPush(sb, normal, name)
    expect(stopped).toEqual({ result: 0, hostName: expect.any(String) as string })
    const status = content(await liveStatus(sb, normal, name))
    expect(status).toMatchObject({ liveStreamName: name, status: 'LIVE_END' })
    expect((status.statusMsg as string).length).toBeGreaterThan(0)
    expect((await stopPush(sb, normal, name)).result).toBe(0)
    await controlPost(sb, '/kuaishou/options', { stopEndedResult: 400005 })
    expectError(await stopPush(sb, normal, name), 400005)
  })

  it('stream name missing → 400001, malformed → 400009, unknown → 400005, someone else\'s → 400013', async () => {
    expectError(await stopPush(sb, normal, undefined), 400001)
    expectError(await stopPush(sb, normal, 'short'), 400009)
    expectError(await stopPush(sb, normal, 'bad*chars!!'), 400009)
    expectError(await stopPush(sb, normal, 'AAAAAAAAAAA'), 400005)
    expectError(await stopPush(sb, normal, ks(sb).kuaishou.foreignLiveStreamName), 400013)
    expectError(await liveStatus(sb, normal, 'short'), 400009)
    expectError(await liveStatus(sb, normal, 'AAAAAAAAAAA'), 400005)
    expectError(await liveStatus(sb, normal, ks(sb).kuaishou.foreignLiveStreamName), 400013)
    const other = (await signIn(sb, userWith(sb, 'no_shop'))).access_token
    const mine = await mint()
    expectError(await liveStatus(sb, other, mine), 400013)
    expectError(await stopPush(sb, other, mine), 400013)
  })

  it('stopPush takes its parameters from a urlencoded body or multipart too', async () => {
    const name = await mint()
    const app = ks(sb).apps.kuaishou.app_id
    const res = await fetch(url(ks(sb).kuaishou.openBase, '/openapi/kwaiUser/live/stopPush'), { method: 'POST', body: new URLSearchParams({ app_id: app, access_token: normal, liveStreamName: name }) })
    expect(((await res.json()) as Json).result).toBe(0)
    const second = await mint()
    const form = new FormData()
    form.set('app_id', app)
    form.set('access_token', normal)
    form.set('liveStreamName', second)
    const multi = await fetch(url(ks(sb).kuaishou.openBase, '/openapi/kwaiUser/live/stopPush'), { method: 'POST', body: form })
    expect(((await multi.json()) as Json).result).toBe(0)
  })

  it('a push URL unused for 2 days reads LIVE_END', async () => {
    const name = await mint()
    await controlPost(sb, '/clock/advance', { seconds: 172800 })
    const fresh = (await signIn(sb, userWith(sb, null))).access_token
    expect(content(await liveStatus(sb, fresh, name))).toMatchObject({ status: 'LIVE_END' })
  })

  it('scene: result 0 and the four groups', async () => {
    const body = await getJson(url(ks(sb).kuaishou.openBase, '/openapi/kwaiUser/live/scene', { app_id: ks(sb).apps.kuaishou.app_id, access_token: normal }))
    expect(body.result).toBe(0)
    expect(Object.keys((content(body).games as Json) ?? {}).sort()).toEqual(['event', 'pc', 'pcHand', 'pcShow'])
  })
})

describe('forced results and transport faults', () => {
  it('a result fault forces 400003 once, after the real checks', async () => {
    await controlPost(sb, '/faults', { platform: 'kuaishou', path: '/openapi/kwaiUser/live/pushUrls', result: 400003 })
    // A real failure still wins (step 7 is last) and leaves the fault armed.
    expectError(await pushUrls(sb, normal, {}, null), 400014)
    expectError(await pushUrls(sb, normal, {}, cover), 400003)
    expect((await pushUrls(sb, normal, {}, cover)).result).toBe(0)
  })

  it('a forced result on status, and on the OAuth family in its own shape', async () => {
    const name = content(await pushUrls(sb, normal, {}, cover)).liveStreamName as string
    await controlPost(sb, '/faults', { platform: 'kuaishou', path: '/openapi/kwaiUser/live/status/*', result: 400003 })
    expectError(await liveStatus(sb, normal, name), 400003)
    await controlPost(sb, '/faults', { platform: 'kuaishou', path: '/openapi/user_info', result: 100200500 })
    const info = await getJson(url(ks(sb).kuaishou.openBase, '/openapi/user_info', { app_id: ks(sb).apps.kuaishou.app_id, access_token: normal }))
    expect(info).toMatchObject({ result: 100200500, error: 'server_error' })
  })

  it('a status fault is a transport fault (non-200)', async () => {
    await controlPost(sb, '/faults', { platform: 'kuaishou', path: '/openapi/kwaiUser/live/pushUrls', status: 502 })
    await expect(pushUrls(sb, normal, {}, cover)).rejects.toThrow(/HTTP 502/)
  })

  it('the request log holds the cover as a file and no secrets', async () => {
    await pushUrls(sb, normal, { caption: 'hi' }, cover)
    const log = (await getJson(`${sb.control}/requests?platform=kuaishou`)) as unknown as Array<{ path: string; query: Json; files: Array<{ field: string; filename: string; size: number }> }>
    const entry = log.find((e) => e.path === '/openapi/kwaiUser/live/pushUrls')
    expect(entry?.files).toEqual([expect.objectContaining({ field: 'file', filename: 'cover.jpg', size: cover.data.length })])
    expect(JSON.stringify(log)).not.toContain(normal)
  })
})
