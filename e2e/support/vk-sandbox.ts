/**
 * VK helpers for e2e specs: the sandbox's control API (inject chat, start/stop streams) and signing in
 * through the sandbox's authorize page (tab + sign-in popup) the way a user does.
 */
import { expect, type BrowserContext, type Page } from '@playwright/test'
import type { HostState } from './host-process'
import { defaultVkScopes } from '../../src/main/settings/schema'

interface SandboxVk {
  readonly control: string
  readonly clientId: string
  readonly clientSecret: string
}

export function sandboxVk(host: HostState): SandboxVk {
  const s = host.sandbox as { control?: string; apps?: { vk?: { client_id?: string; client_secret?: string } } } | null
  if (!s?.control || !s.apps?.vk?.client_id || !s.apps.vk.client_secret) throw new Error('the browser host did not start its own sandbox')
  return { control: s.control, clientId: s.apps.vk.client_id, clientSecret: s.apps.vk.client_secret }
}

export async function control<T = unknown>(vk: SandboxVk, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${vk.control}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body)
  })
  if (!res.ok) throw new Error(`sandbox ${path}: HTTP ${res.status} ${await res.text()}`)
  return (await res.json()) as T
}

type Api = { settings: { update(i: unknown): Promise<{ ok: boolean }> }; secrets: { set(i: unknown): Promise<{ ok: boolean }> } }

/**
 * Puts the sandbox's VK app back: the specs share one data dir, and settings.spec types another client
 * id and made-up scopes into it. The scopes go back to the app's own defaults (a fresh data dir has them;
 * feature.test.ts connects and edits the stream with them), not to a list kept here.
 */
export async function restoreVkApp(page: Page, vk: SandboxVk): Promise<void> {
  const results = await page.evaluate(async ({ clientId, clientSecret, scopes }) => {
    const api = (globalThis as unknown as { livedeck: Api }).livedeck
    return [await api.settings.update({ vk: { clientId, scopes } }), await api.secrets.set({ key: 'vk.clientSecret', value: clientSecret })]
  }, { ...vk, scopes: defaultVkScopes })
  expect(results.map((r) => r.ok)).toEqual([true, true])
}

/** How long one step of the sign-in may take; far under the specs' timeouts, so a stuck step names itself. */
const STEP_MS = 15_000

/** `promise`, or an error saying `what` did not happen (Playwright's own says only which event timed out). */
async function explained<T>(promise: Promise<T>, what: string): Promise<T> {
  try {
    return await promise
  } catch (error) {
    throw new Error(`${what}: ${(error as Error).message}`, { cause: error })
  }
}

/**
 * Signs VK out if main has an account, and waits until the slot offers "Connect VK". Asks main rather
 * than looking for "Sign out": while the page is still loading the account the bar shows "Connect VK"
 * even when a previous spec left a session, and a click then would race the account arriving.
 */
export async function signOutVk(page: Page): Promise<void> {
  const slot = page.getByTestId('slot-vk')
  const account = await page.evaluate(() => (globalThis as unknown as { livedeck: { vk: { getAccount(): Promise<{ ok: boolean; value?: { state: string } }> } } }).livedeck.vk.getAccount())
  expect(account.ok, 'vk.getAccount').toBe(true)
  if (account.value?.state !== 'disconnected') await slot.getByRole('button', { name: 'Sign out' }).click()
  await expect(slot.getByRole('button', { name: 'Connect VK' })).toBeVisible()
}

/**
 * Clicks "Connect VK", signs in as `userId` in the authorize tab's popup, and waits for "Connected".
 * Every listener is registered before the action that fires its event, every wait is bounded, and the
 * authorize tab is used only once its deferred script (which opens the popup on #signin) has run.
 */
export async function connectAs(page: Page, context: BrowserContext, userId: number): Promise<void> {
  const slot = page.getByTestId('slot-vk')
  const tabOpened = context.waitForEvent('page', { timeout: STEP_MS })
  await slot.getByRole('button', { name: 'Connect VK' }).click({ timeout: STEP_MS })
  const tab = await explained(tabOpened, 'the VK authorize tab did not open after "Connect VK"')
  // The load event comes after deferred scripts: before it, #signin is on screen but does nothing.
  await explained(tab.waitForURL(/\/app\/oauth2\/authorize\?/, { waitUntil: 'load', timeout: STEP_MS }), `the VK authorize page did not load (at ${tab.url()})`)
  const popupOpened = tab.waitForEvent('popup', { timeout: STEP_MS })
  await tab.click('#signin', { timeout: STEP_MS })
  const popup = await explained(popupOpened, 'the sign-in popup did not open from the authorize tab')
  await popup.check(`input[name="user"][value="${userId}"]`, { timeout: STEP_MS })
  // The popup posts the answer to the tab and closes itself; waiting for that also makes sure no
  // window named like the next sign-in's popup is left for its window.open() to reuse.
  const popupClosed = popup.waitForEvent('close', { timeout: STEP_MS })
  await popup.click('#allow', { timeout: STEP_MS })
  await explained(popupClosed, 'the sign-in popup did not hand its answer to the authorize tab and close')
  await expect(slot.getByText('Connected', { exact: true }), 'VK connected after the sign-in').toBeVisible({ timeout: 20_000 })
  if (!tab.isClosed()) await tab.close()
}
