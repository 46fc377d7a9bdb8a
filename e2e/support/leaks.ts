/**
 * Collects everything the page can see or store, so a spec can assert a secret never reached it:
 * DOM (markup, text, attributes, live input values), Web Storage, IndexedDB, cookies, and every frame
 * on the bridge WebSocket.
 */
import type { Page } from '@playwright/test'

export interface Frame {
  readonly direction: 'sent' | 'received'
  readonly payload: string
}

/** Starts recording every WebSocket frame of the page (call before navigating). */
export function recordFrames(page: Page): Frame[] {
  const frames: Frame[] = []
  page.on('websocket', (ws) => {
    ws.on('framesent', (f) => void frames.push({ direction: 'sent', payload: String(f.payload) }))
    ws.on('framereceived', (f) => void frames.push({ direction: 'received', payload: String(f.payload) }))
  })
  return frames
}

/**
 * A text dump of the page's DOM (markup, rendered text, live form values), storage (cookies,
 * localStorage and IndexedDB through Playwright's storage state; sessionStorage from the page).
 * In-page code is typed through `globalThis`: the e2e project has no DOM typings on purpose.
 */
export async function pageSurface(page: Page): Promise<string> {
  const values = await page.locator('input, textarea, select').evaluateAll((els) => els.map((e) => (e as unknown as { value: string }).value))
  const session = await page.evaluate(() => {
    const s = (globalThis as unknown as { sessionStorage: { length: number; key(i: number): string | null; getItem(k: string): string | null } })
      .sessionStorage
    return Array.from({ length: s.length }, (_, i) => s.key(i)).map((k) => [k, k === null ? null : s.getItem(k)])
  })
  const storage = await page.context().storageState({ indexedDB: true })
  return JSON.stringify({
    html: await page.content(),
    text: await page.locator('body').innerText(),
    values,
    session,
    storage
  })
}
