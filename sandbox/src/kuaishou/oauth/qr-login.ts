/**
 * The simulated login QR of Kuaishou's login page (reference §3.6: the login QR lives 2 minutes; §8.2: "the
 * login page may simulate a QR that expires after 120 s"). Each rendering of the login page issues a QR id;
 * logging in with it after 120 s of sandbox-clock time shows the "QR expired" page instead of the consent.
 */
import { randomBytes } from 'node:crypto'
import type { SandboxClock } from '../../core/clock'

export const QR_TTL_MS = 120_000

export class QrLogins {
  private issued = new Map<string, number>()

  constructor(private readonly clock: SandboxClock) {}

  /** A new QR id and when it expires (sandbox-clock ms). */
  issue(): { id: string; expiresAt: number } {
    this.sweep()
    const id = randomBytes(12).toString('hex')
    const expiresAt = this.clock.now() + QR_TTL_MS
    this.issued.set(id, expiresAt)
    return { id, expiresAt }
  }

  /** `expired` for a QR past its 120 s (or unknown to this run, e.g. issued before a reset). */
  check(id: string): 'valid' | 'expired' {
    const expiresAt = this.issued.get(id)
    return expiresAt !== undefined && this.clock.now() < expiresAt ? 'valid' : 'expired'
  }

  reset(): void {
    this.issued.clear()
  }

  /** Forget QRs long expired, so a long-running demo does not grow the map. */
  private sweep(): void {
    const now = this.clock.now()
    for (const [id, expiresAt] of this.issued) if (expiresAt + QR_TTL_MS < now) this.issued.delete(id)
  }
}
