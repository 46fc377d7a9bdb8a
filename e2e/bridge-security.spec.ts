/**
 * The bridge refuses anyone but the host's own page, seen from a real browser: a page on another
 * origin that even knows the token cannot open the socket, and the host does not serve its page
 * (and so its token) under a foreign Host name.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, test } from '@playwright/test'
import { readState } from './support/host-process'

let other: Server
let otherUrl: string

test.beforeAll(async () => {
  other = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>elsewhere</title>'))
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve))
  otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}/`
})
test.afterAll(() => new Promise<void>((resolve) => other.close(() => resolve())))

/** Tries to open the bridge from inside the page; resolves to 'open' or 'refused'. */
function tryBridge([bridgeUrl, protocols]: readonly [string, readonly string[]]): Promise<string> {
  const W = (globalThis as unknown as { WebSocket: new (u: string, p: readonly string[]) => { onopen: () => void; onerror: () => void; onclose: () => void; close(): void } })
    .WebSocket
  return new Promise((resolve) => {
    const ws = new W(bridgeUrl, protocols)
    ws.onopen = () => {
      ws.close()
      resolve('open')
    }
    ws.onerror = () => resolve('refused')
    ws.onclose = () => resolve('refused')
  })
}

test('another origin cannot open the bridge, even with the page token', async ({ page }) => {
  const { url } = readState()
  const token = /name="livedeck-bridge-token" content="([0-9a-f]+)"/.exec(await (await fetch(url)).text())?.[1]
  expect(token).toMatch(/^[0-9a-f]{64}$/)
  const bridgeUrl = `${url.replace(/^http/, 'ws')}__livedeck/bridge`
  const protocols = ['livedeck-bridge.v1', `token.${token}`]

  await page.goto(otherUrl)
  expect(await page.evaluate(tryBridge, [bridgeUrl, protocols] as const)).toBe('refused')

  // Control: the same attempt from the host's own origin succeeds, so the refusal above is the Origin check.
  await page.goto(url)
  expect(await page.evaluate(tryBridge, [bridgeUrl, protocols] as const)).toBe('open')
  // And without the token, even the host's own origin is refused.
  expect(await page.evaluate(tryBridge, [bridgeUrl, ['livedeck-bridge.v1']] as const)).toBe('refused')
})

test('the page is not served under a foreign Host name (DNS rebinding)', async ({ page }) => {
  const port = new URL(readState().url).port
  const response = await page.goto(`http://localhost:${port}/`)
  expect(response?.status()).toBe(421)
  expect(await page.content()).not.toContain('livedeck-bridge-token')
})
