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

export interface KuaishouOptions {
  /** Access token lifetime (default: `tokenTtlS` if given, else 172800 as in the reference). */
  tokenTtlS?: number
  /** Refresh token lifetime (default: `refreshTtlS` if given, else 15552000). */
  refreshTtlS?: number
  /** Authorization code lifetime (default: `codeTtlS` if given, else 120). */
  codeTtlS?: number
  /** Push URL lifetime (default 2 days). */
  pushUrlTtlS?: number
  /** Live API calls allowed per app + user in a window of sandbox time (default 50 per 1000 ms: tolerant of fast test polling, still stops a runaway loop). */
  rateLimit?: { count: number; windowMs: number }
  /** Mimic the 2020 doc: `bizId` required on pushUrls/stopPush (missing → 400001). */
  requireBizId?: boolean
  /** `user_info` with an expired token: 100200108 (APIFOX) or 100200102 (KVT-AUTH: every token error). */
  expiredTokenResult?: 100200108 | 100200102
  /** `stopPush` on an ended live: `result 0` (idempotent) or 400005. */
  stopEndedResult?: 0 | 400005
  /** `pushUrls` without a `file` part: 400014 (the issue groups it with the cover checks) or 400001 (reference §8.4 guess). */
  missingCoverResult?: 400014 | 400001
  /** A publish to a LIVING URL whose encoder dropped, within the grace period: refused (single use) or resumed. */
  reconnectWithinGrace?: boolean
  /**
   * A publish whose audio is not AAC (reference §8.5: "only AAC", reaction unknown): accepted and flagged
   * `audio_not_aac` in `GET <control>/rtmp/publishes` (false), or refused (true) — the URL stays unused.
   */
  refuseNonAacAudio?: boolean
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
  kuaishou?: KuaishouOptions
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
  kuaishou: Required<KuaishouOptions>
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
    },
    kuaishou: resolveKuaishou(options)
  }
}

/** Kuaishou lifetimes follow the reference (§3.6) unless the caller set the shared ones or its own. */
function resolveKuaishou(options: SandboxOptions): Required<KuaishouOptions> {
  const k = options.kuaishou ?? {}
  return {
    tokenTtlS: k.tokenTtlS ?? options.tokenTtlS ?? 172_800,
    refreshTtlS: k.refreshTtlS ?? options.refreshTtlS ?? 15_552_000,
    codeTtlS: k.codeTtlS ?? options.codeTtlS ?? 120,
    pushUrlTtlS: k.pushUrlTtlS ?? 172_800,
    rateLimit: k.rateLimit ?? { count: 50, windowMs: 1000 },
    requireBizId: k.requireBizId ?? false,
    expiredTokenResult: k.expiredTokenResult ?? 100200108,
    stopEndedResult: k.stopEndedResult ?? 0,
    missingCoverResult: k.missingCoverResult ?? 400014,
    reconnectWithinGrace: k.reconnectWithinGrace ?? false,
    refuseNonAacAudio: k.refuseNonAacAudio ?? false
  }
}
