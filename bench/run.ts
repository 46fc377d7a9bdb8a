/**
 * `npm run bench [-- <id> …]`: runs every registered bench (or the named ones) one after another and
 * prints one line per figure with its target. Exit code 1 when a figure misses its target. Not in CI:
 * the figures depend on the machine.
 *
 * To add a bench, write a module in `bench/` and register it below (loaded lazily, so one bench's
 * start-up cost is not paid by the others).
 */
import type { Bench, BenchResult } from './types'

const benches: readonly Bench[] = [
  { id: 'vk-chat', run: async () => (await import('./vk-chat')).benchVkChat() },
  {
    id: 'kuaishou-go-live',
    run: async () =>
      (await (await import('./kuaishou-go-live')).benchKuaishouGoLive()).map((f) => ({ name: f.name, value: f.ms, unit: 'ms', target: f.targetMs }))
  },
  // The renderer side in Chromium through the browser host: cover conversion, click → push URL, Stop → LIVE_END.
  { id: 'kuaishou', run: async () => (await import('./kuaishou')).benchKuaishou() },
  // Initial renderer JS (gzip, entry + static imports) and first dashboard paint through the browser host.
  { id: 'dashboard', run: async () => (await import('./dashboard')).benchDashboard() }
]

const format = (r: BenchResult): string => {
  const value = Number.isInteger(r.value) ? String(r.value) : r.value.toFixed(1)
  const verdict = r.target === undefined ? '' : r.value <= r.target ? `  (target ≤ ${r.target}) OK` : `  (target ≤ ${r.target}) MISSED`
  return `  ${r.name}: ${value} ${r.unit}${verdict}`
}

async function main(): Promise<number> {
  const wanted = process.argv.slice(2)
  const unknown = wanted.filter((id) => !benches.some((b) => b.id === id))
  if (unknown.length > 0) {
    console.error(`unknown bench: ${unknown.join(', ')} (known: ${benches.map((b) => b.id).join(', ')})`)
    return 2
  }
  let missed = 0
  for (const bench of benches.filter((b) => wanted.length === 0 || wanted.includes(b.id))) {
    console.log(`${bench.id}`)
    const results = await bench.run()
    for (const r of results) {
      console.log(format(r))
      if (r.target !== undefined && r.value > r.target) missed++
    }
  }
  return missed > 0 ? 1 : 0
}

process.exitCode = await main()
