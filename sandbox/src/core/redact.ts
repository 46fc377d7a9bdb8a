/**
 * Redaction of secret values in the request log. A secret is replaced by `<redacted:` + the first 8 hex
 * digits of its sha256 + `>`, so a test can tell two secrets apart (and match a known one by hashing it)
 * without the log ever holding the secret itself.
 */
import { createHash } from 'node:crypto'

/** Field names whose values are secrets, wherever they appear (query, form, JSON, multipart fields). */
export const secretKeys: ReadonlySet<string> = new Set([
  'client_secret',
  'app_secret',
  'access_token',
  'refresh_token',
  'code',
  'sign',
  'token',
  'authorization'
])

export function redactValue(value: string): string {
  return `<redacted:${createHash('sha256').update(value).digest('hex').slice(0, 8)}>`
}

/** `Bearer abc` → `Bearer <redacted:…>`: the scheme stays readable, the credential does not. */
export function redactAuthorization(header: string): string {
  const m = /^(\S+)\s+(.+)$/.exec(header)
  return m ? `${m[1]} ${redactValue(m[2] ?? '')}` : redactValue(header)
}

const isSecretKey = (key: string): boolean => secretKeys.has(key.toLowerCase())

/** Deep copy of a JSON-like value with every secret field's value redacted. */
export function redactDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactDeep)
  if (value === null || typeof value !== 'object') return value
  const out: Record<string, unknown> = {}
  for (const [key, v] of Object.entries(value)) {
    if (!isSecretKey(key)) out[key] = redactDeep(v)
    else if (key.toLowerCase() === 'authorization' && typeof v === 'string') out[key] = redactAuthorization(v)
    else if (typeof v === 'string') out[key] = redactValue(v)
    else if (Array.isArray(v)) out[key] = v.map((x) => (typeof x === 'string' ? redactValue(x) : redactDeep(x)))
    else out[key] = v === null || v === undefined ? v : redactValue(JSON.stringify(v))
  }
  return out
}
