/**
 * The one way main talks to VK's DevAPI (`/v1/...`): bearer auth, JSON bodies, every answer parsed by
 * a zod schema, VK's error body `{error, error_description}` mapped to an `AppError` whose message is
 * built from vetted fields only (`error_description` is free text the docs say not to rely on).
 *
 * A 401 asks `onUnauthorized` for a new token exactly once and retries once. Concurrent 401s share
 * one refresh because `onUnauthorized` goes through TokenVault's single-flight refresh.
 */
import type { z } from 'zod'
import { AppError, isAppError } from '../../errors'
import type { Clock } from '../../ports/clock'
import type { Fetch } from '../../ports/http'
import { vkErrorBodySchema } from './schemas'

export interface VkApiClientDeps {
  readonly fetch: Fetch
  /** `${apiBase}/v1/...`; a function so tests and the sandbox switch stay live. */
  readonly apiBase: () => string
  readonly clock: Clock
  readonly getAccessToken: () => Promise<string>
  /** Called with the token a 401 came back for; resolves with a fresh token or throws (reconnect needed). */
  readonly onUnauthorized: (rejectedToken: string) => Promise<string>
  readonly timeoutMs?: number
}

export type Query = Readonly<Record<string, string | number | boolean | undefined>>

export interface VkRequest<S extends z.ZodType> {
  readonly method: 'GET' | 'POST'
  readonly path: `/v1/${string}`
  readonly query?: Query
  readonly body?: unknown
  readonly schema: S
}

export interface VkApiClient {
  call<S extends z.ZodType>(request: VkRequest<S>): Promise<z.output<S>>
}

const DEFAULT_TIMEOUT_MS = 15_000
/** VK's `error` values are snake_case constants; anything else is not echoed. */
const safeCode = (code: string): string => (/^[a-z0-9_]{1,64}$/.test(code) ? code : 'unknown_error')

/** Vetted English fallback per code; the renderer translates by `code` + `platformCode`. */
const messages: Record<string, string> = {
  unauthorized: 'VK did not accept the sign-in',
  forbidden: 'VK does not allow this for your account',
  invalid_scope: 'the app was not granted the permission this needs; reconnect VK',
  not_found: 'VK could not find it',
  channel_not_found: 'the VK channel does not exist',
  channel_banned: 'the VK channel is blocked',
  ratelimit_exceeded: 'too many requests to VK; try again shortly',
  internal_server_error: 'VK had an internal error; try again',
  service_unavailable: 'VK is temporarily unavailable; try again',
  message_too_long: 'the message is too long',
  same_message: 'you already sent this message',
  send_too_fast: 'you are sending messages too fast',
  unprocessable_entity: 'VK cannot do this right now',
  invalid_param: 'VK rejected a parameter',
  missing_param: 'VK expected a parameter that was missing'
}

export function vkPlatformError(code: string, status: number): AppError {
  const c = safeCode(code)
  return new AppError('platform', messages[c] ?? `VK refused the request (HTTP ${status})`, c)
}

function buildUrl(base: string, path: string, query: Query = {}): string {
  const url = new URL(`${base}${path}`)
  for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, String(v))
  return url.href
}

/** One HTTP exchange with a timeout; network failures become `network`, timeouts `timed_out`. */
export async function fetchWithTimeout(fetch: Fetch, clock: Clock, url: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  const abort = new AbortController()
  const timer = clock.setTimeout(() => abort.abort(), timeoutMs)
  try {
    return await fetch(url, { ...init, signal: abort.signal })
  } catch {
    // The exception text can hold the URL (tokens in queries); say only what happened.
    if (abort.signal.aborted) throw new AppError('timed_out', 'VK did not answer in time')
    throw new AppError('network', 'VK could not be reached')
  } finally {
    timer.cancel()
  }
}

/** Reads the body as JSON; a dropped connection mid-body is a network error, not a parse error. */
export async function readJson(response: Response): Promise<unknown> {
  let raw: string
  try {
    raw = await response.text()
  } catch {
    throw new AppError('network', 'the connection to VK was lost')
  }
  try {
    return raw === '' ? {} : (JSON.parse(raw) as unknown)
  } catch {
    return undefined
  }
}

export function createVkApiClient(deps: VkApiClientDeps): VkApiClient {
  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS

  const send = async (request: VkRequest<z.ZodType>, token: string): Promise<{ status: number; json: unknown }> => {
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' }
    if (request.body !== undefined) headers['content-type'] = 'application/json'
    const response = await fetchWithTimeout(
      deps.fetch,
      deps.clock,
      buildUrl(deps.apiBase(), request.path, request.query),
      { method: request.method, headers, body: request.body === undefined ? undefined : JSON.stringify(request.body) },
      timeoutMs
    )
    return { status: response.status, json: await readJson(response) }
  }

  const errorOf = (status: number, json: unknown): AppError => {
    const body = vkErrorBodySchema.safeParse(json)
    if (body.success) return vkPlatformError(body.data.error, status)
    return vkPlatformError(status >= 500 ? 'internal_server_error' : `http_${status}`, status)
  }

  return {
    async call(request) {
      const token = await deps.getAccessToken()
      let answer = await send(request, token)
      if (answer.status === 401) {
        const fresh = await deps.onUnauthorized(token)
        answer = await send(request, fresh)
        if (answer.status === 401) throw new AppError('needs_reconnect', 'VK no longer accepts the sign-in; reconnect VK', 'unauthorized')
      }
      if (answer.status < 200 || answer.status >= 300) throw errorOf(answer.status, answer.json)
      const parsed = request.schema.safeParse(answer.json)
      if (!parsed.success) throw new AppError('platform', 'VK sent an answer Livedeck does not understand', 'bad_response')
      return parsed.data
    }
  }
}

export const isNeedsReconnect = (e: unknown): boolean => isAppError(e) && e.code === 'needs_reconnect'
