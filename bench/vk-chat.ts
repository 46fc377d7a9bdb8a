/**
 * VK chat path benchmark (issue 5): sandbox firehose → pubsub → main → bridge → rendered list, measured
 * in real Chromium through the browser host.
 *   - 100 msg/s for 60 s, then a 500 msg/s burst for 5 s
 *   - messages lost: published by the sandbox but never delivered to the page (read from the bridge's
 *     WebSocket frames; target 0); also counted: delivered but never rendered as a row because more
 *     arrived in one frame than the viewport holds (virtualization skips rows nobody could see)
 *   - p95 publish → painted: the sandbox's publish time (`/vk/chat/published`, wall clock) to the first
 *     animation frame after the row entered the DOM (target ≤ 50 ms at 100 msg/s, ≤ 100 ms in the burst)
 *   - long tasks > 50 ms (PerformanceObserver 'longtask', target 0), most DOM rows at once (target ≤ 60),
 *     JS heap growth across the run (after a forced GC on both ends)
 * Run alone: `npx tsx bench/vk-chat.ts [rate durationS …]`; `bench/run.ts` calls `benchVkChat()`.
 */
import { pathToFileURL } from 'node:url'
import { chromium, type Page } from '@playwright/test'
import globalSetup from '../e2e/global-setup'
import { readState, stopHost } from '../e2e/support/host-process'
import { control, restoreVkApp, sandboxVk } from '../e2e/support/vk-sandbox'
import type { BenchResult } from './types'

const STREAMER_LIVE = 1000001
/** After the firehose ends, how long stragglers may take before they count as lost. */
const SETTLE_MS = 3_000

interface Phase {
  readonly label: string
  readonly rate: number
  readonly durationS: number
  readonly p95TargetMs: number
}

export const defaultPhases: readonly Phase[] = [
  { label: '100 msg/s × 60 s', rate: 100, durationS: 60, p95TargetMs: 50 },
  { label: '500 msg/s burst × 5 s', rate: 500, durationS: 5, p95TargetMs: 100 }
]

interface Probe {
  seen: Record<string, number>
  longTasks: number[]
  maxRows: number
}
type ProbeWindow = { __vkBench: Probe; performance: { timeOrigin: number; now(): number } }

/**
 * Installed in the page: notes when each chat row (`data-msg-id`) first enters the DOM, stamped at the
 * next animation frame (the frame that paints it); counts rows; records long tasks.
 */
function installProbe(): void {
  const w = globalThis as unknown as ProbeWindow & {
    document: { querySelector(s: string): unknown; querySelectorAll(s: string): { length: number } }
    requestAnimationFrame(cb: () => void): void
    MutationObserver: new (cb: (records: { addedNodes: ArrayLike<unknown> }[]) => void) => { observe(n: unknown, o: unknown): void }
    PerformanceObserver: new (cb: (list: { getEntries(): { duration: number }[] }) => void) => { observe(o: unknown): void }
  }
  const probe: Probe = { seen: {}, longTasks: [], maxRows: 0 }
  w.__vkBench = probe
  const list = w.document.querySelector('[data-testid="vk-chat-list"]')
  let pending: string[] = []
  const collect = (node: unknown): void => {
    const el = node as { nodeType?: number; querySelectorAll?(s: string): ArrayLike<{ getAttribute(n: string): string | null }> }
    if (el.nodeType !== 1 || !el.querySelectorAll) return
    for (const row of Array.from(el.querySelectorAll('[data-msg-id]'))) {
      const id = row.getAttribute('data-msg-id')
      if (id && !(id in probe.seen)) pending.push(id)
    }
  }
  new w.MutationObserver((records) => {
    for (const r of records) for (const n of Array.from(r.addedNodes)) collect(n)
    probe.maxRows = Math.max(probe.maxRows, w.document.querySelectorAll('[data-testid="vk-chat-list"] [data-index]').length)
    if (pending.length === 0) return
    const batch = pending
    pending = []
    w.requestAnimationFrame(() => {
      const at = w.performance.timeOrigin + w.performance.now()
      for (const id of batch) if (!(id in probe.seen)) probe.seen[id] = at
    })
  }).observe(list, { childList: true, subtree: true })
  new w.PerformanceObserver((entries) => {
    for (const e of entries.getEntries()) probe.longTasks.push(e.duration)
  }).observe({ type: 'longtask', buffered: false })
}

const percentile = (values: readonly number[], p: number): number => {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

async function waitUntil(what: string, probe: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** Signs in as the live streamer through the sandbox's authorize tab and popup. */
async function connect(page: Page): Promise<void> {
  const slot = page.getByTestId('slot-vk')
  const signOut = slot.getByRole('button', { name: 'Sign out' })
  if (await signOut.isVisible()) await signOut.click()
  const tabOpened = page.context().waitForEvent('page')
  await slot.getByRole('button', { name: 'Connect VK' }).click()
  const tab = await tabOpened
  await tab.waitForLoadState()
  const popupOpened = tab.waitForEvent('popup')
  await tab.click('#signin')
  const popup = await popupOpened
  await popup.waitForLoadState()
  await popup.check(`input[name="user"][value="${STREAMER_LIVE}"]`)
  await popup.click('#allow')
  await slot.getByTestId('vk-chat-list').waitFor({ timeout: 30_000 })
  await slot.getByTestId('vk-chat-transport').getByText('Live', { exact: true }).waitFor({ timeout: 30_000 })
  if (!tab.isClosed()) await tab.close()
}

async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }
  await cdp.detach()
  return usedSize
}

