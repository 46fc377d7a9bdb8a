/**
 * VK Video Live through the browser host against the sandbox, in real Chromium: sign in on the
 * sandbox's authorize page (popup included), edit the stream, copy the stream key, live chat both ways,
 * XSS payloads inert, an offline channel's chat disabled.
 */
import { expect, test, type Page } from '@playwright/test'
import { screenshotPath } from './support/screenshots'
import { readState } from './support/host-process'
import { connectAs, control, restoreVkApp, sandboxVk, signOutVk } from './support/vk-sandbox'

const STREAMER_LIVE = 1000001
const STREAMER_QUIET = 1000002
const VIEWER = 1000005

test.describe.configure({ mode: 'serial' })

const chatList = (page: Page) => page.getByTestId('vk-chat-list')

test('VK: connect, edit stream, copy key, chat live both ways, XSS inert, offline chat disabled', async ({ page, context }) => {
  test.setTimeout(120_000)
  const host = readState()
  const vk = sandboxVk(host)
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(host.url).origin })
  await page.goto(host.url)
  const slot = page.getByTestId('slot-vk')
  await expect(slot).toBeVisible()
  await restoreVkApp(page, vk)
  // A previous spec or run on this host may have left a session.
  await signOutVk(page)

  await connectAs(page, context, STREAMER_LIVE)
  await expect(slot.getByTestId('vk-account')).toContainText('streamer_live')
  await expect(slot.getByTestId('vk-channel')).toContainText('Live')
  // Platform images load in Chromium from the host's own origin (main fetched the sandbox's avatar).
  const avatar = slot.getByTestId('vk-account').locator('img').first()
  await expect(avatar).toHaveAttribute('src', /^\/livedeck-img\/img\/[A-Za-z0-9_-]+$/)
  await expect.poll(() => avatar.evaluate((img) => (img as unknown as { complete: boolean; naturalWidth: number }).naturalWidth)).toBeGreaterThan(0)

  // Stream settings: title and a category found by typing.
  const form = slot.getByTestId('vk-stream-form')
  const title = `E2E stream ${Date.now()}`
  await form.getByLabel('Stream title').fill(title)
  const category = form.getByRole('combobox', { name: 'Category' })
  await category.fill('')
  await category.pressSequentially('a')
  const option = form.getByRole('option').first()
  await expect(option).toBeVisible()
  const picked = (await option.locator('span').first().innerText()).trim()
  await option.click()
  await expect(form.getByText(`Selected: ${picked}`)).toBeVisible()
  await form.getByRole('button', { name: 'Save' }).click()
  await expect(form.getByText('Saved', { exact: true })).toBeVisible()
  await expect(slot.getByTestId('vk-channel')).toContainText(title)
  await expect(slot.getByTestId('vk-channel')).toContainText(picked)
  // What was typed stays in the form.
  await expect(form.getByLabel('Stream title')).toHaveValue(title)

  // RTMP credentials: masked, copy the key through main, see it on the clipboard.
  const creds = slot.getByTestId('vk-credentials')
  await expect(creds.getByTestId('vk-credentials-value')).toHaveText(/^•+$/)
  await creds.getByRole('button', { name: 'Copy stream key' }).click()
  await expect(slot.getByRole('status').filter({ hasText: 'Stream key copied' })).toBeVisible()
  const clipboard = await page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText())
  await creds.getByRole('button', { name: 'Reveal' }).click()
  await expect(creds.getByTestId('vk-credentials-value')).toHaveText(/^rtmps?:\/\//)
  const revealed = await creds.getByTestId('vk-credentials-value').innerText()
  expect(clipboard.length).toBeGreaterThan(8)
  expect(revealed.endsWith(`/${clipboard}`)).toBe(true)
  await creds.getByRole('button', { name: 'Hide' }).click()
  await expect(creds.getByTestId('vk-credentials-value')).toHaveText(/^•+$/)

  // Chat: a viewer's message arrives live.
  const chat = slot.getByTestId('vk-chat')
  await expect(chat.getByTestId('vk-chat-input').getByRole('textbox')).toBeEnabled()
  const hello = `hello from a viewer ${Date.now()}`
  await control(vk, '/vk/chat', { channel_url: 'live_channel', user: VIEWER, parts: [{ text: { content: hello } }] })
  await expect(chatList(page)).toContainText(hello)
  await expect(chatList(page)).toContainText('viewer_vova')

  // Sending: the outbox says sent, and the message comes back through the chat.
  const mine = `streamer says hi ${Date.now()}`
  await chat.getByTestId('vk-chat-input').getByRole('textbox').fill(mine)
  await chat.getByRole('button', { name: 'Send' }).click()
  await expect(chat.getByTestId('vk-chat-input').locator('[data-state="sent"]').filter({ hasText: mine })).toBeVisible()
  await expect(chatList(page).getByText(mine)).toBeVisible()

  // XSS in a nick and in a message: shown literally, nothing injected, nothing run.
  const nick = '<img src=x onerror="globalThis.__xss=1">'
  const payload = '<script>globalThis.__xss=2</script><b>bold</b><svg onload="globalThis.__xss=3">'
  await control(vk, '/vk/chat', { channel_url: 'live_channel', user: { nick }, parts: [{ text: { content: payload } }] })
  await expect(chatList(page)).toContainText(payload)
  await expect(chatList(page)).toContainText(nick)
  expect(await chatList(page).locator('script, b, svg, img[src="x"]').count()).toBe(0)
  expect(await page.evaluate(() => (globalThis as unknown as { __xss?: number }).__xss)).toBeUndefined()

  await slot.screenshot({ path: screenshotPath('vk.png') })

  // Another account whose channel is offline: the chat input is disabled and says why.
  await slot.getByRole('button', { name: 'Sign out' }).click()
  await expect(slot.getByRole('button', { name: 'Connect VK' })).toBeVisible()
  await connectAs(page, context, STREAMER_QUIET)
  await expect(slot.getByTestId('vk-channel')).toContainText('Offline')
  const input = slot.getByTestId('vk-chat-input')
  await expect(input.getByText('Chat opens when you go live')).toBeVisible()
  await expect(input.getByRole('textbox')).toBeDisabled()
  await slot.getByRole('button', { name: 'Sign out' }).click()
  await expect(slot.getByRole('button', { name: 'Connect VK' })).toBeVisible()
})
