/**
 * The one redaction routine. Everything that leaves main as a log line or an error message goes through
 * it: OAuth and Kuaishou URLs carry `access_token`, `code`, `sign`… in their query strings, token
 * responses carry them in JSON bodies, requests carry them in `Authorization` headers, and RTMP push
 * URLs carry the stream key in their path.
 */
import { errorCodes } from '../../shared/ipc/result'

export const REDACTED = '[redacted]'

/** Query, form and JSON keys whose values are secrets. */
const secretParamKeys = ['access_token', 'refresh_token', 'client_secret', 'app_secret', 'code', 'sign', 'token']

/**
 * Object keys whose values are secrets, normalised (lower case, no `_`/`-`), so `accessToken`,
 * `access_token` and `Access-Token` all match.
 */
const secretObjectKeys = new Set([
  ...secretParamKeys.map(normaliseKey),
  'authorization',
  'password',
  'secret',
  'streamkey',
  'pushurl'
])

/** Our own IPC error codes travel under a `code` key too; they are vocabulary, not OAuth codes. */
const harmlessCodes = new Set<string>(errorCodes)

function normaliseKey(key: string): string {
  return key.toLowerCase().replace(/[-_]/g, '')
}

const keyAlternation = secretParamKeys.join('|')
// `key=value` in a query, fragment or form body; the key must start the parameter.
const paramPattern = new RegExp(`(^|[?&#;\\s"'(,])(${keyAlternation})=([^&#\\s"'<>;,)]+)`, 'gi')
// `"key": "value"` in JSON text (error bodies, token responses).
const jsonPattern = new RegExp(`("(?:${keyAlternation}|authorization)"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'gi')
// `Authorization: Bearer x` / `Basic x` headers, and a bare `Bearer x` anywhere.
const authHeaderPattern = /(authorization\s*[:=]\s*)(?:(bearer|basic)\s+)?[^\s,;"']+/gi
const bearerPattern = /\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi
// JWTs: base64url JSON header (always starts `eyJ`), payload, optional signature.
const jwtPattern = /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g
// RTMP push URLs: the stream key is everything after the app segment (`rtmp://host/app/<key>`).
const rtmpKeyPattern = /(rtmps?:\/\/[^/\s"'<>]+\/[^/\s"'<>?#]+\/)[^\s"'<>]+/gi

/** Redacts every secret this module knows about from free text. */
export function redactText(text: string): string {
  return text
    .replace(rtmpKeyPattern, `$1${REDACTED}`)
    .replace(jwtPattern, REDACTED)
    .replace(jsonPattern, `$1"${REDACTED}"`)
    .replace(authHeaderPattern, (_m, prefix: string, scheme: string | undefined) =>
      scheme ? `${prefix}${scheme} ${REDACTED}` : `${prefix}${REDACTED}`
    )
    .replace(bearerPattern, (_m, scheme: string) => `${scheme} ${REDACTED}`)
    .replace(paramPattern, (_m, lead: string, key: string) => `${lead}${key}=${REDACTED}`)
}

function isSecretKey(key: string, value: unknown): boolean {
  const k = normaliseKey(key)
  if (!secretObjectKeys.has(k)) return false
  // `code` is also the name of our error codes, HTTP statuses and Kuaishou result numbers.
  if (k === 'code') return !(typeof value === 'number' || (typeof value === 'string' && harmlessCodes.has(value)))
  return true
}

const MAX_DEPTH = 8

/**
 * Deep copy of `value` with secrets removed: strings through `redactText`, values under secret keys
 * replaced, errors reduced to name + redacted message (stacks can quote URLs), cycles cut.
 */
export function redact(value: unknown): unknown {
  return walk(value, 0, new WeakSet())
}

function walk(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return redactText(value)
  if (value === null || typeof value !== 'object') return typeof value === 'function' ? '[function]' : value
  if (seen.has(value)) return '[circular]'
  if (depth >= MAX_DEPTH) return '[too deep]'
  seen.add(value)
  if (value instanceof Error) {
    const out: Record<string, unknown> = { name: value.name, message: redactText(value.message) }
    if (value.cause !== undefined) out.cause = walk(value.cause, depth + 1, seen)
    return out
  }
  if (value instanceof URL || value instanceof URLSearchParams) return redactText(value.toString())
  if (value instanceof Uint8Array) return `[${value.byteLength} bytes]`
  if (value instanceof Date) return value.toISOString()
  if (Array.isArray(value)) return value.map((v) => walk(v, depth + 1, seen))
  if (value instanceof Map) return walk(Object.fromEntries(value), depth, seen)
  const out: Record<string, unknown> = {}
  for (const [key, v] of Object.entries(value)) {
    out[key] = isSecretKey(key, v) && v !== null && v !== undefined && v !== '' ? REDACTED : walk(v, depth + 1, seen)
  }
  return out
}
