/** Time left until `until`, as whole days / hours / minutes (rounded up to the minute), or null when past. */
export function timeLeft(until: number, now: number): { days: number; hours: number; minutes: number } | null {
  const ms = until - now
  if (ms <= 0) return null
  const totalMinutes = Math.ceil(ms / 60_000)
  return { days: Math.floor(totalMinutes / 1440), hours: Math.floor((totalMinutes % 1440) / 60), minutes: totalMinutes % 60 }
}
