/**
 * Options of `startSandbox` and their defaults. Lifetimes are in seconds of sandbox time, so a test can
 * make them short or move the clock with `POST <control>/clock/advance`.
 */
import type { SandboxClock } from './clock'

export interface VkOptions {
  /** 403 code for a token missing the method's scope (docs disagree: `invalid_scope` vs `forbidden`). */
  scopeError?: 'invalid_scope' | 'forbidden'
  /** `limit` above 200: answer 400 `invalid_param` (default) or clamp to 200. */
  limitOverMax?: 'error' | 'clamp'
  /** Longest accepted chat message, in characters of text (the real limit is unknown). */
  maxMessageLength?: number
  /** Error for a `stream_id` that is not the channel's current live stream. */
  streamMismatch?: 'not_found' | 'unprocessable_entity'
  /** Lifetime field of the client_credentials response (sources disagree). */
  appTokenLifetimeField?: 'expires_in' | 'expire_time'
}

export interface SandboxOptions {
  /** `http` fixes the control port (platform servers take the next ports); 0/unset = free ports. */
  ports?: { http?: number; rtmp?: number }
  clock?: SandboxClock
  /** Access token lifetime (user, implicit and app tokens). */
  tokenTtlS?: number
  /** Refresh token lifetime. */
  refreshTtlS?: number
  /** Authorization code lifetime. */
  codeTtlS?: number
  /** Lifetime of pubsub connection and subscription JWTs. */
  wsTokenTtlS?: number
  /** RTMP/Kuaishou: how long a publish may be gone before the live ends. */
  graceMs?: number
  pingIntervalS?: number
  pongTimeoutS?: number
  vk?: VkOptions
  /** Where log lines go (the CLI sends them to stderr); default: discarded. */
  log?: (line: string) => void
}

export interface ResolvedOptions {
  ports: { http: number; rtmp: number }
  tokenTtlS: number
  refreshTtlS: number
  codeTtlS: number
  wsTokenTtlS: number
  graceMs: number
  pingIntervalS: number
  pongTimeoutS: number
  vk: Required<VkOptions>
}

export function resolveOptions(options: SandboxOptions): ResolvedOptions {
  return {
    ports: { http: options.ports?.http ?? 0, rtmp: options.ports?.rtmp ?? 0 },
    tokenTtlS: options.tokenTtlS ?? 3600,
    refreshTtlS: options.refreshTtlS ?? 30 * 24 * 3600,
    codeTtlS: options.codeTtlS ?? 60,
    wsTokenTtlS: options.wsTokenTtlS ?? 3600,
    graceMs: options.graceMs ?? 90_000,
    pingIntervalS: options.pingIntervalS ?? 25,
    pongTimeoutS: options.pongTimeoutS ?? 8,
    vk: {
      scopeError: options.vk?.scopeError ?? 'invalid_scope',
      limitOverMax: options.vk?.limitOverMax ?? 'error',
      maxMessageLength: options.vk?.maxMessageLength ?? 500,
      streamMismatch: options.vk?.streamMismatch ?? 'not_found',
      appTokenLifetimeField: options.vk?.appTokenLifetimeField ?? 'expires_in'
    }
  }
}
