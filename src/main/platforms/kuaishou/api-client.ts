/**
 * The one way main talks to Kuaishou (reference §3–§5): OAuth code exchange and refresh (GET query),
 * `user_info`, and the live API (`pushUrls`, `stopPush`, `status`). `app_id` and `access_token`
 * travel as URL parameters (no header is used by any client Kuaishou accepts). Every answer is parsed
 * by a zod schema; a `result` other than the family's success value becomes a mapped `AppError`.
 *
 * The client holds no tokens: callers pass them in (the account service refreshes through TokenVault).
 */
import type { z } from 'zod'
import { AppError, isAppError } from '../../errors'
import type { Clock } from '../../ports/clock'
import type { Fetch } from '../../ports/http'
import { COVER_FILENAME } from './cover'
import { buildMultipart, countingStream } from './multipart'
import { isTokenError, liveError, oauthError } from './result-codes'
import {
  LIVE_SUCCESS,
  OAUTH_SUCCESS,
  liveEnvelopeSchema,
  oauthErrorSchema,
  pushUrlsContentSchema,
  statusContentSchema,
  tokenResponseSchema,
  userInfoResponseSchema,
  type TokenResponse
} from './schemas'

export interface KuaishouClientDeps {
  readonly fetch: Fetch
  /** `https://open.kuaishou.com` or the sandbox; a function so a settings switch stays live. */
  readonly openBase: () => string
  readonly clock: Clock
  readonly timeoutMs?: number
  /** Time allowed for a whole cover upload (2 MB on a slow uplink). */
  readonly uploadTimeoutMs?: number
}

export interface AppCredentials {
  readonly appId: string
  readonly appSecret: string
}

export interface UserInfo {
  readonly name: string
  /** Best avatar URL Kuaishou gave (`bigHead` may be empty), or null. */
  readonly avatar: string | null
}

export interface PushUrlsRequest {
  readonly appId: string
  readonly accessToken: string
  readonly cover: Uint8Array
  readonly caption: string
  readonly panoramic: 0 | 1 | 2
  readonly shopLive: boolean
  readonly deviceName?: string
  readonly liveSceneType?: number
  readonly bizId?: string
  readonly onProgress?: (sent: number, total: number) => void
}

export interface LiveRef {
  readonly appId: string
  readonly accessToken: string
  readonly liveStreamName: string
  readonly bizId?: string
}

export interface KuaishouClient {
  exchangeCode(app: AppCredentials, code: string): Promise<TokenResponse>
  refresh(app: AppCredentials, refreshToken: string): Promise<TokenResponse>
  userInfo(appId: string, accessToken: string): Promise<UserInfo>
  pushUrls(request: PushUrlsRequest): Promise<{ pushUrl: string; liveStreamName: string }>
  stopPush(ref: LiveRef): Promise<void>
  status(ref: LiveRef): Promise<{ status: string; statusMsg: string }>
}

const DEFAULT_TIMEOUT_MS = 15_000
const DEFAULT_UPLOAD_TIMEOUT_MS = 120_000

type Params = Readonly<Record<string, string | undefined>>

interface Exchange {
  readonly status: number
  readonly json: unknown
}

