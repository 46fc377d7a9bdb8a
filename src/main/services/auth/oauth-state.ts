/**
 * OAuth `state`: a fresh random value per authorization, compared in constant time when the redirect
 * comes back, so a forged or replayed redirect is refused without leaking how much of it matched.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'

/** 256 random bits, base64url (safe in a query string and a fragment). */
export function createOAuthState(): string {
  return randomBytes(32).toString('base64url')
}

/** Constant-time equality; hashing first makes inputs of different lengths comparable too. */
export function statesEqual(expected: string, received: string | null | undefined): boolean {
  if (typeof received !== 'string' || expected === '') return false
  const a = createHash('sha256').update(expected).digest()
  const b = createHash('sha256').update(received).digest()
  return timingSafeEqual(a, b)
}
