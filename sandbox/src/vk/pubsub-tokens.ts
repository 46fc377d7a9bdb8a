/**
 * JWTs for the pubsub server: connection tokens (`GET /v1/websocket/token`) and per-channel subscription
 * tokens (`GET /v1/websocket/subscription_token`). Minted with jose (HS256, a per-run secret); verified
 * synchronously (the pubsub server's auth hooks are synchronous) by checking the HMAC and the claims
 * against the sandbox clock.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { SignJWT, decodeJwt, decodeProtectedHeader } from 'jose'
import type { SandboxClock } from '../core/clock'

export class PubsubTokens {
  private key = randomBytes(32)

  constructor(
    private readonly clock: SandboxClock,
    private readonly ttlS: number
  ) {}

  /** `POST /reset`: every token signed so far stops verifying. */
  rotateKey(): void {
    this.key = randomBytes(32)
  }

  async connectionToken(userId: number): Promise<string> {
    return this.sign({}, userId)
  }

  async subscriptionToken(userId: number, channel: string): Promise<string> {
    return this.sign({ channel }, userId)
  }

  verifyConnection(token: string): { ok: true; userId: number; expiresAtS?: number } | { ok: false; reason: 'invalid' | 'expired' } {
    const claims = this.verify(token)
    if (!claims) return { ok: false, reason: 'invalid' }
    if (claims.channel !== undefined) return { ok: false, reason: 'invalid' }
    if (claims.exp <= this.clock.nowS()) return { ok: false, reason: 'expired' }
    return { ok: true, userId: Number(claims.sub), expiresAtS: claims.exp }
  }

  verifySubscription(token: string, channel: string, userId: number): boolean {
    const claims = this.verify(token)
    return claims !== undefined && claims.channel === channel && Number(claims.sub) === userId && claims.exp > this.clock.nowS()
  }

  private async sign(claims: Record<string, string>, userId: number): Promise<string> {
    const now = this.clock.nowS()
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(String(userId))
      .setIssuedAt(now)
      .setExpirationTime(now + this.ttlS)
      .sign(this.key)
  }

  private verify(token: string): { sub: string; exp: number; channel?: string } | undefined {
    const [header, payload, signature] = token.split('.')
    if (header === undefined || payload === undefined || signature === undefined) return undefined
    try {
      if (decodeProtectedHeader(token).alg !== 'HS256') return undefined
      const expected = createHmac('sha256', this.key).update(`${header}.${payload}`).digest()
      const given = Buffer.from(signature, 'base64url')
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined
      const claims = decodeJwt(token)
      if (typeof claims.sub !== 'string' || typeof claims.exp !== 'number') return undefined
      const channel = (claims as { channel?: unknown }).channel
      return { sub: claims.sub, exp: claims.exp, channel: typeof channel === 'string' ? channel : undefined }
    } catch {
      return undefined
    }
  }
}
