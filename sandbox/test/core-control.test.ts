/**
 * The sandbox core through its control API, with a minimal test platform: request log redaction, faults
 * (status, delay, reset, count), clock advance, reset and the config document.
 */
import { createHash } from 'node:crypto'
import { request as httpRequest } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PlatformFactory } from '../src/core/platform'
import { startSandbox, type RunningSandbox } from '../src/index'

type LogEntry = { path: string; method: string; at: number; query: unknown; headers: Record<string, unknown>; body: unknown; files: unknown }
const hash8 = (v: string): string => createHash('sha256').update(v).digest('hex').slice(0, 8)

let resets = 0
let base = ''
const echoPlatform: PlatformFactory = (ctx) => {
  const app = ctx.createServer('echo', {
    faultBody: (status) => ({ error: `injected_${status}` }),
    notFound: (_req, reply) => reply.code(404).send({ error: 'nope' })
  })
  app.all('/echo/*', (request) => ({ ok: true, body: request.body ?? null, files: request.uploads.length }))
  return {
    name: 'echo',
    start: async () => {
      base = await ctx.listen(app)
    },
    config: () => ({ sections: { echo: { base } }, app: { id: 'echo-app' }, users: [{ id: 1 }] }),
    reset: () => {
      resets++
    },
    stop: () => Promise.resolve()
  }
}

