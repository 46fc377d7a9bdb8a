/**
 * Dashboard bench (issue 7): initial renderer JS — the gzip size of the entry chunk plus every chunk
 * it imports statically, as built in `out/renderer` (lazy chunks excluded: they are not on the start-up
 * path) — and the first dashboard paint in Chromium through the browser host (navigation start → the
 * split is in the DOM and painted).
 */
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { chromium } from '@playwright/test'
import globalSetup from '../e2e/global-setup'
import { readState, stopHost } from '../e2e/support/host-process'
import type { BenchResult } from './types'

const rendererDir = join(import.meta.dirname, '..', 'out', 'renderer')
const ROUNDS = 5

/** Static `import … from "./x.js"` / `import "./x.js"` in a built chunk (dynamic `import(…)` is not matched). */
const staticImports = (code: string): string[] =>
  [...code.matchAll(/(?:^|[;\s}])import\s*(?:[\w${},*\s]+from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g)].map((m) => m[1]!)

export function initialJsGzipBytes(dir = rendererDir): { bytes: number; files: string[] } {
  const html = readFileSync(join(dir, 'index.html'), 'utf8')
  const entry = /<script[^>]+type="module"[^>]+src="([^"]+)"/.exec(html)?.[1]
  if (!entry) throw new Error('no module script in out/renderer/index.html: run the build first')
  const seen = new Set<string>()
  const visit = (file: string): void => {
    if (seen.has(file)) return
    seen.add(file)
    for (const dep of staticImports(readFileSync(file, 'utf8'))) visit(resolve(dirname(file), dep))
  }
  visit(resolve(dir, entry))
  const files = [...seen]
  return { bytes: files.reduce((sum, f) => sum + gzipSync(readFileSync(f), { level: 9 }).length, 0), files }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

export async function benchDashboard(): Promise<BenchResult[]> {
  await globalSetup()
  const js = initialJsGzipBytes()
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] })
  try {
    const paints: number[] = []
    for (let i = 0; i < ROUNDS; i++) {
      // A fresh context each round: no warm HTTP cache from the previous load.
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
      const page = await context.newPage()
      await page.goto(readState().url)
      await page.getByTestId('dashboard-split').waitFor()
      // The frame after the split exists is the one that paints it.
      paints.push(
        await page.evaluate(() => {
          const w = globalThis as unknown as { requestAnimationFrame(cb: () => void): void }
          return new Promise<number>((done) => w.requestAnimationFrame(() => done(performance.now())))
        })
      )
      await context.close()
    }
    return [
      { name: `initial renderer JS, gzip (${js.files.length} file${js.files.length === 1 ? '' : 's'})`, value: Math.round(js.bytes / 100) / 10, unit: 'kB', target: 110 },
      { name: `first dashboard paint, browser host (median of ${ROUNDS})`, value: median(paints), unit: 'ms', target: 1000 }
    ]
  } finally {
    await browser.close()
    await stopHost()
  }
}
