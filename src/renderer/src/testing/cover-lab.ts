/**
 * Page-side code of the cover spec, bundled into the app page with `e2e/support/page-module.ts` (it runs in
 * Chromium, not in Node): makes a fixture, converts it with the real renderer pipeline, and decodes
 * the result to report what it really is.
 */
import { convertCover, type CoverFit } from '../kuaishou/cover/convert-cover'
import type { CaseReport } from './cover-lab-report'
import { makeFixture } from './image-fixtures'

export type { CaseReport }

/** The generated inputs; the e2e spec names them as plain strings. */
export type FixtureName =
  | 'png4000x3000'
  | 'png100x100'
  | 'noise30MB'
  | 'pngNamedJpg'
  | 'textNamedJpg'
  | 'truncatedJpeg'
  | 'exifOrientation6'
  | 'gif1x1'
  | 'webp'
  | 'heic'

const sha256 = async (blob: Blob): Promise<string> =>
  Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer())), (b) => b.toString(16).padStart(2, '0')).join('')

function toBase64(bytes: Uint8Array): string {
  let text = ''
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(text)
}

async function decode(bytes: Uint8Array) {
  const bitmap = await createImageBitmap(new Blob([bytes as BlobPart], { type: 'image/jpeg' }))
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height)
  const ctx = canvas.getContext('2d')!
  ctx.drawImage(bitmap, 0, 0)
  const pixel = (x: number, y: number) => Array.from(ctx.getImageData(x, y, 1, 1).data.slice(0, 3))
  const result = { decoded: { width: bitmap.width, height: bitmap.height }, upper: pixel(360, 240), lower: pixel(360, 1040) }
  bitmap.close()
  return result
}

export async function runCase(name: FixtureName, fit: CoverFit): Promise<CaseReport> {
  const input = await makeFixture(name)
  const before = await sha256(input)
  const started = performance.now()
  const outcome = await convertCover(input, fit)
  const ms = performance.now() - started
  const inputUnchanged = (await sha256(input)) === before
  if (!outcome.ok) return { inputSize: input.size, inputUnchanged, ms, outcome }
  const { bytes, quality, source } = outcome.cover
  return {
    inputSize: input.size,
    inputUnchanged,
    ms,
    outcome: { ok: true, quality, source, base64: toBase64(bytes), ...(await decode(bytes)) }
  }
}
