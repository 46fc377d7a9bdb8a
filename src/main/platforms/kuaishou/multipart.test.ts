/**
 * The hand-built multipart body, read back by a real multipart parser (undici's `Request.formData`),
 * and the upload rules on real sockets: a connection reset before the body was sent is a plain
 * network error (safe to retry); one after the whole body left is an unknown outcome.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { systemClock } from '../../ports/clock'
import { createKuaishouClient } from './api-client'
import { buildMultipart, countingStream } from './multipart'

const drain = async (stream: ReadableStream<Uint8Array>): Promise<Uint8Array> => new Uint8Array(await new Response(stream).arrayBuffer())

describe('buildMultipart', () => {
  it('is parsed back field by field, UTF-8 captions and the file intact', async () => {
    const bytes = new Uint8Array(50_000).map((_, i) => (i * 7) % 256)
    const body = buildMultipart([['caption', '今晚直播🌟'], ['shopLive', 'false']], { field: 'file', filename: 'cover.jpg', contentType: 'image/jpeg', bytes })
    const form = await new Request('http://x/', { method: 'POST', headers: { 'content-type': body.contentType }, body: body.bytes }).formData()
    expect(form.get('caption')).toBe('今晚直播🌟')
    expect(form.get('shopLive')).toBe('false')
    const file = form.get('file') as File
    expect(file.name).toBe('cover.jpg')
    expect(new Uint8Array(await file.arrayBuffer())).toEqual(bytes)
  })

  it('refuses names that would break the framing', () => {
    expect(() => buildMultipart([['a"b', 'x']], { field: 'file', filename: 'cover.jpg', contentType: 'image/jpeg', bytes: new Uint8Array(1) })).toThrow()
  })
})

describe('countingStream', () => {
  it('streams every byte in order and reports progress up to the total', async () => {
    const bytes = new Uint8Array(100_000).map((_, i) => i % 251)
    const seen: number[] = []
    const counting = countingStream(bytes, (sent, total) => {
      expect(total).toBe(100_000)
      seen.push(sent)
    })
    expect(await drain(counting.stream)).toEqual(bytes)
    expect(seen).toEqual([16_384, 32_768, 49_152, 65_536, 81_920, 98_304, 100_000])
    expect(counting.sent()).toBe(100_000)
  })
})

describe('pushUrls over a failing connection', () => {
  let server: Server | undefined
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())))

  const listen = async (onRequest: (req: import('node:http').IncomingMessage) => void): Promise<string> => {
    server = createServer((req) => onRequest(req))
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  }
  // Bytes count as sent once handed to the socket. Loopback buffers take a few MB before the peer
  // reads anything, so the mid-upload case uses a body far larger than that; when the unsent rest
  // fits in the buffers, the answer errs on the safe side (unknown outcome, never "safe to retry").
  const push = (base: string, progress: number[], size = 1_900_000) =>
    createKuaishouClient({ fetch, openBase: () => base, clock: systemClock }).pushUrls({
      appId: 'ks1',
      accessToken: 't',
      cover: new Uint8Array(size),
      caption: '',
      panoramic: 0,
      shopLive: false,
      onProgress: (sent) => progress.push(sent)
    })

  it('a reset mid-upload (server stops reading after 64 KB) is a network error: nothing was created', async () => {
    const base = await listen((req) => {
      let received = 0
      req.on('data', (chunk: Buffer) => {
        received += chunk.length
        if (received >= 65_536) {
          req.pause()
          setTimeout(() => req.socket.destroy(), 200)
        }
      })
    })
    const progress: number[] = []
    await expect(push(base, progress, 24_000_000)).rejects.toMatchObject({ code: 'network' })
    expect(progress.at(-1)!).toBeLessThan(24_000_000)
  })

  it('a reset after the whole body arrived is an unknown outcome', async () => {
    const base = await listen((req) => {
      req.resume()
      req.on('end', () => req.socket.destroy())
    })
    await expect(push(base, [])).rejects.toMatchObject({ code: 'unknown_outcome' })
  })
})
