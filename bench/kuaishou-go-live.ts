/**
 * Kuaishou go-live timings on the sandbox through the main app (issue 6 "npm run bench"):
 *   - click → push URL: the `kuaishou.createLive` handler with a ~2 MB cover (target < 300 ms)
 *   - Stop → LIVE_END seen: `kuaishou.stopLive` on a live that is on air via ffmpeg (target < 2 s)
 * Run alone: `npx tsx bench/kuaishou-go-live.ts`; `bench/run.ts` can call `benchKuaishouGoLive()`.
 */
import { pathToFileURL } from 'node:url'
import type { KuaishouLiveView } from '../src/shared/ipc/kuaishou'
import { KS_USERS, makeCover, startKsHarness } from '../src/main/platforms/kuaishou/test-support/harness'

export interface BenchFigure {
  readonly name: string
  readonly ms: number
  readonly targetMs: number
}

/** A valid 720×1280 JPEG padded with comment segments to just under 2,000,000 bytes. */
function twoMegabyteCover(): Uint8Array<ArrayBuffer> {
  const jpeg = makeCover()
  const room = 1_999_000 - jpeg.length
  const segments = Math.floor(room / 65_537)
  const out = new Uint8Array(jpeg.length + segments * 65_537)
  out.set(jpeg.subarray(0, 2))
  for (let i = 0; i < segments; i++) out.set([0xff, 0xfe, 0xff, 0xff], 2 + i * 65_537)
  out.set(jpeg.subarray(2), 2 + segments * 65_537)
  return out
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

export async function benchKuaishouGoLive(runs = 7): Promise<BenchFigure[]> {
  const h = await startKsHarness({ graceMs: 5_000 })
  try {
    h.consent = { user: KS_USERS.streamer }
    await h.app.handlers['kuaishou.connect'](undefined)
    const cover = twoMegabyteCover()
    const input = { cover, caption: 'bench', panoramic: 0 as const, shopLive: false }
    const pushTimes: number[] = []
    for (let i = 0; i < runs; i++) {
      const started = performance.now()
      await h.app.handlers['kuaishou.createLive'](input)
      pushTimes.push(performance.now() - started)
      await h.app.handlers['kuaishou.stopLive'](undefined)
      await h.app.handlers['kuaishou.dismissLive'](undefined)
    }

    const view = await h.app.handlers['kuaishou.createLive'](input)
    const publisher = h.publish(h.app.services.sensitive.reveal(view.pushUrlRef!))
    await h.waitFor(() => (h.app.handlers['kuaishou.getLive'](undefined) as KuaishouLiveView | null)?.status === 'LIVING', 30_000)
    const stopStarted = performance.now()
    const stopped = await h.app.handlers['kuaishou.stopLive'](undefined)
    const stopMs = performance.now() - stopStarted
    if (stopped.status !== 'LIVE_END') throw new Error(`Stop did not reach LIVE_END (${stopped.status})`)
    await publisher.stop()

    return [
      { name: `Kuaishou click → push URL, ${(cover.length / 1e6).toFixed(2)} MB cover (median of ${runs})`, ms: median(pushTimes), targetMs: 300 },
      { name: 'Kuaishou Stop → LIVE_END seen', ms: stopMs, targetMs: 2_000 }
    ]
  } finally {
    await h.stop()
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const f of await benchKuaishouGoLive()) {
    console.log(`${f.name}: ${f.ms.toFixed(0)} ms (target < ${f.targetMs} ms) ${f.ms < f.targetMs ? 'OK' : 'OVER'}`)
  }
}
