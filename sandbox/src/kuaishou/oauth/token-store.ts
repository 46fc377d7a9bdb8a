/**
 * Kuaishou authorization codes, access tokens and refresh tokens (reference §3.4–§3.6, §8.2): codes are
 * single-use and short-lived; a refresh issues a new pair, kills the old refresh token at once and gives
 * the new one the old one's expiry; old and new access tokens stay valid until their own expiries.
 */
import { randomBytes } from 'node:crypto'
import type { SandboxClock } from '../../core/clock'

export interface Grant {
  appId: string
  openId: string
  scopes: string[]
}

interface Code extends Grant {
  expiresAt: number
  redirectUri: string
}

export interface AccessToken extends Grant {
  expiresAt: number
}

interface RefreshToken extends Grant {
  expiresAt: number
}

export interface TokenPair {
  access_token: string
  expires_in: number
  refresh_token: string
  refresh_token_expires_in: number
}

export interface Lifetimes {
  tokenTtlS: number
  refreshTtlS: number
  codeTtlS: number
}

export type AccessCheck = { ok: true; token: AccessToken } | { ok: false; reason: 'unknown' | 'expired' }
export type RefreshResult = { ok: true; pair: TokenPair; grant: Grant } | { ok: false; reason: 'unknown' | 'expired' | 'wrong_app' }

const opaque = (prefix: string): string => `${prefix}${randomBytes(24).toString('base64url')}`

export class KuaishouTokens {
  private codes = new Map<string, Code>()
  private access = new Map<string, AccessToken>()
  private refresh = new Map<string, RefreshToken>()

  constructor(
    private readonly clock: SandboxClock,
    private readonly lifetimes: Lifetimes
  ) {}

  issueCode(grant: Grant, redirectUri: string): string {
    const code = opaque('ksc_')
    this.codes.set(code, { ...grant, scopes: [...grant.scopes], redirectUri, expiresAt: this.clock.now() + this.lifetimes.codeTtlS * 1000 })
    return code
  }

  /** Uses up a code (single use: even a failed exchange of a known code burns it). */
  takeCode(code: string, appId: string): Grant | undefined {
    const found = this.codes.get(code)
    if (!found) return undefined
    this.codes.delete(code)
    if (found.appId !== appId || this.clock.now() >= found.expiresAt) return undefined
    return { appId: found.appId, openId: found.openId, scopes: found.scopes }
  }

  issuePair(grant: Grant, refreshExpiresAt?: number): TokenPair {
    const now = this.clock.now()
    const accessToken = opaque('ksa_')
    const refreshToken = opaque('ksr_')
    const expiresAt = now + this.lifetimes.tokenTtlS * 1000
    const refreshAt = refreshExpiresAt ?? now + this.lifetimes.refreshTtlS * 1000
    this.access.set(accessToken, { ...grant, expiresAt })
    this.refresh.set(refreshToken, { ...grant, expiresAt: refreshAt })
    return {
      access_token: accessToken,
      expires_in: this.lifetimes.tokenTtlS,
      refresh_token: refreshToken,
      refresh_token_expires_in: Math.max(0, Math.floor((refreshAt - now) / 1000))
    }
  }

  rotate(refreshToken: string, appId: string): RefreshResult {
    const found = this.refresh.get(refreshToken)
    if (!found) return { ok: false, reason: 'unknown' }
    if (found.appId !== appId) return { ok: false, reason: 'wrong_app' }
    if (this.clock.now() >= found.expiresAt) return { ok: false, reason: 'expired' }
    this.refresh.delete(refreshToken)
    const grant: Grant = { appId: found.appId, openId: found.openId, scopes: found.scopes }
    return { ok: true, pair: this.issuePair(grant, found.expiresAt), grant }
  }

  checkAccess(token: string): AccessCheck {
    const found = this.access.get(token)
    if (!found) return { ok: false, reason: 'unknown' }
    if (this.clock.now() >= found.expiresAt) return { ok: false, reason: 'expired' }
    return { ok: true, token: found }
  }

  reset(): void {
    this.codes.clear()
    this.access.clear()
    this.refresh.clear()
  }
}
