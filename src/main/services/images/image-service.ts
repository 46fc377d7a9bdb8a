/**
 * Serves image URL requests (`livedeck-img://img/…` in Electron, `/livedeck-img/img/…` in the browser host): main fetches the image from an allowed platform host (or the
 * local sandbox) and hands the bytes to the renderer. The renderer's CSP allows no platform host, so
 * this is the only way an image gets in — and the only place that decides what may be fetched.
 *
 * Rules: https to the platforms' image hosts, or http(s) to the active sandbox origin; every redirect
 * hop re-checked (at most 3); raster image types only (no SVG: it is a document); at most `maxBytes`,
 * enforced on the stream so an endless body is cut off; no cookies; LRU cached; concurrent requests
 * for one image share one fetch.
 *
 * Redirects: Node's fetch returns a 3xx for `redirect: 'manual'`, so hops are checked here
 * (`redirects: 'manual'`). Electron's `net.fetch` cancels manual redirects instead, so Electron uses
 * `redirects: 'transport'`: the fetch follows them and its session checks every hop with the same
 * `ImageUrlPolicy` (see adapters/electron/image-fetch.ts).
 */
import type { Fetch } from '../../ports/http'
import type { Logger } from '../../ports/logger'
import { hostAllowed, parseUrl } from '../net/host-pattern'
import type { PlatformEndpoints } from '../platform-endpoints'
import { platformImageHosts } from './image-hosts'
import { targetOf } from './image-url'
import { LruCache } from './lru-cache'

export const MAX_IMAGE_BYTES = 2 * 1024 * 1024
const MAX_REDIRECTS = 3

const imageTypes = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/avif',
  'image/bmp',
  'image/x-icon',
  'image/vnd.microsoft.icon'
])

/** Which image URLs may be fetched at all (every redirect hop included). */
export interface ImageUrlPolicy {
  allows(url: string | URL): boolean
}

export interface ImageUrlPolicyOptions {
  /** Hosts served over https (default: the platforms' image hosts). */
  readonly hosts?: readonly string[]
  /** Origins also allowed over http, e.g. the local sandbox `http://127.0.0.1:4100`. */
  readonly extraOrigins?: readonly string[]
}

export function createImageUrlPolicy(options: ImageUrlPolicyOptions = {}): ImageUrlPolicy {
  const hosts = options.hosts ?? platformImageHosts
  const extraOrigins = new Set((options.extraOrigins ?? []).map((o) => parseUrl(o)?.origin ?? o))
  return {
    allows(value) {
      const url = typeof value === 'string' ? parseUrl(value) : value
      if (url === null || url.username !== '' || url.password !== '') return false
      if (extraOrigins.has(url.origin) && (url.protocol === 'http:' || url.protocol === 'https:')) return true
      return url.protocol === 'https:' && hostAllowed(url, hosts)
    }
  }
}

/** Origins the sandbox serves from, so its images pass the allow-list (none without a sandbox). */
export function sandboxImageOrigins(endpoints: PlatformEndpoints): string[] {
  if (endpoints.sandbox === null) return []
  const urls = [endpoints.sandbox.control, endpoints.vk.apiBase, endpoints.kuaishou.openBase]
  return [...new Set(urls.map((u) => new URL(u).origin))]
}

export interface ImageServiceOptions extends ImageUrlPolicyOptions {
  /** The image URL base the host hands out (`MainServices.imageUrlBase`). */
  readonly urlBase: string
  /** The URL policy, when the caller shares it with its transport (otherwise built from hosts/extraOrigins). */
  readonly policy?: ImageUrlPolicy
  readonly fetch: Fetch
  readonly logger: Logger
  /** Who checks redirect hops: this service ('manual', Node fetch) or the fetch's transport ('transport'). */
  readonly redirects?: 'manual' | 'transport'
  readonly maxBytes?: number
  readonly cacheEntries?: number
  readonly cacheBytes?: number
  readonly timeoutMs?: number
}

interface Image {
  readonly contentType: string
  readonly body: Uint8Array
}

/** Why an image was refused; each maps to one HTTP status for the renderer. */
export class ImageRefusal extends Error {
  constructor(
    readonly status: 400 | 403 | 413 | 415 | 502,
    reason: string
  ) {
    super(reason)
    this.name = 'ImageRefusal'
  }
}