export function createKuaishouClient(deps: KuaishouClientDeps): KuaishouClient {
  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const uploadTimeoutMs = deps.uploadTimeoutMs ?? DEFAULT_UPLOAD_TIMEOUT_MS

  const url = (path: string, params: Params): string => {
    const u = new URL(`${deps.openBase()}${path}`)
    for (const [k, v] of Object.entries(params)) if (v !== undefined) u.searchParams.set(k, v)
    return u.href
  }

  /** One exchange; `sentAll` tells a lost answer (request fully sent) from a request that never left. */
  const exchange = async (target: string, init: RequestInit, limitMs: number, sentAll?: () => boolean): Promise<Exchange> => {
    const abort = new AbortController()
    const timer = deps.clock.setTimeout(() => abort.abort(), limitMs)
    try {
      let response: Response
      try {
        response = await deps.fetch(target, { ...init, signal: abort.signal })
      } catch {
        throw transportError(abort.signal.aborted, sentAll)
      }
      let text: string
      try {
        text = await response.text()
      } catch {
        throw transportError(abort.signal.aborted, sentAll)
      }
      let json: unknown
      try {
        json = text === '' ? undefined : JSON.parse(text)
      } catch {
        json = undefined
      }
      return { status: response.status, json }
    } finally {
      timer.cancel()
    }
  }

  /** Exception texts can hold the URL (tokens in the query): say only what happened. */
  const transportError = (timedOut: boolean, sentAll?: () => boolean): AppError => {
    if (sentAll?.()) {
      return new AppError('unknown_outcome', 'the request reached Kuaishou but its answer was lost; it may have succeeded')
    }
    return timedOut
      ? new AppError('timed_out', 'Kuaishou did not answer in time')
      : new AppError('network', 'Kuaishou could not be reached')
  }

  /** Non-200 is a transport fault (Kuaishou reports business errors as HTTP 200). */
  const checkHttp = (answer: Exchange, sentAll?: () => boolean): void => {
    if (answer.status === 200) return
    // A gateway error after the whole request left may hide a success behind it.
    if (sentAll?.() && (answer.status === 502 || answer.status === 504)) {
      throw new AppError('unknown_outcome', 'Kuaishou answered with a gateway error; the request may have succeeded', `http_${answer.status}`)
    }
    if (answer.status === 429) throw new AppError('rate_limited', 'too many requests to Kuaishou', 'http_429')
    throw new AppError('platform', `Kuaishou answered HTTP ${answer.status}`, `http_${answer.status}`)
  }

  /** The open base's origin when it is plain http (the local sandbox); links there may be http. */
  const sandboxOrigin = (): string | undefined => {
    const base = new URL(deps.openBase())
    return base.protocol === 'http:' ? base.origin : undefined
  }

  const badAnswer = () => new AppError('platform', 'Kuaishou sent an answer Livedeck does not understand', 'bad_response')

  const parseOauth = <S extends z.ZodType>(answer: Exchange, schema: S): z.output<S> => {
    checkHttp(answer)
    const error = oauthErrorSchema.safeParse(answer.json)
    if (!error.success) throw badAnswer()
    if (error.data.result !== OAUTH_SUCCESS) throw oauthError(error.data.result)
    const parsed = schema.safeParse(answer.json)
    if (!parsed.success) throw badAnswer()
    return parsed.data
  }

  /** The live envelope's `content` on `result: 0`, or the mapped error. */
  const liveContent = (answer: Exchange, sentAll?: () => boolean): unknown => {
    checkHttp(answer, sentAll)
    const envelope = liveEnvelopeSchema.safeParse(answer.json)
    if (!envelope.success) {
      if (sentAll) throw new AppError('unknown_outcome', 'Kuaishou sent an unreadable answer; the request may have succeeded', 'bad_response')
      throw badAnswer()
    }
    if (envelope.data.result !== LIVE_SUCCESS) throw liveError(envelope.data.result, envelope.data.content, sandboxOrigin())
    return envelope.data.content
  }

  const get = (path: string, params: Params) =>
    exchange(url(path, params), { method: 'GET', headers: { accept: 'application/json' } }, timeoutMs)

  return {
    async exchangeCode(app, code) {
      const answer = await get('/oauth2/access_token', {
        app_id: app.appId,
        app_secret: app.appSecret,
        code,
        grant_type: 'authorization_code'
      })
      return parseOauth(answer, tokenResponseSchema)
    },

    async refresh(app, refreshToken) {
      const answer = await get('/oauth2/refresh_token', {
        app_id: app.appId,
        app_secret: app.appSecret,
        refresh_token: refreshToken,
        grant_type: 'refresh_token'
      })
      return parseOauth(answer, tokenResponseSchema)
    },

    async userInfo(appId, accessToken) {
      const answer = await get('/openapi/user_info', { app_id: appId, access_token: accessToken })
      const { user_info: info } = parseOauth(answer, userInfoResponseSchema)
      const avatar = [info.bigHead, info.head].find((u): u is string => typeof u === 'string' && u !== '') ?? null
      return { name: info.name, avatar }
    },

    async pushUrls(request) {
      const fields: Array<[string, string]> = [
        ['caption', request.caption],
        ['panoramic', String(request.panoramic)],
        ['shopLive', String(request.shopLive)]
      ]
      if (request.deviceName !== undefined) fields.push(['deviceName', request.deviceName])
      if (request.liveSceneType !== undefined) fields.push(['liveSceneType', String(request.liveSceneType)])
      if (request.bizId) fields.push(['bizId', request.bizId])
      const body = buildMultipart(fields, { field: 'file', filename: COVER_FILENAME, contentType: 'image/jpeg', bytes: request.cover })
      const counting = countingStream(body.bytes, (sent, total) => request.onProgress?.(sent, total))
      const sentAll = () => counting.sent() >= body.bytes.length
      const answer = await exchange(
        url('/openapi/kwaiUser/live/pushUrls', { app_id: request.appId, access_token: request.accessToken }),
        {
          method: 'POST',
          // No Content-Length: Electron's net refuses it (net::ERR_INVALID_ARGUMENT) and sets it
          // itself; undici sends a streamed body chunked.
          headers: { accept: 'application/json', 'content-type': body.contentType },
          body: counting.stream,
          // Required by fetch for a streamed request body.
          duplex: 'half'
        },
        uploadTimeoutMs,
        sentAll
      )
      const content = pushUrlsContentSchema.safeParse(liveContent(answer, sentAll))
      if (!content.success) throw new AppError('unknown_outcome', 'Kuaishou sent an unreadable push URL; a live may have been created', 'bad_response')
      return content.data
    },

    async stopPush(ref) {
      const answer = await exchange(
        url('/openapi/kwaiUser/live/stopPush', {
          app_id: ref.appId,
          access_token: ref.accessToken,
          liveStreamName: ref.liveStreamName,
          bizId: ref.bizId || undefined
        }),
        { method: 'POST', headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' }, body: '' },
        timeoutMs
      )
      liveContent(answer)
    },

    async status(ref) {
      const answer = await get(`/openapi/kwaiUser/live/status/${encodeURIComponent(ref.liveStreamName)}`, {
        app_id: ref.appId,
        access_token: ref.accessToken
      })
      const content = statusContentSchema.safeParse(liveContent(answer))
      if (!content.success) throw badAnswer()
      return { status: content.data.status, statusMsg: content.data.statusMsg ?? '' }
    }
  }
}

/** A token problem the caller should answer with one refresh and one retry. */
export const isTokenProblem = (e: unknown): e is AppError =>
  isAppError(e) && e.code === 'needs_reconnect' && typeof e.platformCode === 'number' && isTokenError(e.platformCode)
