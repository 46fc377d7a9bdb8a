/**
 * Platform images through the browser host: the page asks its own origin for `/livedeck-img/img/…` and
 * the host answers with main's image service, against the real sandbox (whose origin is allowed).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../sandbox/src/index'
import { createNodeLogger } from '../../main/adapters/node/logger'
import { createImageService, sandboxImageOrigins } from '../../main/services/images/image-service'
import { HOST_IMAGE_BASE, imageUrlOf } from '../../main/services/images/image-url'
import { loadSandboxConfig, type PlatformEndpoints } from '../../main/services/platform-endpoints'
import { startBrowserHost, type RunningBrowserHost } from './host'
import { fakeRendererDir, stubApp } from './test-support'

let sandbox: RunningSandbox
let endpoints: PlatformEndpoints
let host: RunningBrowserHost
const fetched: string[] = []
const imageUrl = imageUrlOf(HOST_IMAGE_BASE)

beforeAll(async () => {
  sandbox = await startSandbox()
  endpoints = await loadSandboxConfig(sandbox.control, fetch)
  const logger = createNodeLogger({ write: () => {} })
  const countingFetch = (input: string | URL, init?: RequestInit): Promise<Response> => {
    fetched.push(String(input))
    return fetch(input, init)
  }
  const images = createImageService({ urlBase: HOST_IMAGE_BASE, fetch: countingFetch, logger, extraOrigins: sandboxImageOrigins(endpoints) })
  host = await startBrowserHost({ rendererDir: fakeRendererDir(), logger, createApp: () => Promise.resolve(stubApp(images)) })
})
afterAll(async () => {
  await host?.close()
  await sandbox?.stop()
})

const get = (path: string, init?: RequestInit): Promise<Response> => fetch(new URL(path, host.url), init)

describe('browser host: images', () => {
  it('serves a sandbox image on the page origin, from cache the second time', async () => {
    const target = `${endpoints.vk.apiBase}/static/img/avatar/route-test.png`
    const path = imageUrl(target)!
    expect(path.startsWith(HOST_IMAGE_BASE)).toBe(true)
    for (let i = 0; i < 2; i++) {
      const res = await get(path)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('image/png')
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      const body = new Uint8Array(await res.arrayBuffer())
      expect([...body.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47])
    }
    expect(fetched.filter((u) => u === target)).toHaveLength(1)
  })

  it('refuses other hosts without fetching them, junk paths and other methods', async () => {
    const before = fetched.length
    expect((await get(imageUrl('https://evil.example/a.png')!)).status).toBe(403)
    expect((await get(imageUrl('http://127.0.0.1:1/a.png')!)).status).toBe(403)
    expect(fetched.length).toBe(before)
    expect((await get(`${HOST_IMAGE_BASE}%%%`)).status).toBe(400)
    expect((await get(imageUrl(`${endpoints.vk.apiBase}/static/img/a.png`)!, { method: 'POST' })).status).toBe(405)
  })
})
