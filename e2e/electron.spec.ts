/**
 * The real Electron app, where its binary exists. The binary is located without `require('electron')`
 * (which would try to download it here) and the spec is skipped, saying why, when it is missing.
 */
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'

function electronBinary(): string | null {
  const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
  const pathFile = join(dir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const exe = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(exe) ? exe : null
}

const exe = electronBinary()

test('electron: the app window shows the dashboard with the hardened preload API', async () => {
  test.skip(!exe, 'Electron binary not installed (node_modules/electron/path.txt missing): Electron e2e skipped')
  const app = await electron.launch({ executablePath: exe!, args: ['.'], env: { ...process.env, LIVEDECK_LANG: 'en' } })
  try {
    const win = await app.firstWindow()
    await expect(win.getByRole('heading', { name: 'Livedeck' })).toBeVisible()
    await expect(win.getByTestId('slot-vk')).toBeVisible()
    await expect(win.getByTestId('slot-kuaishou')).toBeVisible()
    // The page has the contract API and nothing of Node or ipcRenderer.
    const surface = await win.evaluate(() => {
      const page = globalThis as unknown as Record<string, unknown>
      return { api: typeof page.livedeck, require: typeof page.require, process: typeof page.process }
    })
    expect(surface).toEqual({ api: 'object', require: 'undefined', process: 'undefined' })
  } finally {
    await app.close()
  }
})
