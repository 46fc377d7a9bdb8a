/**
 * Kuaishou response bodies. OAuth and user APIs succeed with `result: 1` and fail with
 * `{result, error, error_msg}` (reference §3.4, §3.7, §4); live APIs succeed with `result: 0` and fail with
 * `{result, content: null, hostName}` (§5, §8.1). Business errors are always HTTP 200.
 */
import type { FastifyRequest } from 'fastify'

export const HOST_NAME = 'sim-rs00001.local'
export const JSON_TYPE = 'application/json;charset=UTF-8'

/** OAuth-family codes (§3.7) with their `error` string and localized `error_msg`. */
export const oauthCodes = {
  100200100: ['invalid_request', '缺少必要的请求参数'],
  100200101: ['unauthorized_client', '无效的 app 或 developer'],
  100200102: ['access_denied', '请求被拒绝'],
  100200104: ['unsupported_grant_type', '换取 accessToken 使用的 grantType 错误'],
  100200105: ['invalid_grant', '换取 accessToken 使用的 code 错误'],
  100200106: ['invalid_scope', '权限 scope 错误'],
  100200108: ['access_denied', 'access_token过期'],
  100200113: ['access_denied', 'refresh_token过期'],
  100200500: ['server_error', '服务器内部错误']
} as const
export type OauthCode = keyof typeof oauthCodes

export function oauthError(code: number, detail?: string): Record<string, unknown> {
  const known = (oauthCodes as Record<number, readonly [string, string]>)[code]
  return { result: code, error: known?.[0] ?? 'server_error', error_msg: detail ?? known?.[1] ?? '请求错误' }
}

/** Live result codes (§5.5). */
export const LIVE = {
  ok: 0,
  appId: 200100,
  auth: 200102,
  badParam: 400001,
  rateLimited: 400002,
  serverError: 400003,
  noStream: 400005,
  noLivePermission: 400006,
  noShopPermission: 400008,
  badStreamName: 400009,
  foreignStream: 400013,
  badCover: 400014,
  riskControl: 400020,
  bannedGlobal: 400021,
  bannedRegion: 400022,
  appNotLive: 400023
} as const

/** A live-API failure carries no message field (§2), only its code (thrown by a check, answered by the route). */
export class LiveFailure extends Error {
  constructor(
    readonly result: number,
    readonly content: unknown = null
  ) {
    super(`live result ${result}`)
  }
}

export const liveOk = (content?: unknown): Record<string, unknown> =>
  content === undefined ? { result: LIVE.ok, hostName: HOST_NAME } : { result: LIVE.ok, content, hostName: HOST_NAME }

export const liveError = (result: number, content: unknown = null): Record<string, unknown> => ({ result, content, hostName: HOST_NAME })

/**
 * The merged request parameters (§8.1): URL query, urlencoded form and multipart text fields; the query
 * wins when a key appears in both. Repeated keys keep their first value.
 */
export function params(request: FastifyRequest): Record<string, string> {
  const out: Record<string, string> = {}
  const take = (source: unknown): void => {
    if (source === null || typeof source !== 'object') return
    for (const [k, v] of Object.entries(source as Record<string, unknown>)) {
      if (k in out) continue
      const first: unknown = Array.isArray(v) ? v[0] : v
      if (typeof first === 'string') out[k] = first
    }
  }
  take(request.query)
  take(request.body)
  return out
}
