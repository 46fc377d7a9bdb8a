/**
 * `<input type="datetime-local">` speaks local wall-clock strings (`2026-03-01T18:30`); main wants epoch
 * milliseconds (it sends VK unix seconds). Both directions use the machine's time zone, as the user sees it.
 */
const pad = (n: number): string => String(n).padStart(2, '0')

export function toLocalInput(epochMs: number | null): string {
  if (epochMs === null) return ''
  const d = new Date(epochMs)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** Epoch ms for a local date-time string; null for empty or unparseable input. */
export function fromLocalInput(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value)
  if (!m) return null
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number]
  const ms = new Date(y, mo - 1, d, h, mi).getTime()
  return Number.isNaN(ms) ? null : ms
}
