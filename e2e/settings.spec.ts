import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { pageSurface, recordFrames, type Frame } from './support/leaks'
import { screenshotPath } from './support/screenshots'
import { readState, restartHost } from './support/host-process'

// Distinctive values, so any leak is unmistakable.
const VK_SECRET = 'vk-secret-e2e-7Qm2Xa9LpR'
const KS_SECRET = 'ks-secret-e2e-3Hn8Vd1TyW'

test.describe.configure({ mode: 'serial' })

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible()
}

/** Sets a write-only secret; a sandbox may have pre-filled one, which is cleared first. */
async function setSecret(group: Locator, label: string, value: string): Promise<void> {
  const clear = group.getByRole('button', { name: 'Clear' })
  if (await clear.isVisible()) {
    await clear.click()
    await expect(group.getByText('Not configured')).toBeVisible()
  }
  const input = group.getByLabel(label)
  await expect(input).toHaveAttribute('type', 'password')
  await input.fill(value)
  await group.getByRole('button', { name: 'Save secret' }).click()
  await expect(group.getByText('Configured', { exact: true })).toBeVisible()
  await expect(group.getByRole('button', { name: 'Clear' })).toBeVisible()
}

/** Every file in the data dir, as text (the settings file, the vault, the key). */
function dataDirText(dir: string): string {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => readFileSync(path).toString('latin1'))
    .join('\n')
}

/** Secrets the sandbox pre-filled into main (`apps.*.client_secret`, …): they must not reach the page either. */
function sandboxSecrets(node: unknown, key = ''): string[] {
  if (typeof node === 'string') return /secret/i.test(key) && node.length >= 8 ? [node] : []
  if (typeof node !== 'object' || node === null) return []
  return Object.entries(node).flatMap(([k, v]) => sandboxSecrets(v, k))
}

function expectNoSecretsIn(surface: string): void {
  expect(surface).not.toContain(VK_SECRET)
  expect(surface).not.toContain(KS_SECRET)
}

/**
 * The only frame that may carry a secret is the page's own `secrets.set` invoke for it (the user typed
 * it; it has to reach main). Main never sends one back, and no other frame holds one.
 */
function expectSecretsOnlyInTheirSetFrames(frames: Frame[]): void {
  expect(frames.length).toBeGreaterThan(5)
  for (const secret of [VK_SECRET, KS_SECRET]) {
    const carrying = frames.filter((f) => f.payload.includes(secret))
    expect(carrying.length).toBeGreaterThan(0)
    for (const f of carrying) {
      expect(f.direction).toBe('sent')
      expect(JSON.parse(f.payload)).toMatchObject({ t: 'invoke', channel: 'secrets.set', input: { value: secret } })
    }
  }
}

