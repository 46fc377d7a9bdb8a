/**
 * Kuaishou "go live" benchmark (issue 6), in real Chromium through the browser host and its sandbox:
 *   - cover conversion of a 4000×3000 PNG (`convertCover` in the app page; target < 500 ms, median of 5)
 *   - click "Get push URL" → push URL shown, with a cover just under 2,000,000 bytes (target < 300 ms)
 *   - click "Stop live" (confirmed) → LIVE_END shown, while ffmpeg publishes (target < 2 s)
 * The click figures are timed in the page (click → first DOM mutation that shows the result), median of 3.
 * Run alone: `npx tsx bench/kuaishou.ts`; `bench/run.ts` calls `benchKuaishou()`.
 */
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium, type Page } from '@playwright/test'
import globalSetup from '../e2e/global-setup'
import { publish } from '../e2e/support/ffmpeg-publish'
import { readState, stopHost, waitFor } from '../e2e/support/host-process'
import { lab, loadKuaishouLab } from '../e2e/support/kuaishou-lab'
import { loadIntoPage } from '../e2e/support/page-module'
import type { BenchResult } from './types'

const COVER_LAB = 'LivedeckCoverLab'
const coverLabEntry = join(import.meta.dirname, '..', 'src', 'renderer', 'src', 'testing', 'cover-lab.ts')
const ROUNDS = 3

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

async function connect(page: Page): Promise<void> {
  const popup = page.context().waitForEvent('page')
  await page.getByTestId('slot-kuaishou').getByRole('button', { name: 'Connect Kuaishou' }).click()
  const authorize = await popup
  await authorize.locator('#login').click()
  await authorize.locator('#allow').click()
  await page.locator('[data-testid="ks-account"][data-state="connected"]').waitFor()
}

async function coverConversionMs(page: Page): Promise<number> {
  await loadIntoPage(page, coverLabEntry, COVER_LAB)
  const times: number[] = []
  for (let i = 0; i < 5; i++) {
    const report = await page.evaluate(
      (name) => (globalThis as unknown as Record<string, { runCase(n: string, f: string): Promise<{ ms: number; outcome: { ok: boolean } }> }>)[name]!.runCase('png4000x3000', 'crop'),
      COVER_LAB
    )
    if (!report.outcome.ok) throw new Error('the 4000×3000 PNG did not convert')
    times.push(report.ms)
  }
  return median(times)
}

/** One live: near-limit cover, timed "Get push URL", publish until LIVING, timed Stop → LIVE_END. */
async function oneLive(page: Page): Promise<{ pushMs: number; stopMs: number; coverBytes: number }> {
  const slot = page.getByTestId('slot-kuaishou')
  await lab(page, 'dropImage', 'ks-cover-drop', 'nearLimit')
  await slot.getByTestId('ks-cover-ready').waitFor()
  const coverBytes = await page.evaluate(() => {
    const text = (globalThis as unknown as { document: { querySelector(s: string): { textContent: string } | null } }).document.querySelector('[data-testid="ks-cover-ready"]')?.textContent ?? ''
    return Number(/(\d+) KB/.exec(text)?.[1] ?? 0) * 1000
  })
  const pushMs = await lab(page, 'timeClickUntil', 'ks-get-push-url', '[data-testid="ks-push-url"]')
  await lab(page, 'clearClipboard')
  await slot.getByTestId('ks-copy-whole').click()
  const url = await waitForValue(() => lab(page, 'readClipboard'))
  const encoder = publish(url)
  try {
    await slot.locator('[data-testid="ks-live"][data-status="LIVING"]').waitFor({ timeout: 30_000 })
    await slot.getByTestId('ks-stop').click()
    const stopMs = await lab(page, 'timeClickUntil', 'ks-stop-confirm', '[data-testid="ks-live"][data-status="LIVE_END"]')
    await slot.getByTestId('ks-new-url').click()
    return { pushMs, stopMs, coverBytes }
  } finally {
    await encoder.stop()
  }
}

async function waitForValue(read: () => Promise<string>): Promise<string> {
  let value = ''
  await waitFor('the clipboard', () => (value !== '' ? true : (void read().then((v) => (value = v)), null)), 10_000)
  return value
}

export async function benchKuaishou(): Promise<BenchResult[]> {
  await globalSetup()
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-background-timer-throttling', '--disable-renderer-backgrounding']
  })
  try {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] })
    const page = await context.newPage()
    await page.goto(readState().url)
    await loadKuaishouLab(page)
    const coverMs = await coverConversionMs(page)
    await connect(page)
    const lives = []
    for (let i = 0; i < ROUNDS; i++) lives.push(await oneLive(page))
    return [
      { name: 'cover conversion, 4000×3000 PNG (median of 5)', value: coverMs, unit: 'ms', target: 500 },
      { name: `click → push URL shown, cover ≈ ${Math.round(Math.min(...lives.map((l) => l.coverBytes)) / 1000)} kB (median of ${ROUNDS})`, value: median(lives.map((l) => l.pushMs)), unit: 'ms', target: 300 },
      { name: `Stop → LIVE_END shown (median of ${ROUNDS})`, value: median(lives.map((l) => l.stopMs)), unit: 'ms', target: 2000 }
    ]
  } finally {
    await browser.close()
    await stopHost()
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await benchKuaishou()) console.log(`${r.name}: ${r.value.toFixed(1)} ${r.unit} (target ≤ ${r.target ?? '–'})`)
}