/** Chat message ids the page received in `vkChat.batch` events over the bridge. */
function recordDelivered(page: Page): Set<string> {
  const delivered = new Set<string>()
  page.on('websocket', (ws) =>
    ws.on('framereceived', (frame) => {
      const text = String(frame.payload)
      if (!text.includes('"vkChat.batch"')) return
      const msg = JSON.parse(text) as { t?: string; name?: string; payload?: { lines?: { kind: string; id?: number }[] } }
      if (msg.t !== 'event' || msg.name !== 'vkChat.batch') return
      for (const l of msg.payload?.lines ?? []) if (l.kind === 'message' && l.id !== undefined) delivered.add(String(l.id))
    })
  )
  return delivered
}

async function runPhase(page: Page, vk: ReturnType<typeof sandboxVk>, phase: Phase, delivered: Set<string>): Promise<BenchResult[]> {
  await page.evaluate(() => {
    const p = (globalThis as unknown as ProbeWindow).__vkBench
    p.seen = {}
    p.longTasks = []
    p.maxRows = 0
  })
  const since = Date.now()
  await control(vk, '/vk/chat/firehose', { channel_url: 'live_channel', rate: phase.rate, durationS: phase.durationS })
  await new Promise((r) => setTimeout(r, phase.durationS * 1000))
  const published = async (): Promise<{ at: number; id?: number; type: string }[]> =>
    (await control<{ at: number; id?: number; type: string }[]>(vk, `/vk/chat/published?since=${since}`)).filter(
      (p) => p.type === 'channel_chat_message_send' && p.id !== undefined
    )
  // Wait for the firehose to finish publishing, then give the page a moment for the last lines.
  await waitUntil('the firehose to finish', async () => (await published()).length >= Math.floor(phase.rate * phase.durationS * 0.98), 30_000)
  await new Promise((r) => setTimeout(r, SETTLE_MS))
  const sent = await published()
  const probe = await page.evaluate(() => (globalThis as unknown as ProbeWindow).__vkBench)
  const latencies = sent.flatMap((p) => (probe.seen[String(p.id)] === undefined ? [] : [probe.seen[String(p.id)]! - p.at]))
  const lost = sent.filter((p) => !delivered.has(String(p.id))).length
  const unpainted = sent.filter((p) => delivered.has(String(p.id)) && probe.seen[String(p.id)] === undefined).length
  const long = probe.longTasks.filter((d) => d > 50)
  return [
    { name: `${phase.label}: published`, value: sent.length, unit: 'messages' },
    { name: `${phase.label}: lost (never reached the page)`, value: lost, unit: 'messages', target: 0 },
    { name: `${phase.label}: delivered but scrolled past before a frame (never a DOM row)`, value: unpainted, unit: 'messages' },
    { name: `${phase.label}: p50 publish → painted`, value: percentile(latencies, 50), unit: 'ms' },
    { name: `${phase.label}: p95 publish → painted`, value: percentile(latencies, 95), unit: 'ms', target: phase.p95TargetMs },
    { name: `${phase.label}: max publish → painted`, value: Math.max(...latencies), unit: 'ms' },
    { name: `${phase.label}: long tasks > 50 ms`, value: long.length, unit: `tasks (longest ${Math.round(Math.max(0, ...probe.longTasks))} ms)`, target: 0 },
    { name: `${phase.label}: most DOM rows at once`, value: probe.maxRows, unit: 'rows', target: 60 }
  ]
}

export async function benchVkChat(phases: readonly Phase[] = defaultPhases): Promise<BenchResult[]> {
  await globalSetup()
  const host = readState()
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-background-timer-throttling', '--disable-renderer-backgrounding']
  })
  try {
    const vk = sandboxVk(host)
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    const delivered = recordDelivered(page)
    await page.goto(host.url)
    await page.getByTestId('slot-vk').waitFor()
    await restoreVkApp(page, vk)
    await connect(page)
    // tsx keeps function names with a `__name` helper that the page does not have.
    await page.evaluate('globalThis.__name = (f) => f')
    await page.evaluate(installProbe)
    const heapBefore = await heapAfterGc(page)
    const results: BenchResult[] = []
    for (const phase of phases) results.push(...(await runPhase(page, vk, phase, delivered)))
    const heapAfter = await heapAfterGc(page)
    results.push({ name: 'JS heap growth over the run (after GC)', value: Math.round((heapAfter - heapBefore) / 1024), unit: `KiB (${Math.round(heapBefore / 1024)} → ${Math.round(heapAfter / 1024)} KiB)` })
    return results
  } finally {
    await browser.close()
    await stopHost()
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2).map(Number)
  const phases = args.length >= 2 ? [{ label: `${args[0]} msg/s × ${args[1]} s`, rate: args[0]!, durationS: args[1]!, p95TargetMs: 50 }] : defaultPhases
  for (const r of await benchVkChat(phases)) console.log(`${r.name}: ${r.value} ${r.unit}${r.target === undefined ? '' : ` (target ≤ ${r.target})`}`)
}
