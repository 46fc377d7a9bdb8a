/**
 * Page-side helpers of the Kuaishou e2e spec and bench, bundled into the app page with
 * `e2e/support/page-module.ts` (DOM code; the specs themselves are Node modules).
 */
import { KUAISHOU_COVER_MAX_BYTES } from '../../../shared/ipc/kuaishou'

const byTestId = (testId: string): HTMLElement => {
  const el = document.querySelector<HTMLElement>(`[data-testid="${testId}"]`)
  if (!el) throw new Error(`no element with data-testid ${testId}`)
  return el
}

/** A gradient PNG, like a screenshot a streamer would use. */
async function gradientPng(width: number, height: number): Promise<File> {
  const canvas = new OffscreenCanvas(width, height)
  const ctx = canvas.getContext('2d')!
  const g = ctx.createLinearGradient(0, 0, width, height)
  g.addColorStop(0, '#ff4906')
  g.addColorStop(1, '#222244')
  ctx.fillStyle = g
  ctx.fillRect(0, 0, width, height)
  return new File([await canvas.convertToBlob({ type: 'image/png' })], 'stream-cover.png', { type: 'image/png' })
}

/**
 * A 720×1280 JPEG just under 2,000,000 bytes (random pixels at the highest quality that fits), for
 * timing an upload of the largest cover Kuaishou takes.
 */
async function nearLimitJpeg(): Promise<File> {
  const canvas = new OffscreenCanvas(720, 1280)
  const ctx = canvas.getContext('2d')!
  const data = ctx.createImageData(720, 1280)
  for (let at = 0; at < data.data.length; at += 65536) crypto.getRandomValues(data.data.subarray(at, Math.min(data.data.length, at + 65536)))
  for (let i = 3; i < data.data.length; i += 4) data.data[i] = 255
  ctx.putImageData(data, 0, 0)
  let low = 0.9
  let high = 1
  let best: Blob | null = null
  for (let i = 0; i < 8; i++) {
    const quality = (low + high) / 2
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality })
    if (blob.size <= KUAISHOU_COVER_MAX_BYTES) [best, low] = [blob, quality]
    else high = quality
  }
  return new File([best ?? (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.9 }))], 'near-limit.jpg', { type: 'image/jpeg' })
}

function dispatchDrop(target: EventTarget, file: File): boolean {
  const data = new DataTransfer()
  data.items.add(file)
  let prevented = false
  for (const type of ['dragenter', 'dragover', 'drop']) {
    const event = new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true })
    target.dispatchEvent(event)
    if (type === 'drop') prevented = event.defaultPrevented
  }
  return prevented
}

/** Drops a generated image on the element, as a user's drag-and-drop would; returns its byte size. */
export async function dropImage(testId: string, kind: 'png1920x1080' | 'jpegNearLimit' = 'png1920x1080'): Promise<number> {
  const file = kind === 'png1920x1080' ? await gradientPng(1920, 1080) : await nearLimitJpeg()
  dispatchDrop(byTestId(testId), file)
  return file.size
}

/** Drops a file on the page body (outside any drop zone); true when the default (navigation) was prevented. */
export function dropOutside(): boolean {
  return dispatchDrop(document.body, new File(['x'], 'notes.txt', { type: 'text/plain' }))
}

export const readClipboard = (): Promise<string> => navigator.clipboard.readText()
export const clearClipboard = (): Promise<void> => navigator.clipboard.writeText('')

export function naturalSize(testId: string): [number, number] {
  const img = byTestId(testId) as HTMLImageElement
  return [img.naturalWidth, img.naturalHeight]
}
