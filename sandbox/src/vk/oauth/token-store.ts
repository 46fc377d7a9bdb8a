/**
 * OAuth grants of the VK simulator: authorization codes (single-use, short-lived), access tokens (user,
 * implicit, application), refresh tokens (rotating: using one kills it). All expiry is sandbox time.
 */
import { randomBytes } from 'node:crypto'
import type { SandboxClock } from '../../core/clock'
import type { ResolvedOptions } from '../../core/options'

export interface CodeGrant {
  clientId: string
  userId: number
  scopes: string[]
  redirectUri: string
  expiresAtS: number
}

export interface AccessGrant {
  kind: 'user' | 'app'
  clientId: string
  /** Absent for application tokens. */
  userId?: number
  scopes: string[]
  expiresAtS: number
}

export interface RefreshGrant {
  clientId: string
  userId: number
  scopes: string[]
  redirectUri: string
  expiresAtS: number
}

export interface IssuedPair {
  access_token: string
  refresh_token: string
  expires_in: number
  token_type: 'Bearer'
}

const secret = (prefix: string): string => `${prefix}${randomBytes(24).toString('base64url')}`

export class TokenStore {
  private codes = new Map<string, CodeGrant>()
  private access = new Map<string, AccessGrant>()
  private refresh = new Map<string, RefreshGrant>()

  constructor(
    private readonly clock: SandboxClock,
    private readonly options: Pick<ResolvedOptions, 'tokenTtlS' | 'refreshTtlS' | 'codeTtlS'>
  ) {}

  reset(): void {
    this.codes.clear()
    this.access.clear()
    this.refresh.clear()
  }

  issueCode(grant: Omit<CodeGrant, 'expiresAtS'>): string {
    const code = secret('vkc_')
    this.codes.set(code, { ...grant, expiresAtS: this.clock.nowS() + this.options.codeTtlS })
    return code
  }

  /** Takes a code out of the store: a code works once, even when the exchange then fails. */
  takeCode(code: string): CodeGrant | undefined {
    const grant = this.codes.get(code)
    this.codes.delete(code)
    return grant && grant.expiresAtS > this.clock.nowS() ? grant : undefined
  }

  issueAccess(grant: Omit<AccessGrant, 'expiresAtS'>): { token: string; expiresAtS: number } {
    const token = secret(grant.kind === 'app' ? 'vka_' : 'vku_')
    const expiresAtS = this.clock.nowS() + this.options.tokenTtlS
    this.access.set(token, { ...grant, expiresAtS })
    return { token, expiresAtS }
  }

  issuePair(grant: Omit<RefreshGrant, 'expiresAtS'>): IssuedPair {
    const { token } = this.issueAccess({ kind: 'user', clientId: grant.clientId, userId: grant.userId, scopes: grant.scopes })
    const refreshToken = secret('vkr_')
    this.refresh.set(refreshToken, { ...grant, expiresAtS: this.clock.nowS() + this.options.refreshTtlS })
    return { access_token: token, refresh_token: refreshToken, expires_in: this.options.tokenTtlS, token_type: 'Bearer' }
  }

  /** A live access grant, or undefined when unknown, expired or revoked. */
  accessGrant(token: string): (AccessGrant & { token: string }) | undefined {
    const grant = this.access.get(token)
    return grant && grant.expiresAtS > this.clock.nowS() ? { ...grant, token } : undefined
  }

  /** Rotation: the refresh token is consumed whether or not the caller's other checks pass. */
  takeRefresh(token: string): RefreshGrant | undefined {
    const grant = this.refresh.get(token)
    this.refresh.delete(token)
    return grant && grant.expiresAtS > this.clock.nowS() ? grant : undefined
  }

  peekRefresh(token: string): RefreshGrant | undefined {
    const grant = this.refresh.get(token)
    return grant && grant.expiresAtS > this.clock.nowS() ? grant : undefined
  }

  /** RFC 7009: revoking an unknown token is not an error. Only the client's own tokens are revoked. */
  revoke(token: string, clientId: string): void {
    if (this.access.get(token)?.clientId === clientId) this.access.delete(token)
    if (this.refresh.get(token)?.clientId === clientId) this.refresh.delete(token)
  }
}
