/**
 * Ports main reaches through the page in web mode, round-tripped in real Chromium: main asks over the
 * bridge, the page acts, main hears back. `shell.openExternal` → ExternalOpener → a new tab.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, test } from '@playwright/test'
import { readState } from './support/host-process'

// A local "external site" to open (the machine has no internet).
let site: Server
let siteUrl: string
test.beforeAll(async () => {
  site = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>docs</title>'))
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve))
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/livedeck?from=e2e`
})
test.afterAll(() => new Promise<void>((resolve) => site.close(() => resolve())))

type OpenExternal = (input: { url: string }) => Promise<{ ok: boolean; error?: { code: string } }>

test('shell.openExternal opens a validated link in a new tab that cannot reach back', async ({ page, context }) => {
  await page.goto(readState().url)
  await expect(page.getByTestId('slot-vk')).toBeVisible()

  const popup = context.waitForEvent('page')
  const result = await page.evaluate(
    (url) => (globalThis as unknown as { livedeck: { shell: { openExternal: OpenExternal } } }).livedeck.shell.openExternal({ url }),
    siteUrl
  )
  expect(result).toEqual({ ok: true, value: null })
  const tab = await popup
  await tab.waitForLoadState()
  expect(tab.url()).toBe(siteUrl)
  expect(await tab.evaluate(() => (globalThis as unknown as { opener: unknown }).opener)).toBeNull()
  await tab.close()

  // Main refuses what is not an http(s) link, before the page is ever asked.
  const refused = await page.evaluate(() =>
    (globalThis as unknown as { livedeck: { shell: { openExternal: OpenExternal } } }).livedeck.shell.openExternal({ url: 'file:///etc/passwd' })
  )
  expect(refused.ok).toBe(false)
  expect(refused.error?.code).toBe('invalid_input')
})
