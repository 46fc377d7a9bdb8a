import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Fetch } from '../../ports/http'
import type { Logger } from '../../ports/logger'
import { createImageService, createImageUrlPolicy, MAX_IMAGE_BYTES } from './image-service'
import { ELECTRON_IMAGE_BASE, HOST_IMAGE_BASE, imageUrlOf, targetOf, toImageUrl as toUrl } from './image-url'

const toImageUrl = (target: string): string => toUrl(target, ELECTRON_IMAGE_BASE)

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4])
const quiet: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined }

/** A real local image server; counts hits per path and records whether an endless body was cut off. */
let server: Server
let origin: string
const hits = new Map<string, number>()
let endlessClosed: Promise<void>
let resolveEndless: () => void = () => undefined

function streamForever(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'image/jpeg' })
  const chunk = Buffer.alloc(64 * 1024, 7)
  const pump = (): void => {
    while (!res.destroyed && res.write(chunk));
    if (!res.destroyed) res.once('drain', pump)
  }
  res.on('close', () => resolveEndless())
  pump()
}

beforeAll(async () => {
  endlessClosed = new Promise((r) => (resolveEndless = r))
  server = createServer((req, res) => {
    const path = req.url ?? '/'
    hits.set(path, (hits.get(path) ?? 0) + 1)
    if (req.headers.cookie !== undefined) return void res.writeHead(400).end()
    if (path.startsWith('/avatar.png')) return void res.writeHead(200, { 'content-type': 'image/png' }).end(png)
    if (path === '/page.html') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<script>1</script>')
    if (path === '/logo.svg') return void res.writeHead(200, { 'content-type': 'image/svg+xml' }).end('<svg/>')
    if (path === '/big.png') return void res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.alloc(MAX_IMAGE_BYTES + 1))
    if (path === '/endless.jpg') return streamForever(res)
    if (path === '/to-evil') return void res.writeHead(302, { location: 'https://evil.example/a.png' }).end()
    if (path === '/to-avatar') return void res.writeHead(302, { location: '/avatar.png?via=redirect' }).end()
    res.writeHead(404).end()
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((r) => server.close(r))
})

/** A real fetch that counts calls, so a refused host is seen never to be fetched. */
function countingFetch(rewrite?: (url: URL) => URL): Fetch & { calls: string[] } {
  const calls: string[] = []
  const f = async (input: string | URL, init?: RequestInit): Promise<Response> => {
    const url = new URL(input)
    calls.push(url.href)
    return fetch(rewrite ? rewrite(url) : url, init)
  }
  return Object.assign(f, { calls })
}

describe('image URL mapping', () => {
  it('round-trips any URL through an opaque livedeck-img URL', () => {
    const target = 'https://a.kwimgs.com/x/y.png?sig=a%2Fb&x=1#frag'
    const img = toImageUrl(target)
    expect(img).toMatch(/^livedeck-img:\/\/img\/[A-Za-z0-9_-]+$/)
    expect(targetOf(img, ELECTRON_IMAGE_BASE)).toBe(target)
    expect(targetOf(`${img}/`, ELECTRON_IMAGE_BASE)).toBe(target)
    expect(targetOf('livedeck-img://img/!!', ELECTRON_IMAGE_BASE)).toBeNull()
    expect(targetOf('https://a.kwimgs.com/x.png', ELECTRON_IMAGE_BASE)).toBeNull()
  })

  it('maps to a same-origin path for the browser host, read back from the path or the full URL', () => {
    const target = 'https://sun9-1.userapi.com/a.png?x=1'
    const img = toUrl(target, HOST_IMAGE_BASE)
    expect(img).toMatch(/^\/livedeck-img\/img\/[A-Za-z0-9_-]+$/)
    expect(targetOf(img, HOST_IMAGE_BASE)).toBe(target)
    expect(targetOf(`http://127.0.0.1:5173${img}`, HOST_IMAGE_BASE)).toBe(target)
    expect(targetOf(img, ELECTRON_IMAGE_BASE)).toBeNull()
    expect(targetOf(toImageUrl(target), HOST_IMAGE_BASE)).toBeNull()
  })

  it('turns only http(s) platform URLs into image URLs', () => {
    const of = imageUrlOf(HOST_IMAGE_BASE)
    expect(of('https://sun9-1.userapi.com/a.png')).toBe(toUrl('https://sun9-1.userapi.com/a.png', HOST_IMAGE_BASE))
    for (const junk of ['javascript:alert(1)', 'data:image/png;base64,AA', '', null, undefined]) expect(of(junk)).toBeNull()
  })
})

describe('image service', () => {
  it('serves an image from the sandbox origin over http, then from cache without refetching', async () => {
    const f = countingFetch()
    const service = createImageService({ urlBase: ELECTRON_IMAGE_BASE, fetch: f, logger: quiet, extraOrigins: [origin] })
    const before = hits.get('/avatar.png?a=1') ?? 0
    for (let i = 0; i < 2; i++) {
      const res = await service.respond(toImageUrl(`${origin}/avatar.png?a=1`))
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('image/png')
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(png)
    }
    expect((hits.get('/avatar.png?a=1') ?? 0) - before).toBe(1)
    expect(f.calls).toHaveLength(1)
  })

  it('shares one fetch between concurrent requests for the same image', async () => {
    const f = countingFetch()
    const service = createImageService({ urlBase: ELECTRON_IMAGE_BASE, fetch: f, logger: quiet, extraOrigins: [origin] })
    const url = toImageUrl(`${origin}/avatar.png?concurrent`)
    const results = await Promise.all([service.respond(url), service.respond(url), service.respond(url)])
    expect(results.map((r) => r.status)).toEqual([200, 200, 200])
    expect(f.calls).toHaveLength(1)
  })

  it('serves https platform image hosts (fetched from the local server) and refuses others unfetched', async () => {
    // The allow-list is checked on the real URL; the transport is pointed at the local server.
    const f = countingFetch((u) => new URL(u.pathname + u.search, origin))
    const service = createImageService({ urlBase: ELECTRON_IMAGE_BASE, fetch: f, logger: quiet })
    expect((await service.respond(toImageUrl('https://p1.a.yximgs.com/avatar.png'))).status).toBe(200)
    expect((await service.respond(toImageUrl('https://sun9-1.userapi.com/avatar.png'))).status).toBe(200)
    const refused = [
      'https://evil.example/avatar.png',
      'http://p1.a.yximgs.com/avatar.png', // platform host, but not https
      `${origin}/avatar.png`, // sandbox origin while the sandbox is not active
      'https://user:pw@p1.a.yximgs.com/avatar.png',
      'file:///etc/passwd'
    ]
    for (const target of refused) expect((await service.respond(toImageUrl(target))).status, target).toBe(403)
    expect(f.calls).toEqual(['https://p1.a.yximgs.com/avatar.png', 'https://sun9-1.userapi.com/avatar.png'])
    expect((await service.respond('livedeck-img://img/%%%')).status).toBe(400)
  })

  it('refuses non-images, SVG included', async () => {
    const service = createImageService({ urlBase: ELECTRON_IMAGE_BASE, fetch: countingFetch(), logger: quiet, extraOrigins: [origin] })
    expect((await service.respond(toImageUrl(`${origin}/page.html`))).status).toBe(415)
    expect((await service.respond(toImageUrl(`${origin}/logo.svg`))).status).toBe(415)
    expect((await service.respond(toImageUrl(`${origin}/missing.png`))).status).toBe(502)
  })

  it('refuses images over 2 MB, by header and on the stream, cutting off an endless body', async () => {
    const service = createImageService({ urlBase: ELECTRON_IMAGE_BASE, fetch: countingFetch(), logger: quiet, extraOrigins: [origin] })
    expect((await service.respond(toImageUrl(`${origin}/big.png`))).status).toBe(413)
    expect((await service.respond(toImageUrl(`${origin}/endless.jpg`))).status).toBe(413)
    await endlessClosed // the server saw the connection closed: the download was aborted
  })

  it('follows redirects only to allowed hosts', async () => {
    const f = countingFetch()
    const service = createImageService({ urlBase: ELECTRON_IMAGE_BASE, fetch: f, logger: quiet, extraOrigins: [origin] })
    expect((await service.respond(toImageUrl(`${origin}/to-avatar`))).status).toBe(200)
    expect((await service.respond(toImageUrl(`${origin}/to-evil`))).status).toBe(403)
    expect(f.calls).not.toContain('https://evil.example/a.png')
  })
})

describe('image URL policy', () => {
  it('allows https platform hosts and the sandbox origin, nothing else', () => {
    const policy = createImageUrlPolicy({ extraOrigins: ['http://127.0.0.1:4100/'] })
    expect(policy.allows('https://sun1-2.userapi.com/a.jpg')).toBe(true)
    expect(policy.allows(new URL('https://tx2.a.kwimgs.com/a.webp'))).toBe(true)
    expect(policy.allows('http://127.0.0.1:4100/img/a.png')).toBe(true)
    expect(policy.allows('http://127.0.0.1:4101/img/a.png')).toBe(false)
    expect(policy.allows('http://sun1-2.userapi.com/a.jpg')).toBe(false)
    expect(policy.allows('https://userapi.com.evil.io/a.jpg')).toBe(false)
    expect(policy.allows('https://u:p@sun1-2.userapi.com/a.jpg')).toBe(false)
    expect(policy.allows('nonsense')).toBe(false)
  })

  it('lets the transport follow redirects in transport mode (Electron checks each hop in its session)', async () => {
    const modes: Array<RequestInit['redirect']> = []
    const f: Fetch = async (input, init) => {
      modes.push(init?.redirect)
      return fetch(input, init)
    }
    const service = createImageService({ urlBase: ELECTRON_IMAGE_BASE, fetch: f, logger: quiet, extraOrigins: [origin], redirects: 'transport' })
    expect((await service.respond(toImageUrl(`${origin}/to-avatar`))).status).toBe(200)
    expect(modes).toEqual(['follow'])
  })
})
