/**
 * Every invoke across the process boundary answers with a Result. Errors carry a stable `code` the
 * renderer translates, and a `message` built only from vetted fields — never from exception text,
 * because URLs and bodies in exceptions can carry secrets.
 */
export const errorCodes = [
  'invalid_input',
  'forbidden_sender',
  'unknown_channel',
  'not_configured',
  'not_connected',
  'needs_reconnect',
  'cancelled',
  'timed_out',
  'network',
  'platform',
  'not_found',
  'expired',
  'internal',
  // Kuaishou go-live (issue 6); `platformCode` says which Kuaishou `result` it was.
  'rate_limited',
  'unknown_outcome',
  'live_active',
  'scope_missing',
  'invalid_cover',
  'permission_denied',
  'verification_required',
  'risk_control',
  'banned'
] as const

export type ErrorCode = (typeof errorCodes)[number]

export interface IpcError {
  readonly code: ErrorCode
  readonly message: string
  /** Platform error code (VK `error` string, Kuaishou `result` number) when the platform refused. */
  readonly platformCode?: string | number
  /** Vetted values the UI message needs (e.g. a validated verification link, a byte limit). */
  readonly params?: Readonly<Record<string, string | number | boolean>>
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = (code: ErrorCode, message: string, platformCode?: string | number): Result<never> => ({
  ok: false,
  error: platformCode === undefined ? { code, message } : { code, message, platformCode }
})
