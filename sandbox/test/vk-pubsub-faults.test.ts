/* eslint-disable @typescript-eslint/no-unsafe-member-access -- frames are untyped JSON */
/**
 * Pubsub faults through the control API (reference §10.4.26): `wsDrop` makes the server ignore pongs so
 * connections die with 3012 "no pong" once the sandbox clock passes the pong timeout; `DELETE /faults`
 * lifts it; `wsClose` with a terminal code (3500+) closes live connections.
 */
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

describe('pubsub faults', () => {
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
