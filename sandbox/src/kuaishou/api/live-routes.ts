/**
 * The live API (`/openapi/kwaiUser/live/*`, reference §5, §8.4): `pushUrls`, `stopPush`, `status/{name}`
 * and `scene`. Every call runs the checks of §8.4 in order and answers with the first failure's code:
 * 1 app (200100 / 400023), 2 token and `user_video_live` (200102), 3 rate limit (400002), 4 account flags
 * (pushUrls), 5 field checks (pushUrls), 6 stream-name checks (stopPush, status), 7 a forced result from
 * `POST <control>/faults {platform:'kuaishou', result}`. Errors are HTTP 200 with `content: null`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { KuaishouOptions } from '../../core/options'
import type { FaultRegistry } from '../../core/faults'
import { captionBlocklist, sceneIds, scenes, type AppFixture, type UserFixture } from '../fixtures'
import { STATUS_MSG, STREAM_NAME, type KuaishouLives, type Live, type LiveSettings } from '../lives'
import type { KuaishouApps } from '../oauth/apps'
import type { AccessToken, KuaishouTokens } from '../oauth/token-store'
import { JSON_TYPE, LIVE, LiveFailure, liveError, liveOk, params } from '../results'
import type { KuaishouUsers, RateLimiter } from '../users'

export const LIVE_PREFIX = '/openapi/kwaiUser/live'
const MAX_COVER_BYTES = 2 * 1024 * 1024
const MAX_CAPTION_CODE_POINTS = 13

export interface LiveDeps {
  apps: KuaishouApps
  tokens: KuaishouTokens
  users: KuaishouUsers
  lives: KuaishouLives
  rate: RateLimiter
  faults: FaultRegistry
  options: () => Required<KuaishouOptions>
  pushUrl: (live: Live) => string
  /** The face-verification page for a user (what `qrCodeFaceVerifyUrl` encodes). */
  faceVerifyUrl: (user: UserFixture) => string
}

interface Caller {
  app: AppFixture
  token: AccessToken
  user: UserFixture | undefined
  p: Record<string, string>
}

const fail = (result: number, content: unknown = null): never => {
  throw new LiveFailure(result, content)
}

export function registerLiveRoutes(app: FastifyInstance, deps: LiveDeps): void {
  /** Steps 1–3, the endpoint's own checks, then step 7. */
  const handle = (endpoint: (caller: Caller, request: FastifyRequest) => unknown) => (request: FastifyRequest, reply: FastifyReply) => {
    reply.type(JSON_TYPE)
    try {
      return endpoint(authenticate(request), request)
    } catch (error) {
      if (error instanceof LiveFailure) return liveError(error.result, error.content)
      if (error instanceof ForcedBody) return error.body
      throw error
    }
  }

  const authenticate = (request: FastifyRequest): Caller => {
    const p = params(request)
    const appFixture = deps.apps.find(p.app_id)
    if (!appFixture) return fail(LIVE.appId)
    if (!appFixture.liveEnabled) return fail(LIVE.appNotLive)
    const checked = p.access_token === undefined ? undefined : deps.tokens.checkAccess(p.access_token)
    if (!checked?.ok || checked.token.appId !== appFixture.app_id || !checked.token.scopes.includes('user_video_live')) return fail(LIVE.auth)
    if (!deps.rate.allow(`${appFixture.app_id}:${checked.token.openId}`)) return fail(LIVE.rateLimited)
    return { app: appFixture, token: checked.token, user: deps.users.get(checked.token.openId), p }
  }

  /** Step 7: a forced result (e.g. 400003) once every real check has passed; a non-number `result` is the whole body. */
  const forced = (request: FastifyRequest): void => {
    const fault = deps.faults.takeResult('kuaishou', request.method, request.url.split('?')[0] ?? '/')
    if (!fault) return
    if (typeof fault.result === 'number') fail(fault.result)
    throw new ForcedBody(fault.result)
  }

  app.post(
    `${LIVE_PREFIX}/pushUrls`,
    handle((caller, request) => {
      checkAccount(caller, deps)
      const settings = checkPushFields(caller, request, deps.options())
      forced(request)
      const live = deps.lives.mint(caller.app.app_id, caller.token.openId, settings)
      return liveOk({ pushUrl: deps.pushUrl(live), liveStreamName: live.name })
    })
  )

  app.post(
    `${LIVE_PREFIX}/stopPush`,
    handle((caller, request) => {
      if (deps.options().requireBizId && !caller.p.bizId) fail(LIVE.badParam)
      const live = ownedLive(caller, caller.p.liveStreamName, deps)
      if (live.status === 'LIVE_END' && deps.options().stopEndedResult !== 0) fail(deps.options().stopEndedResult)
      forced(request)
      deps.lives.end(live, STATUS_MSG.stopped)
      // §5.2: stopPush success has no `content` key.
      return liveOk()
    })
  )

  app.get<{ Params: { name: string } }>(
    `${LIVE_PREFIX}/status/:name`,
    handle((caller, request) => {
      const live = ownedLive(caller, (request.params as { name: string }).name, deps)
      forced(request)
      return liveOk({ liveStreamName: live.name, status: live.status, statusMsg: live.statusMsg })
    })
  )

  app.get(
    `${LIVE_PREFIX}/scene`,
    handle((_caller, request) => {
      forced(request)
      return liveOk(structuredClone(scenes))
    })
  )
}

