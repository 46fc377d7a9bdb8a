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

/** Clicks "Connect VK", signs in as `userId` in the authorize tab's popup, and waits for "Connected". */
export async function connectAs(page: Page, context: BrowserContext, userId: number): Promise<void> {
  const slot = page.getByTestId('slot-vk')
  const tabOpened = context.waitForEvent('page')
  await slot.getByRole('button', { name: 'Connect VK' }).click()
  const tab = await tabOpened
  await tab.waitForLoadState()
  const popupOpened = tab.waitForEvent('popup')
  await tab.click('#signin')
  const popup = await popupOpened
  await popup.waitForLoadState()
  await popup.check(`input[name="user"][value="${userId}"]`)
  await popup.click('#allow')
  await expect(slot.getByText('Connected', { exact: true })).toBeVisible({ timeout: 20_000 })
  if (!tab.isClosed()) await tab.close()
}