let sb: RunningSandbox
const control = (path: string, init?: RequestInit): Promise<Response> => fetch(`${sb.control}${path}`, init)
const post = (path: string, body: unknown): Promise<Response> =>
  control(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

beforeAll(async () => {
  sb = await startSandbox({ ports: { http: 0 } }, [echoPlatform])
})
afterAll(async () => {
  await sb.stop()
})

describe('config', () => {
  it('serves the same JSON as startSandbox returned, without trailing slashes', async () => {
    const res = await control('/config')
    expect(res.status).toBe(200)
    const json = (await res.json()) as Record<string, unknown>
    // JSON drops the stop() function: the rest must be exactly what /config serves.
    expect(json).toEqual(JSON.parse(JSON.stringify(sb)))
    expect(sb.control).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(json.echo).toEqual({ base })
    expect(json.apps).toEqual({ echo: { id: 'echo-app' } })
  })
})

describe('request log', () => {
  it('records query, headers, JSON and form bodies with every secret redacted', async () => {
    await fetch(`${base}/echo/a?access_token=AT1&code=C1&keep=yes`, {
      method: 'POST',
      headers: { authorization: 'Bearer SECRET-TOKEN', 'content-type': 'application/json' },
      body: JSON.stringify({ nested: { refresh_token: 'RT1', client_secret: 'CS1' }, app_secret: 'AS1', sign: 'S1', plain: 'p' })
    })
    await fetch(`${base}/echo/b`, {
      method: 'POST',
      headers: { authorization: 'Basic ' + Buffer.from('id:secret').toString('base64') },
      body: new URLSearchParams({ client_secret: 'CS2', grant_type: 'x' })
    })
    const log = (await (await control('/requests?platform=echo')).json()) as LogEntry[]
    const a = log.find((e) => e.path === '/echo/a')!
    expect(a.method).toBe('POST')
    expect(a.query).toEqual({ access_token: `<redacted:${hash8('AT1')}>`, code: `<redacted:${hash8('C1')}>`, keep: 'yes' })
    expect(a.headers.authorization).toBe(`Bearer <redacted:${hash8('SECRET-TOKEN')}>`)
    expect(a.body).toEqual({
      nested: { refresh_token: `<redacted:${hash8('RT1')}>`, client_secret: `<redacted:${hash8('CS1')}>` },
      app_secret: `<redacted:${hash8('AS1')}>`,
      sign: `<redacted:${hash8('S1')}>`,
      plain: 'p'
    })
    expect(typeof a.at).toBe('number')
    const b = log.find((e) => e.path === '/echo/b')!
    expect(b.body).toEqual({ client_secret: `<redacted:${hash8('CS2')}>`, grant_type: 'x' })
    expect(b.headers.authorization).toMatch(/^Basic <redacted:[0-9a-f]{8}>$/)
    const raw = JSON.stringify(log)
    for (const secret of ['AT1', 'SECRET-TOKEN', 'RT1', 'CS1', 'CS2', 'AS1', '"S1"', 'aWQ6c2VjcmV0']) expect(raw).not.toContain(secret)
  })

  it('lists multipart files with field, filename, size and content type', async () => {
    const form = new FormData()
    form.append('caption', 'привет')
    form.append('cover', new Blob([Buffer.alloc(1234, 1)], { type: 'image/jpeg' }), 'cover.jpg')
    const res = await fetch(`${base}/echo/upload`, { method: 'POST', body: form })
    expect(((await res.json()) as { files: number }).files).toBe(1)
    const log = (await (await control('/requests?platform=echo')).json()) as LogEntry[]
    const entry = log.find((e) => e.path === '/echo/upload')!
    expect(entry.body).toEqual({ caption: 'привет' })
    expect(entry.files).toEqual([{ field: 'cover', filename: 'cover.jpg', size: 1234, contentType: 'image/jpeg' }])
  })

  it('rejects an invalid fault with 400 {error}', async () => {
    const res = await post('/faults', { platform: 'echo', path: '/x', status: 'bad' })
    expect(res.status).toBe(400)
    expect(typeof ((await res.json()) as { error: unknown }).error).toBe('string')
  })
})

describe('faults', () => {
  it('answers the given status the given number of times, then recovers', async () => {
    const res = await post('/faults', { platform: 'echo', method: 'GET', path: '/echo/f*', status: 503, count: 2 })
    expect(((await res.json()) as { id: string }).id).toMatch(/.+/)
    const first = await fetch(`${base}/echo/fa`)
    expect(first.status).toBe(503)
    expect(await first.json()).toEqual({ error: 'injected_503' })
    expect((await fetch(`${base}/echo/fb`)).status).toBe(503)
    expect((await fetch(`${base}/echo/fc`)).status).toBe(200)
  })

  it('uses the given result body and respects the method filter', async () => {
    await post('/faults', { platform: 'echo', method: 'POST', path: '/echo/**', status: 429, result: { error: 'custom' } })
    expect((await fetch(`${base}/echo/m`)).status).toBe(200)
    const res = await fetch(`${base}/echo/m`, { method: 'POST' })
    expect(res.status).toBe(429)
    expect(await res.json()).toEqual({ error: 'custom' })
  })

  it('delays a response', async () => {
    await post('/faults', { platform: 'echo', path: '/echo/slow', delayMs: 300 })
    const t0 = performance.now()
    const res = await fetch(`${base}/echo/slow`)
    expect(res.status).toBe(200)
    expect(performance.now() - t0).toBeGreaterThanOrEqual(290)
  })

  it('resets the connection', async () => {
    await post('/faults', { platform: 'echo', path: '/echo/reset' })
    await post('/faults', { platform: 'echo', path: '/echo/reset', reset: true })
    const error = await new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
      const req = httpRequest(`${base}/echo/reset`, (res) => {
        res.resume()
        res.on('end', () => resolve(undefined))
      })
      req.on('error', resolve)
      req.end()
    })
    expect(error?.code).toBe('ECONNRESET')
    expect((await fetch(`${base}/echo/reset`)).status).toBe(200)
  })

  it('DELETE /faults lifts every fault', async () => {
    await post('/faults', { platform: 'echo', path: '/echo/gone', status: 500, count: 5 })
    expect((await control('/faults', { method: 'DELETE' })).status).toBe(200)
    expect((await fetch(`${base}/echo/gone`)).status).toBe(200)
  })
})

describe('clock and reset', () => {
  it('moves the sandbox clock forward', async () => {
    const before = Date.now()
    const res = await post('/clock/advance', { seconds: 3600 })
    const { now } = (await res.json()) as { now: number }
    expect(now - before).toBeGreaterThanOrEqual(3600_000)
  })

  it('reset calls every module and clears the request log', async () => {
    const before = resets
    expect((await post('/reset', {})).status).toBe(200)
    expect(resets).toBe(before + 1)
    const log = (await (await control('/requests?platform=echo')).json()) as unknown[]
    expect(log).toEqual([])
  })

  it('unknown control paths answer 404 {error}', async () => {
    const res = await control('/nope')
    expect(res.status).toBe(404)
  })
})
