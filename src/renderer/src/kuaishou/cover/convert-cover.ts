/**
 * Any common image → a cover Kuaishou accepts: a real JPEG, 720×1280 (9:16), at most 2,000,000 bytes.
 * Pure (no React, no store, no IPC) so Playwright can run it in real Chromium on generated files.
 *
 * - The format is sniffed from the bytes (names and MIME types lie); HEIC is named as such because
 *   Chromium cannot decode it and the user can fix it by exporting a JPEG/PNG.
 * - EXIF orientation is applied by the decoder (`imageOrientation: 'from-image'`).
 * - `crop` fills the frame (centre crop); `fit` shows the whole image over a blurred copy of itself.
 * - JPEG quality is stepped down until the file fits; the source Blob is only ever read.
 */
import { KUAISHOU_COVER_MAX_BYTES } from '../../../../shared/ipc/kuaishou'
import { looksComplete, sniffImage, type ImageKind } from './sniff-image'

export const COVER_WIDTH = 720
export const COVER_HEIGHT = 1280
/** Reading more than this into memory to make a 720×1280 picture is not worth the risk of a stall. */
export const COVER_SOURCE_MAX_BYTES = 200 * 1024 * 1024
/** Tried in order; the first encoding that fits wins (best quality first: most pictures fit at 1). */
export const COVER_QUALITY_STEPS = [1, 0.95, 0.9, 0.85, 0.8, 0.72, 0.64, 0.56, 0.48, 0.4, 0.3] as const

export type CoverFit = 'crop' | 'fit'
export type CoverProblem = 'empty' | 'too_big' | 'heic' | 'not_image' | 'broken' | 'cannot_fit'

export interface Cover {
  /** JPEG bytes, 720×1280, ≤ 2,000,000 bytes; sent to main as they are. */
  readonly bytes: Uint8Array<ArrayBuffer>
  readonly quality: number
  readonly source: { readonly kind: ImageKind; readonly width: number; readonly height: number; readonly size: number }
}

export type CoverOutcome = { readonly ok: true; readonly cover: Cover } | { readonly ok: false; readonly problem: CoverProblem }

const TAIL_BYTES = 64 * 1024

const readBytes = async (blob: Blob): Promise<Uint8Array<ArrayBuffer>> => new Uint8Array(await blob.arrayBuffer())

/** Checks what the file is before decoding it, so each failure gets its own message. */
async function classify(file: Blob): Promise<{ kind: ImageKind } | { problem: CoverProblem }> {
  if (file.size === 0) return { problem: 'empty' }
  if (file.size > COVER_SOURCE_MAX_BYTES) return { problem: 'too_big' }
  const kind = sniffImage(await readBytes(file.slice(0, 32)))
  if (kind === null) return { problem: 'not_image' }
  if (kind === 'heic') return { problem: 'heic' }
  if (!looksComplete(kind, await readBytes(file.slice(Math.max(0, file.size - TAIL_BYTES))))) return { problem: 'broken' }
  return { kind }
}

/** The source rectangle that fills a 9:16 frame, centred. */
function cropRect(width: number, height: number): { sx: number; sy: number; sw: number; sh: number } {
  const target = COVER_WIDTH / COVER_HEIGHT
  if (width / height > target) {
    const sw = height * target
    return { sx: (width - sw) / 2, sy: 0, sw, sh: height }
  }
  const sh = width / target
  return { sx: 0, sy: (height - sh) / 2, sw: width, sh }
}

function draw(bitmap: ImageBitmap, fit: CoverFit): OffscreenCanvas {
  const canvas = new OffscreenCanvas(COVER_WIDTH, COVER_HEIGHT)
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('no 2d context')
  ctx.imageSmoothingEnabled = true
  ctx.imageSmoothingQuality = 'high'
  const { sx, sy, sw, sh } = cropRect(bitmap.width, bitmap.height)
  if (fit === 'crop') {
    ctx.drawImage(bitmap, sx, sy, sw, sh, 0, 0, COVER_WIDTH, COVER_HEIGHT)
    return canvas
  }
  // Fit: a blurred, darkened fill of the same picture behind it instead of black bars.
  ctx.filter = 'blur(24px) brightness(0.6)'
  ctx.drawImage(bitmap, sx, sy, sw, sh, -48, -48, COVER_WIDTH + 96, COVER_HEIGHT + 96)
  ctx.filter = 'none'
  const scale = Math.min(COVER_WIDTH / bitmap.width, COVER_HEIGHT / bitmap.height)
  const w = bitmap.width * scale
  const h = bitmap.height * scale
  ctx.drawImage(bitmap, (COVER_WIDTH - w) / 2, (COVER_HEIGHT - h) / 2, w, h)
  return canvas
}

/** The first quality step whose JPEG fits the byte limit, or null. */
async function encode(canvas: OffscreenCanvas): Promise<{ bytes: Uint8Array<ArrayBuffer>; quality: number } | null> {
  for (const quality of COVER_QUALITY_STEPS) {
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality })
    if (blob.size <= KUAISHOU_COVER_MAX_BYTES) return { bytes: await readBytes(blob), quality }
  }
  return null
}

export async function convertCover(file: Blob, fit: CoverFit): Promise<CoverOutcome> {
  const checked = await classify(file)
  if ('problem' in checked) return { ok: false, problem: checked.problem }
  let bitmap: ImageBitmap
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' })
  } catch {
    return { ok: false, problem: 'broken' }
  }
  try {
    if (bitmap.width === 0 || bitmap.height === 0) return { ok: false, problem: 'broken' }
    const encoded = await encode(draw(bitmap, fit))
    if (!encoded) return { ok: false, problem: 'cannot_fit' }
    const source = { kind: checked.kind, width: bitmap.width, height: bitmap.height, size: file.size }
    return { ok: true, cover: { ...encoded, source } }
  } finally {
    bitmap.close()
  }
}
