/**
 * How often the live status is read (issue 6): every 2 s until LIVING (the user is starting the
 * encoder and wants to see it land), every 10 s while live, doubling up to 60 s while Kuaishou answers
 * 400002 (rate limited), and not at all once the live ended. Other transient failures retry at the
 * normal pace; failures only the user can fix stop the polling.
 */
import type { KuaishouLiveStatus } from '../../../shared/ipc/kuaishou'
import type { ErrorCode } from '../../../shared/ipc/result'

export const POLL_UNTIL_LIVE_MS = 2_000
export const POLL_WHILE_LIVE_MS = 10_000
export const POLL_MAX_BACKOFF_MS = 60_000

/** Errors polling cannot get past by itself: sign-in, settings, someone else's live. */
const stopOn = new Set<ErrorCode>(['needs_reconnect', 'not_connected', 'not_configured', 'permission_denied', 'scope_missing', 'invalid_input'])

export const baseDelay = (status: KuaishouLiveStatus): number | null =>
  status === 'LIVE_END' ? null : status === 'LIVING' ? POLL_WHILE_LIVE_MS : POLL_UNTIL_LIVE_MS

/** The delay before the next poll, or null for "stop polling". `previous` is the delay just used. */
export function nextPollDelay(status: KuaishouLiveStatus, previous: number | null, error?: ErrorCode): number | null {
  const base = baseDelay(status)
  if (base === null) return null
  if (error === undefined) return base
  if (stopOn.has(error)) return null
  if (error === 'rate_limited') return Math.min(POLL_MAX_BACKOFF_MS, Math.max(base, (previous ?? base) * 2))
  return base
}