export interface ImageService {
  /** Answers one image request URL (full URL, or the request path for a path base) with the image or an error status (empty body). */
  respond(imageUrl: string): Promise<Response>
  /** Loads one target URL (already decoded); throws ImageRefusal. */
  load(target: string): Promise<Image>
}

export function createImageService(options: ImageServiceOptions): ImageService {
  const policy = options.policy ?? createImageUrlPolicy(options)
  const byTransport = options.redirects === 'transport'
  const maxBytes = options.maxBytes ?? MAX_IMAGE_BYTES
  const timeoutMs = options.timeoutMs ?? 15_000
  const cache = new LruCache<Image>(options.cacheEntries ?? 500, options.cacheBytes ?? 64 * 1024 * 1024, (i) => i.body.byteLength)
  const inFlight = new Map<string, Promise<Image>>()

  const fetchAllowed = async (target: string, signal: AbortSignal): Promise<Response> => {
    let url = parseUrl(target)
    for (let hop = 0; ; hop++) {
      if (url === null || !policy.allows(url)) throw new ImageRefusal(403, 'host not allowed')
      const redirect = byTransport ? 'follow' : 'manual'
      const response = await options.fetch(url, { redirect, credentials: 'omit', signal })
      const location = response.headers.get('location')
      if (response.status < 300 || response.status >= 400 || location === null) return response
      await response.body?.cancel()
      if (hop >= MAX_REDIRECTS) throw new ImageRefusal(502, 'too many redirects')
      url = parseUrl(new URL(location, url).href)
    }
  }

  const fetchImage = async (target: string): Promise<Image> => {
    const controller = new AbortController()
    const timer = setTimeout(() => controller.abort(), timeoutMs)
    try {
      const response = await fetchAllowed(target, controller.signal)
      if (!response.ok) {
        await response.body?.cancel()
        throw new ImageRefusal(502, `upstream status ${response.status}`)
      }
      const contentType = (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
      if (!imageTypes.has(contentType)) {
        await response.body?.cancel()
        throw new ImageRefusal(415, 'not an image')
      }
      const declared = Number(response.headers.get('content-length') ?? NaN)
      if (declared > maxBytes) {
        controller.abort()
        throw new ImageRefusal(413, 'image too large')
      }
      return { contentType, body: await readCapped(response, maxBytes, controller) }
    } catch (e) {
      if (e instanceof ImageRefusal) throw e
      throw new ImageRefusal(502, 'fetch failed')
    } finally {
      clearTimeout(timer)
    }
  }

  const load = async (target: string): Promise<Image> => {
    const cached = cache.get(target)
    if (cached !== undefined) return cached
    let pending = inFlight.get(target)
    if (pending === undefined) {
      pending = fetchImage(target).finally(() => inFlight.delete(target))
      inFlight.set(target, pending)
    }
    const image = await pending
    cache.set(target, image)
    return image
  }

  return {
    load,
    async respond(imageUrl) {
      const target = targetOf(imageUrl, options.urlBase)
      try {
        if (target === null) throw new ImageRefusal(400, 'not an image URL')
        const image = await load(target)
        return new Response(image.body as Uint8Array<ArrayBuffer>, {
          status: 200,
          headers: { 'content-type': image.contentType, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' }
        })
      } catch (e) {
        const refusal = e instanceof ImageRefusal ? e : new ImageRefusal(502, 'fetch failed')
        // Origin only: image URLs can carry signed query strings.
        options.logger.warn('image refused', { reason: refusal.message, origin: target === null ? null : (parseUrl(target)?.origin ?? null) })
        return new Response(null, { status: refusal.status })
      }
    }
  }
}

/** Reads a body into memory, aborting the request as soon as it grows past `maxBytes`. */
async function readCapped(response: Response, maxBytes: number, controller: AbortController): Promise<Uint8Array> {
  if (response.body === null) return new Uint8Array(0)
  const reader = response.body.getReader() as ReadableStreamDefaultReader<Uint8Array>
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      controller.abort()
      await reader.cancel().catch(() => undefined)
      throw new ImageRefusal(413, 'image too large')
    }
    chunks.push(value)
  }
  const body = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    body.set(chunk, offset)
    offset += chunk.byteLength
  }
  return body
}
