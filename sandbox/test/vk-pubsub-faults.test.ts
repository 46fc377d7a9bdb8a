/* eslint-disable @typescript-eslint/no-unsafe-member-access -- frames are untyped JSON */
/**
 * Pubsub faults through the control API (reference §10.4.26): `wsDrop` makes the server ignore pongs so
 * connections die with 3012 "no pong" once the sandbox clock passes the pong timeout; `DELETE /faults`
 * lifts it; `wsClose` with a terminal code (3500+) closes live connections, and with `count` also the next
 * connections; `batch` switches newline batching of frames (issue 3), which `DELETE /faults` turns off.
 */
import WebSocket from 'ws'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startVk, type Vk } from './vk-helpers'
import { openRaw, type RawClient } from './ws-client'

let t: Vk
let wsToken = ''
beforeAll(async () => {
  t = await startVk({ pingIntervalS: 5, pongTimeoutS: 2 })
  const app = await t.appToken()
  wsToken = ((await (await t.api('/v1/websocket/token', { token: app })).json()) as { data: { token: string } }).data.token
})
afterAll(async () => {
  await t.sb.stop()
})

async function connected(): Promise<RawClient> {
  const client = await openRaw(t.vk.pubsubUrl)
  const reply = await client.call({ connect: { token: wsToken } })
  expect(reply.connect.ping).toBe(5)
  return client
}

/** The raw text frames a socket receives, unsplit, to see whether the server batched them. */
async function rawFrames(): Promise<{ ws: WebSocket; frames: string[]; next: (n: number) => Promise<void> }> {
  const ws = new WebSocket(t.vk.pubsubUrl)
  const frames: string[] = []
  const waiters: Array<() => void> = []
  ws.on('message', (data: Buffer) => {
    frames.push(data.toString('utf8'))
    for (const w of waiters.splice(0)) w()
  })
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
  })
  const next = async (n: number): Promise<void> => {
    const deadline = Date.now() + 5000
    while (frames.length < n) {
      if (Date.now() > deadline) throw new Error(`expected ${n} frames, got ${JSON.stringify(frames)}`)
      await new Promise<void>((resolve) => {
        waiters.push(resolve)
        setTimeout(resolve, 100)
      })
    }
  }
  return { ws, frames, next }
}

/** Connect, then two subscribes in one frame: their replies are sent in the same tick. */
async function twoReplies(): Promise<string[]> {
  const raw = await rawFrames()
  raw.ws.send(JSON.stringify({ id: 1, connect: { token: wsToken } }))
  await raw.next(1)
  raw.ws.send(`${JSON.stringify({ id: 2, subscribe: { channel: 'api-channel-chat:2000001' } })}\n${JSON.stringify({ id: 3, subscribe: { channel: 'api-channel-info:2000001' } })}`)
  // Either one frame with both replies, or two frames: wait until both ids were seen.
  const deadline = Date.now() + 5000
  while (!(raw.frames.join('\n').includes('"id":2') && raw.frames.join('\n').includes('"id":3'))) {
    if (Date.now() > deadline) throw new Error(`no replies: ${JSON.stringify(raw.frames)}`)
    await raw.next(raw.frames.length + 1).catch(() => undefined)
  }
  raw.ws.close()
  return raw.frames.slice(1)
}

describe('pubsub faults', () => {
  it('batch: true sends the replies of one tick as one newline-separated frame; batch: false and DELETE /faults switch it off', async () => {
    expect(await twoReplies()).toHaveLength(2)
    const on = await t.control('/faults', { platform: 'vk', batch: true })
    expect(on.status).toBe(200)
    expect(((await on.json()) as { id: string }).id).toMatch(/.+/)
    const batched = await twoReplies()
    expect(batched).toHaveLength(1)
    expect(batched[0]!.split('\n').map((line) => (JSON.parse(line) as { id: number }).id)).toEqual([2, 3])
    await t.control('/faults', { platform: 'vk', batch: false })
    expect(await twoReplies()).toHaveLength(2)
    await t.control('/faults', { platform: 'vk', batch: true })
    expect(await twoReplies()).toHaveLength(1)
    await t.control('/faults', {}, 'DELETE')
    expect(await twoReplies()).toHaveLength(2)
  })

  it('pubsub faults on a platform without pubsub → 400 {error}', async () => {
    const res = await t.control('/faults', { platform: 'kuaishou', wsClose: 3001 })
    expect(res.status).toBe(400)
    expect(typeof ((await res.json()) as { error: unknown }).error).toBe('string')
  })

  it('wsClose with count 3 closes the open connections, then the next two that connect; the fault then leaves the list', async () => {
    const open = [await connected(), await connected()]
    const res = await t.control('/faults', { platform: 'vk', wsClose: { code: 3001, reason: 'go away' }, count: 3 })
    const { id } = (await res.json()) as { id: string }
    for (const client of open) expect(await client.closed).toEqual({ code: 3001, reason: 'go away' })
    for (let i = 0; i < 2; i++) {
      const again = await openRaw(t.vk.pubsubUrl)
      // The connect succeeds, then the server closes it at once.
      expect((await again.call({ connect: { token: wsToken } })).connect).toBeDefined()
      expect((await again.closed).code).toBe(3001)
    }
    const listed = (await (await t.control('/faults')).json()) as Array<{ id: string }>
    expect(listed.map((f) => f.id)).not.toContain(id)
    const fine = await connected()
    expect((await fine.call({ subscribe: { channel: 'api-channel-chat:2000001' } })).subscribe).toEqual({})
    fine.close()
    expect((await fine.closed).code).not.toBe(3001)
  })

  it('wsDrop: pongs are ignored and the connection closes 3012', async () => {
    const client = await connected()
    expect((await t.control('/faults', { platform: 'vk', path: '/connection/websocket', wsDrop: true })).status).toBe(200)
    await t.control('/clock/advance', { seconds: 5 })
    await t.control('/clock/advance', { seconds: 3 })
    expect((await client.closed).code).toBe(3012)
  })

  it('after DELETE /faults pongs count again', async () => {
    await t.control('/faults', {}, 'DELETE')
    const client = await connected()
    await t.control('/clock/advance', { seconds: 5 })
    await client.waitFor(() => client.pings() === 1)
    // Commands are handled in order: once this reply is back, the server has seen the pong sent before it.
    expect((await client.call({ subscribe: { channel: 'api-channel-chat:2000001' } })).error).toBeUndefined()
    await t.control('/clock/advance', { seconds: 3 })
    expect((await client.call({ subscribe: { channel: 'api-channel-info:2000001' } })).error).toBeUndefined()
    client.close()
    expect((await client.closed).code).not.toBe(3012)
  })

  it('wsClose with a terminal code', async () => {
    const client = await connected()
    await t.control('/faults', { platform: 'vk', path: '/connection/websocket', wsClose: 3503 })
    expect((await client.closed).code).toBe(3503)
  })

  it('a connection token expires on the sandbox clock', async () => {
    await t.control('/clock/advance', { seconds: 3601 })
    const client = await openRaw(t.vk.pubsubUrl)
    client.send({ id: 1, connect: { token: wsToken } })
    const outcome = await Promise.race([client.waitFor((f) => f.id === 1).then((f) => f.error?.code as number | undefined), client.closed.then((c) => c.code)])
    expect(outcome).toBe(109)
    client.close()
  })
})
