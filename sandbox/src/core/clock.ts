/**
 * The sandbox clock. Every expiry and timer in the sandbox (token lifetimes, code lifetimes, pubsub
 * pings, RTMP grace periods, push-URL expiry) reads time and schedules work through it, so
 * `POST /clock/advance` can move all of them at once.
 *
 * Time flows in real time from a base; `advance(ms)` adds an offset and fires every timer that became
 * due, in due order. Real timers back the scheduled callbacks so nothing waits for an advance.
 */
export interface TimerHandle {
  cancel(): void
}

export interface SandboxClock {
  /** Milliseconds since the epoch, sandbox time. */
  now(): number
  /** Whole seconds since the epoch, sandbox time. */
  nowS(): number
  setTimeout(fn: () => void, ms: number): TimerHandle
  setInterval(fn: () => void, ms: number): TimerHandle
  /** Move sandbox time forward, firing due timers. */
  advance(ms: number): void
  /** Cancel every pending timer (used on stop). */
  dispose(): void
}

interface Pending {
  due: number
  fn: () => void
  real: ReturnType<typeof globalThis.setTimeout> | undefined
  cancelled: boolean
}

export function createClock(options: { startMs?: number; realNow?: () => number } = {}): SandboxClock {
  const realNow = options.realNow ?? Date.now
  const base = realNow()
  let offset = options.startMs === undefined ? 0 : options.startMs - base
  const pending = new Set<Pending>()

  const now = (): number => realNow() + offset

  const arm = (p: Pending): void => {
    if (p.real !== undefined) globalThis.clearTimeout(p.real)
    const wait = Math.max(0, p.due - now())
    // Node caps timers at 2^31-1 ms; re-arm for long ones.
    const capped = Math.min(wait, 2_147_483_647)
    p.real = globalThis.setTimeout(() => {
      if (p.cancelled) return
      if (now() >= p.due) fire(p)
      else arm(p)
    }, capped)
    p.real.unref?.()
  }

  const fire = (p: Pending): void => {
    pending.delete(p)
    if (p.real !== undefined) globalThis.clearTimeout(p.real)
    p.cancelled = true
    p.fn()
  }

  const scheduleAt = (fn: () => void, due: number): TimerHandle => {
    const p: Pending = { due, fn, real: undefined, cancelled: false }
    pending.add(p)
    arm(p)
    return {
      cancel: () => {
        p.cancelled = true
        if (p.real !== undefined) globalThis.clearTimeout(p.real)
        pending.delete(p)
      }
    }
  }

  const schedule = (fn: () => void, ms: number): TimerHandle => scheduleAt(fn, now() + Math.max(0, ms))

  return {
    now,
    nowS: () => Math.floor(now() / 1000),
    setTimeout: schedule,
    setInterval(fn, ms) {
      let current: TimerHandle | undefined
      let stopped = false
      const period = Math.max(1, ms)
      // Each tick is due one period after the previous one's due time, so an advance over several
      // periods fires every tick in between.
      const tick = (due: number): void => {
        if (stopped) return
        current = scheduleAt(() => {
          tick(due + period)
          fn()
        }, due)
      }
      tick(now() + period)
      return {
        cancel: () => {
          stopped = true
          current?.cancel()
        }
      }
    },
    advance(ms) {
      if (!(ms >= 0)) throw new RangeError('advance takes a non-negative duration')
      offset += ms
      // Fire in due order; callbacks may schedule more timers that are already due.
      for (;;) {
        const t = now()
        let next: Pending | undefined
        for (const p of pending) if (p.due <= t && (next === undefined || p.due < next.due)) next = p
        if (next === undefined) break
        fire(next)
      }
      for (const p of pending) arm(p)
    },
    dispose() {
      for (const p of pending) {
        p.cancelled = true
        if (p.real !== undefined) globalThis.clearTimeout(p.real)
      }
      pending.clear()
    }
  }
}