test('settings: fill, restart with the same data dir, see them restored; secrets never come back', async ({ page }) => {
  const host = readState()
  const frames = recordFrames(page)
  await page.goto(host.url)

  // The dashboard shell.
  await expect(page.getByRole('heading', { name: 'Livedeck' })).toBeVisible()
  await expect(page.getByTestId('slot-vk')).toContainText('Not connected')
  await expect(page.getByTestId('slot-kuaishou')).toContainText('Not connected')
  const vkBox = await page.getByTestId('slot-vk').boundingBox()
  const ksBox = await page.getByTestId('slot-kuaishou').boundingBox()
  expect(vkBox!.x).toBeLessThan(ksBox!.x) // VK left, Kuaishou right
  if (host.sandbox) await expect(page.getByTestId('sandbox-badge')).toHaveText('SANDBOX')
  else await expect(page.getByTestId('sandbox-badge')).toHaveCount(0)
  const prefilled = sandboxSecrets(host.sandbox)
  if (host.sandbox) expect(prefilled.length).toBeGreaterThan(0)
  await page.screenshot({ path: screenshotPath('dashboard.png') })

  // Fill every setting, both secrets through their write-only fields.
  await page.getByTestId('slot-vk').getByRole('button', { name: 'Open settings' }).click()
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible()
  const vk = page.getByTestId('settings-vk')
  const ks = page.getByTestId('settings-kuaishou')
  await vk.getByLabel('Client ID').fill('vk-e2e-client')
  await setSecret(vk, 'Client secret', VK_SECRET)
  await vk.getByLabel('Redirect URI').fill('https://example.com/oauth/vk')
  await vk.getByLabel('Scopes').fill('chat, stream channel')
  await ks.getByLabel('App ID').fill('ks-e2e-app')
  await setSecret(ks, 'App secret', KS_SECRET)
  await ks.getByLabel('Redirect URI').fill('https://example.com/oauth/kuaishou')
  await ks.getByLabel('Scopes').fill('user_info')
  await ks.getByLabel('bizId (optional)').fill('biz-e2e-1')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await expect(page.getByText('Settings saved')).toBeVisible()
  await page.screenshot({ path: screenshotPath('settings.png'), fullPage: true })
  expectNoSecretsIn(await pageSurface(page))

  // Restart the host on the same data dir (and port): everything comes back from disk.
  const restarted = await restartHost()
  expect(restarted.dataDir).toBe(host.dataDir)
  expect(restarted.url).toBe(host.url)
  await page.reload()
  await openSettings(page)
  await expect(vk.getByLabel('Client ID')).toHaveValue('vk-e2e-client')
  await expect(vk.getByLabel('Redirect URI')).toHaveValue('https://example.com/oauth/vk')
  await expect(vk.getByLabel('Scopes')).toHaveValue('chat stream channel')
  await expect(ks.getByLabel('App ID')).toHaveValue('ks-e2e-app')
  await expect(ks.getByLabel('Redirect URI')).toHaveValue('https://example.com/oauth/kuaishou')
  await expect(ks.getByLabel('Scopes')).toHaveValue('user_info')
  await expect(ks.getByLabel('bizId (optional)')).toHaveValue('biz-e2e-1')
  await expect(vk.getByText('Configured', { exact: true })).toBeVisible()
  await expect(ks.getByText('Configured', { exact: true })).toBeVisible()
  // No input to read a secret back from (the OBS password below is not set in this test, so it has one).
  await expect(page.locator('[data-testid="settings-vk"] input[type=password], [data-testid="settings-kuaishou"] input[type=password]')).toHaveCount(0)

  expectNoSecretsIn(await pageSurface(page))
  expectSecretsOnlyInTheirSetFrames(frames)
  const everything = `${await pageSurface(page)}\n${frames.map((f) => f.payload).join('\n')}`
  for (const secret of prefilled) expect(everything).not.toContain(secret)
  // Stored encrypted: not in plain text anywhere in the data dir.
  expectNoSecretsIn(dataDirText(host.dataDir))
})

test('language: switch to Russian and Chinese, and it sticks across a reload', async ({ page }) => {
  const frames = recordFrames(page)
  await page.goto(readState().url)
  await openSettings(page)

  await page.getByRole('banner').getByLabel('Language').selectOption('ru')
  await expect(page.getByRole('heading', { name: 'Настройки' })).toBeVisible()
  await expect(page.getByTestId('settings-vk').getByText('Задан', { exact: true })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru')

  await page.getByRole('banner').getByLabel('Язык').selectOption('zh')
  await expect(page.getByRole('heading', { name: '设置' })).toBeVisible()
  await expect(page.getByTestId('settings-kuaishou').getByText('已配置', { exact: true })).toBeVisible()
  await expect(page.getByRole('button', { name: '控制台' })).toBeVisible()

  // The choice is a setting in main, so it survives a reload.
  await page.reload()
  await expect(page.getByRole('button', { name: '设置', exact: true })).toBeVisible()
  await page.getByRole('button', { name: '控制台' }).click()
  await expect(page.getByTestId('slot-kuaishou')).toContainText('未连接')

  await page.getByRole('banner').getByLabel('语言').selectOption('en')
  await expect(page.getByRole('button', { name: 'Dashboard' })).toBeVisible()

  expectNoSecretsIn(await pageSurface(page))
  expect(frames.some((f) => f.direction === 'received')).toBe(true)
  expect(frames.filter((f) => f.payload.includes(VK_SECRET) || f.payload.includes(KS_SECRET))).toEqual([])
})