/** A forced fault whose `result` is a whole body rather than a code. */
class ForcedBody extends Error {
  constructor(readonly body: unknown) {
    super('forced body')
  }
}

/** Step 4 (pushUrls): the account's flags, in the order of §8.4. */
function checkAccount(caller: Caller, deps: LiveDeps): void {
  const user = caller.user
  if (!user) return
  const flags = user.flags
  if (flags.includes('no_live_permission')) fail(LIVE.noLivePermission)
  if (flags.includes('banned_global')) fail(LIVE.bannedGlobal)
  if (flags.includes('banned_region')) fail(LIVE.bannedRegion)
  if (flags.includes('risk_control')) fail(LIVE.riskControl)
  if (flags.includes('face_verify')) fail(LIVE.riskControl, faceVerifyContent(caller.app.app_id, deps.faceVerifyUrl(user)))
}

/** §5.1 "人脸识别": the verification URL is percent-encoded in `qrCodeFaceVerifyUrl` and inside the deep links. */
function faceVerifyContent(appId: string, url: string): Record<string, unknown> {
  const encoded = encodeURIComponent(url)
  return {
    verifyErrorMsg: '人脸识别拦截,请通过url进行人脸验证,验证成功后请重新开播',
    verifyErrorCode: 0,
    envokeKwaiFaceVerifyUrl: `kwai://recognition?appId=${appId}&recognitionUrl=${encoded}`,
    envokeKsnebulaFaceVerifyUrl: `ksnebula://recognition?appId=${appId}&recognitionUrl=${encoded}`,
    qrCodeFaceVerifyUrl: encoded
  }
}

/** Step 5 (pushUrls): bizId (when required), cover, caption, panoramic, shopLive, liveSceneType. */
function checkPushFields(caller: Caller, request: FastifyRequest, options: Required<KuaishouOptions>): LiveSettings {
  const { p } = caller
  if (options.requireBizId && !p.bizId) fail(LIVE.badParam)
  const file = request.uploads.find((f) => f.field === 'file')
  if (!file) return fail(options.missingCoverResult)
  if (!file.filename.endsWith('.jpg')) fail(LIVE.badCover)
  if (file.data.length === 0 || file.data.length > MAX_COVER_BYTES) fail(LIVE.badCover)
  if (file.data[0] !== 0xff || file.data[1] !== 0xd8 || file.data[2] !== 0xff) fail(LIVE.badCover)
  const caption = p.caption ?? ''
  if ([...caption].length > MAX_CAPTION_CODE_POINTS) fail(LIVE.badParam)
  if (captionBlocklist.some((word) => caption.includes(word))) fail(LIVE.riskControl)
  if (p.panoramic !== undefined && !/^[012]$/.test(p.panoramic)) fail(LIVE.badParam)
  if (p.shopLive !== undefined && p.shopLive !== 'true' && p.shopLive !== 'false') fail(LIVE.badParam)
  if (p.liveSceneType !== undefined && (!/^\d{1,9}$/.test(p.liveSceneType) || !sceneIds.has(Number(p.liveSceneType)))) fail(LIVE.badParam)
  if (p.shopLive === 'true' && caller.user?.flags.includes('no_shop')) fail(LIVE.noShopPermission)
  return {
    caption,
    panoramic: Number(p.panoramic ?? 0),
    shopLive: p.shopLive === 'true',
    liveSceneType: p.liveSceneType === undefined ? undefined : Number(p.liveSceneType),
    // §8.4: an unregistered deviceName is ignored (default branding); kept for inspection only.
    deviceName: p.deviceName,
    cover: { filename: file.filename, size: file.data.length }
  }
}

/** Step 6: the stream name is present, well-formed, known, and the caller's own. */
function ownedLive(caller: Caller, name: string | undefined, deps: LiveDeps): Live {
  if (name === undefined || name === '') return fail(LIVE.badParam)
  if (!STREAM_NAME.test(name)) return fail(LIVE.badStreamName)
  const live = deps.lives.get(name)
  if (!live) return fail(LIVE.noStream)
  if (live.openId !== caller.token.openId || live.appId !== caller.app.app_id) return fail(LIVE.foreignStream)
  return live
}
