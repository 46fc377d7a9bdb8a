/**
 * The Kuaishou users of the sandbox (fixtures with mutable flags: a passed face verification clears
 * `face_verify`), and the per app + user rate limit of the live API (400002), both in sandbox time.
 */
import type { SandboxClock } from '../core/clock'
import { users as userFixtures, type UserFixture } from './fixtures'

export class KuaishouUsers {
  private users = new Map<string, UserFixture>()

  constructor() {
    this.reset()
  }

  get(openId: string): UserFixture | undefined {
    return this.users.get(openId)
  }

  list(): UserFixture[] {
    return [...this.users.values()]
  }

  /** `POST <control>/kuaishou/verify`: the user passed face verification. */
  clearFaceVerify(openId: string): boolean {
    const user = this.users.get(openId)
    if (!user) return false
    user.flags = user.flags.filter((f) => f !== 'face_verify')
    return true
  }

  reset(): void {
    this.users = new Map(userFixtures.map((u) => [u.open_id, { ...u, flags: [...u.flags] }]))
  }
}

/** A sliding window: at most `count` calls per `windowMs` for each key. */
export class RateLimiter {
  private hits = new Map<string, number[]>()

  constructor(
    private readonly clock: SandboxClock,
    private readonly limit: () => { count: number; windowMs: number }
  ) {}

  /** Records a call; false when it is over the limit (a refused call does not count). */
  allow(key: string): boolean {
    const { count, windowMs } = this.limit()
    const now = this.clock.now()
    const recent = (this.hits.get(key) ?? []).filter((t) => t > now - windowMs)
    if (recent.length >= count) {
      this.hits.set(key, recent)
      return false
    }
    recent.push(now)
    this.hits.set(key, recent)
    return true
  }

  reset(): void {
    this.hits.clear()
  }
}
