/**
 * The dashboard through the browser host (issue 7): layout from 1024×640 to 1920×1080 and tabs on a
 * narrow window, the split remembered across a reload, language switching with dates per locale,
 * streamer mode masking (no reveal possible), keyboard shortcuts and the theme switch.
 */
import { expect, test, type Page } from '@playwright/test'
import { readState } from './support/host-process'
import { connectAs, restoreVkApp, sandboxVk, signOutVk } from './support/vk-sandbox'

const STREAMER_LIVE = 1000001

test.describe.configure({ mode: 'serial' })

type Api = { settings: { update(i: unknown): Promise<{ ok: boolean }> } }
async function resetUi(page: Page): Promise<void> {
  const r = await page.evaluate(() =>
    (globalThis as unknown as { livedeck: Api }).livedeck.settings.update({ language: 'en', ui: { theme: 'system', split: 0.5 } })
  )
  expect(r.ok).toBe(true)
}

/** The little of the DOM these checks read (e2e code is compiled without the DOM library). */
interface Dom {
  document: { documentElement: { scrollWidth: number }; activeElement: unknown }
  innerWidth: number
  navigator: { clipboard: { readText(): Promise<string>; writeText(t: string): Promise<void> } }
  getComputedStyle(el: unknown): { backgroundColor: string; outlineStyle: string }
}
const noHorizontalScroll = (page: Page) => page.evaluate(() => { const w = (globalThis as unknown as Dom); return w.document.documentElement.scrollWidth <= w.innerWidth })
const clipboard = (page: Page) => page.evaluate(() => (globalThis as unknown as Dom).navigator.clipboard.readText())

test('layout at 1024×640 and 1920×1080 side by side, tabs on a narrow window', async ({ page }) => {
  await page.goto(readState().url)
  await resetUi(page)
  for (const size of [{ width: 1024, height: 640 }, { width: 1920, height: 1080 }]) {
    await page.setViewportSize(size)
    await expect(page.getByTestId('dashboard-split')).toBeVisible()
    const vk = (await page.getByTestId('slot-vk').boundingBox())!
    const ks = (await page.getByTestId('slot-kuaishou').boundingBox())!
    expect(vk.x + vk.width).toBeLessThanOrEqual(ks.x)
    // The two columns use the window's width (nothing squeezed into a corner).
    expect(ks.x + ks.width).toBeGreaterThan(size.width * 0.9)
    expect(await noHorizontalScroll(page)).toBe(true)
  }
  await page.setViewportSize({ width: 700, height: 900 })
  const tabs = page.getByTestId('dashboard-tabs')
  await expect(tabs).toBeVisible()
  await expect(page.getByTestId('slot-vk')).toBeVisible()
  await expect(page.getByTestId('slot-kuaishou')).toBeHidden()
  await tabs.getByRole('tab', { name: 'Kuaishou' }).click()
  await expect(page.getByTestId('slot-kuaishou')).toBeVisible()
  await expect(page.getByTestId('slot-vk')).toBeHidden()
  expect(await noHorizontalScroll(page)).toBe(true)
})

test('the split is resized by keyboard and by dragging, and remembered across a reload', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(readState().url)
  await resetUi(page)
  const separator = page.getByRole('separator', { name: 'Resize the VK and Kuaishou columns' })
  await expect(separator).toHaveAttribute('aria-valuenow', '50')
  await separator.focus()
  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await expect(separator).toHaveAttribute('aria-valuenow', '60')

  // Drag to about a third of the width.
  const split = (await page.getByTestId('dashboard-split').boundingBox())!
  const handle = (await separator.boundingBox())!
  // Grab the handle at its middle: the panels may still be loading, so its height is not known in advance.
  const grabY = handle.y + handle.height / 2
  await page.mouse.move(handle.x + handle.width / 2, grabY)
  await page.mouse.down()
  await page.mouse.move(split.x + split.width * 0.35, grabY, { steps: 5 })
  await page.mouse.up()
  await expect(separator).toHaveAttribute('aria-valuenow', /^3[4-6]$/)
  const before = Number(await separator.getAttribute('aria-valuenow'))
  const vkWidth = (await page.getByTestId('slot-vk').boundingBox())!.width

  await page.reload()
  await expect(separator).toHaveAttribute('aria-valuenow', String(before))
  const after = (await page.getByTestId('slot-vk').boundingBox())!.width
  expect(Math.abs(after - vkWidth)).toBeLessThan(4)
  await resetUi(page)
})

test('theme: system follows the OS, light and dark are pinned', async ({ page }) => {
  await page.goto(readState().url)
  await resetUi(page)
  const background = () => page.evaluate(() => { const w = globalThis as unknown as Dom; return w.getComputedStyle(w.document.documentElement).backgroundColor })
  const theme = page.getByLabel('Theme')
  await page.emulateMedia({ colorScheme: 'dark' })
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'system')
  await expect.poll(background).toBe('rgb(15, 17, 23)')
  await theme.selectOption('light')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  await expect.poll(background).toBe('rgb(244, 245, 248)')
  await page.emulateMedia({ colorScheme: 'light' })
  await theme.selectOption('dark')
  await expect.poll(background).toBe('rgb(15, 17, 23)')
  // Saved in main: a reload keeps it.
  await page.reload()
  await expect(page.getByLabel('Theme')).toHaveValue('dark')
  await expect.poll(background).toBe('rgb(15, 17, 23)')
  await resetUi(page)
})

