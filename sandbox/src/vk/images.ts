/**
 * Images (avatars, badges, smiles, covers, previews) served by the sandbox itself, so the app's image
 * protocol can load them offline. Fixtures name them under a placeholder origin; responses and pubsub
 * publications swap it for `<apiBase>/static/img` at the moment they leave the sandbox.
 */
import { createHash } from 'node:crypto'
import { crc32, deflateSync } from 'node:zlib'
import type { FastifyInstance } from 'fastify'

export const IMAGE_PLACEHOLDER = 'https://images.sandbox.invalid'
export const IMAGE_PATH = '/static/img'

/** Rewrites placeholder image URLs in a JSON text. */
export const localizeJson = (json: string, apiBase: string): string => json.replaceAll(IMAGE_PLACEHOLDER, `${apiBase}${IMAGE_PATH}`)

/** Same for a value about to be published. */
export const localizeValue = <T>(value: T, apiBase: string): T => JSON.parse(localizeJson(JSON.stringify(value), apiBase)) as T

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/** A solid-colour RGB PNG; the colour is derived from the path so different images look different. */
export function solidPng(seed: string, size = 64): Buffer {
  const [r = 0, g = 0, b = 0] = createHash('sha256').update(seed).digest()
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header.set([8, 2, 0, 0, 0], 8) // 8-bit, truecolour, deflate, no filter, no interlace
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: size }, () => [r, g, b]).flat())])
  const pixels = deflateSync(Buffer.concat(Array.from({ length: size }, () => row)))
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', pixels), chunk('IEND', Buffer.alloc(0))])
}

export function registerImages(app: FastifyInstance, apiBase: () => string): void {
  const cache = new Map<string, Buffer>()
  app.get(`${IMAGE_PATH}/*`, (request, reply) => {
    const path = request.url.split('?')[0] ?? ''
    let png = cache.get(path)
    if (!png) cache.set(path, (png = solidPng(path)))
    return reply.type('image/png').header('cache-control', 'public, max-age=3600').send(png)
  })
  // JSON answers leave with real image URLs.
  app.addHook('onSend', (_request, reply, payload, done) => {
    const type = String(reply.getHeader('content-type') ?? '')
    done(null, typeof payload === 'string' && type.includes('json') ? localizeJson(payload, apiBase()) : payload)
  })
}
