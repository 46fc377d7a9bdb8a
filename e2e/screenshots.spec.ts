/**
 * `npm run screenshots`: the dashboard in demo state — VK connected with chat flowing, Kuaishou
 * connected with a push URL — in each language, into docs/screenshots/dashboard-{en,ru,zh}.png, plus
 * the compact (second-monitor) layout. It runs in the full e2e suite too (saving into test-results/), so a
 * broken demo state fails the tests; `npm run screenshots` runs every spec with LIVEDECK_SCREENSHOTS=docs.
 */
import { expect, test, type Page } from '@playwright/test'
import { screenshotPath } from './support/screenshots'
import { readState } from './support/host-process'
import { lab, loadKuaishouLab } from './support/kuaishou-lab'
import { connectAs, control, restoreVkApp, sandboxVk, signOutVk } from './support/vk-sandbox'

const STREAMER_LIVE = 1000001

type Api = { settings: { update(i: unknown): Promise<{ ok: boolean }> }; kuaishou: { stopLive(): Promise<unknown>; dismissLive(): Promise<unknown>; disconnect(): Promise<unknown> } }
const setLanguage = async (page: Page, language: string) =>
  expect((await page.evaluate((l) => (globalThis as unknown as { livedeck: Api }).livedeck.settings.update({ language: l, ui: { theme: 'light', split: 0.55 } }), language)).ok).toBe(true)

test('dashboard screenshots in demo state (en, ru, zh, compact)', async ({ page, context }) => {
  test.setTimeout(150_000)
  const host = readState()
  const vk = sandboxVk(host)
  await page.setViewportSize({ width: 1440, height: 1300 })
  await page.goto(host.url)
  await setLanguage(page, 'en')
  await restoreVkApp(page, vk)
  const vkSlot = page.getByTestId('slot-vk')
  await signOutVk(page)
  await connectAs(page, context, STREAMER_LIVE)

  // Kuaishou: connect, a cover and a title, a push URL.
  await loadKuaishouLab(page)
  const ks = page.getByTestId('slot-kuaishou')
  if (await ks.getByTestId('ks-live').isVisible()) {
    await page.evaluate(async () => { const api = (globalThis as unknown as { livedeck: Api }).livedeck; await api.kuaishou.stopLive(); await api.kuaishou.dismissLive() })
  }
  if (await ks.getByRole('button', { name: 'Connect Kuaishou' }).isVisible()) {
    const popup = context.waitForEvent('page')
    await ks.getByRole('button', { name: 'Connect Kuaishou' }).click()
    const authorize = await popup
    await authorize.locator('#login').click()
    await authorize.locator('#allow').click()
  }
  await expect(ks.getByTestId('ks-account')).toHaveAttribute('data-state', 'connected')
  await lab(page, 'dropImage', 'ks-cover-drop')
  await expect(ks.getByTestId('ks-cover-ready')).toBeVisible()
  await ks.getByLabel('Title').fill('Livedeck 直播')
  await ks.getByTestId('ks-get-push-url').click()
  await expect(ks.getByTestId('ks-push-url')).toBeVisible()

  // Viewers chatting in three languages, and a follow.
  await control(vk, '/vk/chat/firehose', { channel_url: 'live_channel', rate: 8, durationS: 3 })
  await control(vk, '/vk/event', { channel_url: 'live_channel', type: 'follow', data: { user: { nick: 'Снежинка' } } })
  await expect.poll(() => vkSlot.getByTestId('vk-chat-list').locator('[data-line-key]').count(), { timeout: 15_000 }).toBeGreaterThan(8)

  for (const language of ['en', 'ru', 'zh']) {
    await setLanguage(page, language)
    await expect(page.locator('html')).toHaveAttribute('lang', language === 'zh' ? /^zh/ : language)
    await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0))
    await page.screenshot({ path: screenshotPath(`dashboard-${language}.png`) })
  }
  await setLanguage(page, 'en')
  await page.setViewportSize({ width: 720, height: 960 })
  await expect(page.getByTestId('dashboard-tabs')).toBeVisible()
  await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0))
  await page.screenshot({ path: screenshotPath('dashboard-compact.png') })

  // Leave the shared host as the other specs expect it.
  await page.evaluate(async () => { const api = (globalThis as unknown as { livedeck: Api }).livedeck; await api.kuaishou.stopLive(); await api.kuaishou.dismissLive(); await api.kuaishou.disconnect(); await api.settings.update({ ui: { theme: 'system', split: 0.5 } }) })
  await page.setViewportSize({ width: 1440, height: 960 })
  await signOutVk(page)
})
