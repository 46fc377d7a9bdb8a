/**
 * The Kuaishou cover pipeline (`src/renderer/src/kuaishou/cover/convert-cover.ts`) in real Chromium,
 * inside the app page, on files generated there. Every produced cover is checked from its bytes:
 * JPEG magic, at most 2,000,000 bytes, 720×1280 by decoding it (Chromium) and by its SOF header (Node).
 */
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { readJpegSize } from '../src/main/platforms/kuaishou/jpeg'
import type { CaseReport } from '../src/renderer/src/testing/cover-lab-report'
import { readState } from './support/host-process'
import { loadIntoPage } from './support/page-module'

const LAB = 'LivedeckCoverLab' as const

type CoverLab = Record<typeof LAB, { runCase(name: string, fit: string): Promise<CaseReport> }>

test.describe.configure({ mode: 'serial' })

let page: Page

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage()
  await page.goto(readState().url)
  await loadIntoPage(page, join(import.meta.dirname, '..', 'src', 'renderer', 'src', 'testing', 'cover-lab.ts'), LAB)
})

test.afterAll(async () => {
  await page.close()
})

const run = (name: string, fit: 'crop' | 'fit' = 'crop'): Promise<CaseReport> =>
  page.evaluate(([n, f]) => (globalThis as unknown as CoverLab).LivedeckCoverLab.runCase(n, f), [name, fit] as const)

/** The checks every produced file must pass; returns the report narrowed to success. */
function expectCompliant(report: CaseReport) {
  expect(report.inputUnchanged).toBe(true)
  expect(report.outcome.ok, JSON.stringify(report.outcome).slice(0, 200)).toBe(true)
  if (!report.outcome.ok) throw new Error('unreachable')
  const bytes = Buffer.from(report.outcome.base64, 'base64')
  expect([...bytes.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff])
  expect(bytes.length).toBeLessThanOrEqual(2_000_000)
  expect(bytes.length).toBeGreaterThan(1000)
  expect(readJpegSize(bytes)).toEqual({ width: 720, height: 1280 })
  expect(report.outcome.decoded).toEqual({ width: 720, height: 1280 })
  return report.outcome
}

test('a 4000×3000 PNG becomes a 720×1280 JPEG, cropped or fitted', async () => {
  const cropped = expectCompliant(await run('png4000x3000', 'crop'))
  expect(cropped.source).toEqual({ kind: 'png', width: 4000, height: 3000, size: expect.any(Number) })
  const fitted = expectCompliant(await run('png4000x3000', 'fit'))
  // Same picture, different framing: the bytes differ.
  expect(fitted.base64).not.toBe(cropped.base64)
})

test('a 100×100 PNG is scaled up to 720×1280', async () => {
  const out = expectCompliant(await run('png100x100'))
  expect(out.source).toMatchObject({ width: 100, height: 100 })
})

test('a 30 MB image becomes a cover under 2,000,000 bytes by stepping the quality down', async () => {
  const report = await run('noise30MB')
  expect(report.inputSize).toBeGreaterThan(30_000_000)
  const out = expectCompliant(report)
  // Noise does not compress: the first quality step cannot fit, so the loop really stepped down.
  expect(out.quality).toBeLessThan(1)
})

test('a PNG named .jpg is recognised by its bytes and converted', async () => {
  const out = expectCompliant(await run('pngNamedJpg'))
  expect(out.source.kind).toBe('png')
})

test('a text file named .jpg is refused as not an image', async () => {
  const report = await run('textNamedJpg')
  expect(report.outcome).toEqual({ ok: false, problem: 'not_image' })
  expect(report.inputUnchanged).toBe(true)
})

test('a truncated JPEG is refused as broken', async () => {
  const report = await run('truncatedJpeg')
  expect(report.outcome).toEqual({ ok: false, problem: 'broken' })
})

test('EXIF orientation 6 is applied: the stored landscape comes out upright (red above blue)', async () => {
  const out = expectCompliant(await run('exifOrientation6'))
  // Upright it is 200×400; stored it is 400×200.
  expect(out.source).toMatchObject({ kind: 'jpeg', width: 200, height: 400 })
  const [ur, ug, ub] = out.upper
  const [lr, lg, lb] = out.lower
  expect(ur! > 200 && ug! < 60 && ub! < 60, `upper ${out.upper.join()}`).toBe(true)
  expect(lb! > 200 && lr! < 60 && lg! < 60, `lower ${out.lower.join()}`).toBe(true)
})

test('a GIF and a WebP are converted; HEIC is named so the user can export it', async () => {
  expectCompliant(await run('gif1x1'))
  expect(expectCompliant(await run('webp')).source.kind).toBe('webp')
  expect((await run('heic')).outcome).toEqual({ ok: false, problem: 'heic' })
})