test('connected VK: header badge, dates per language, streamer mode masks with no reveal, shortcuts', async ({ page, context }) => {
  test.setTimeout(120_000)
  const host = readState()
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(host.url).origin })
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.goto(host.url)
  await resetUi(page)
  const slot = page.getByTestId('slot-vk')
  await restoreVkApp(page, sandboxVk(host))
  await signOutVk(page)
  await expect(page.getByTestId('badge-vk')).toHaveAttribute('data-state', 'disconnected')
  await connectAs(page, context, STREAMER_LIVE)
  await expect(page.getByTestId('badge-vk')).toHaveAttribute('data-state', 'live')
  await expect(page.getByTestId('badge-vk')).toHaveText('VK Video Live: live')

  await test.step('dates follow the UI language, not the machine locale', async () => {
    const started = slot.getByTestId('vk-channel').locator('dd').last()
    await expect(started).toHaveText(/^\d{1,2}\/\d{1,2}\/\d{4}, \d{1,2}:\d{2}:\d{2} [AP]M$/)
    await page.getByLabel('Language').selectOption('ru')
    await expect(page.getByTestId('badge-vk')).toHaveText('VK Видео Live: в эфире')
    await expect(page.getByLabel('Тема')).toBeVisible()
    await expect(started).toHaveText(/^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}:\d{2}$/)
    await page.getByLabel('Язык').selectOption('zh')
    await expect(page.getByTestId('badge-vk')).toContainText('直播中')
    await expect(started).toHaveText(/^\d{4}\/\d{1,2}\/\d{1,2} /)
    await resetUi(page)
    await expect(page.getByTestId('badge-vk')).toHaveText('VK Video Live: live')
  })

  await test.step('streamer mode hides a revealed key and makes reveal impossible', async () => {
    const creds = slot.getByTestId('vk-credentials')
    const value = creds.getByTestId('vk-credentials-value')
    await creds.getByTestId('vk-reveal').click()
    await expect(value).not.toHaveText(/^•+$/)
    const toggle = page.getByRole('switch', { name: 'Streamer mode' })
    await expect(toggle).toHaveAttribute('aria-checked', 'false')
    await toggle.click()
    await expect(toggle).toHaveAttribute('aria-checked', 'true')
    await expect(value).toHaveText(/^•+$/)
    await expect(creds.getByTestId('vk-reveal')).toBeDisabled()
    await creds.getByTestId('vk-reveal').click({ force: true })
    await expect(value).toHaveText(/^•+$/)
    // Copy still works: it never shows the key.
    await creds.getByRole('button', { name: 'Copy stream key' }).click()
    await expect.poll(() => clipboard(page)).not.toBe('')
    await toggle.click()
    await expect(creds.getByTestId('vk-reveal')).toBeEnabled()
  })

  await test.step('keyboard: help popover, focus chat, send with Enter, copy key', async () => {
    await page.locator('body').click({ position: { x: 5, y: 5 } })
    await page.keyboard.press('Alt+Shift+H')
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    await expect(help).toBeVisible()
    await expect(help).toContainText('Alt+Shift+K')
    await page.keyboard.press('Escape')
    await expect(help).toBeHidden()
    await expect(page.getByRole('button', { name: 'Keyboard shortcuts' })).toBeFocused()

    await page.keyboard.press('Alt+Shift+C')
    const input = slot.getByTestId('vk-chat-input').locator('input')
    await expect(input).toBeFocused()
    const text = `shortcut ${Date.now()}`
    await page.keyboard.type(text)
    await page.keyboard.press('Enter')
    await expect(slot.getByTestId('vk-chat-list')).toContainText(text, { timeout: 15_000 })

    await page.evaluate(() => (globalThis as unknown as Dom).navigator.clipboard.writeText(''))
    await page.keyboard.press('Alt+Shift+K')
    await expect(page.getByTestId('shortcut-status')).toHaveText('VK stream key copied')
    await expect.poll(() => clipboard(page)).not.toBe('')
    await page.keyboard.press('Alt+Shift+U')
    await expect(page.getByTestId('shortcut-status')).toHaveText('No Kuaishou push URL to copy')
  })

  await test.step('every header control has an accessible name and a visible focus ring', async () => {
    for (const control of await page.locator('header button, header select').all()) {
      const name = await control.evaluate((el) => {
        const c = el as unknown as { getAttribute(n: string): string | null; labels?: { textContent: string | null }[]; textContent: string | null }
        return c.getAttribute('aria-label') ?? (c.labels?.[0]?.textContent || c.textContent) ?? ''
      })
      expect(name.trim()).not.toBe('')
    }
    await page.getByRole('switch', { name: 'Streamer mode' }).focus()
    await page.keyboard.press('Tab')
    const outline = await page.evaluate(() => { const w = globalThis as unknown as Dom; return w.getComputedStyle(w.document.activeElement).outlineStyle })
    expect(outline).toBe('solid')
  })

  await signOutVk(page)
  await expect(page.getByTestId('badge-vk')).toHaveAttribute('data-state', 'disconnected')
})
