/** Time source for services; tests inject a fake. */
export interface Clock {
  now(): number
  setTimeout(fn: () => void, ms: number): { cancel(): void }
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout(fn, ms) {
    const t = globalThis.setTimeout(fn, ms)
    return { cancel: () => globalThis.clearTimeout(t) }
  }
}
