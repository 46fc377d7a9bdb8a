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
 * A lossless 720×1280 PNG whose JPEG at quality 1 is just under 2,000,000 bytes: grey plus random noise
 * of an amplitude found by bisection. The cover pipeline re-encodes the same pixels at quality 1, so
 * the cover it uploads is close to Kuaishou's limit (the largest upload a user can cause).
 */
async function nearLimitImage(): Promise<File> {
  const canvas = new OffscreenCanvas(720, 1280)
  const ctx = canvas.getContext('2d')!
  const random = new Uint8Array(720 * 1280 * 4)
  for (let at = 0; at < random.length; at += 65536) crypto.getRandomValues(random.subarray(at, Math.min(random.length, at + 65536)))
  const paint = (amplitude: number) => {
    const data = ctx.createImageData(720, 1280)
    for (let i = 0; i < random.length; i++) data.data[i] = i % 4 === 3 ? 255 : 128 - amplitude + Math.round((random[i]! / 255) * 2 * amplitude)
    ctx.putImageData(data, 0, 0)
  }
  const budget = KUAISHOU_COVER_MAX_BYTES - 20_000
  let low = 0
  let high = 128
  for (let i = 0; i < 8; i++) {
    const mid = (low + high) / 2
    paint(mid)
    if ((await canvas.convertToBlob({ type: 'image/jpeg', quality: 1 })).size <= budget) low = mid
    else high = mid
  }
  paint(low)
  return new File([await canvas.convertToBlob({ type: 'image/png' })], 'near-limit.png', { type: 'image/png' })
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
export async function dropImage(testId: string, kind: 'png1920x1080' | 'nearLimit' = 'png1920x1080'): Promise<number> {
  const file = kind === 'png1920x1080' ? await gradientPng(1920, 1080) : await nearLimitImage()
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

/**
 * Clicks the element and resolves with the milliseconds until `selector` matches something in the
 * document (checked on every DOM mutation, so the figure is not rounded to a polling interval).
 */
export function timeClickUntil(testId: string, selector: string, timeoutMs = 30_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const check = () => {
      if (!document.querySelector(selector)) return
      observer.disconnect()
      clearTimeout(timer)
      resolve(performance.now() - started)
    }
    const observer = new MutationObserver(check)
    const timer = setTimeout(() => {
      observer.disconnect()
      reject(new Error(`${selector} did not appear within ${timeoutMs} ms`))
    }, timeoutMs)
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true })
    byTestId(testId).click()
  })
}

/** Pastes a generated PNG into the window, as Ctrl+V with an image on the clipboard would. */
export async function pasteImage(): Promise<void> {
  const data = new DataTransfer()
  data.items.add(await gradientPng(1280, 720))
  window.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
}
