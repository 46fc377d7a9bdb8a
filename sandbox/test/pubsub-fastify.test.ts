/** The pubsub server attached to a fastify app's HTTP server, the way the VK simulator wires it. */
import Fastify from 'fastify'
import type { AddressInfo } from 'node:net'
import { expect, it } from 'vitest'
import { createClock } from '../src/core/clock'
import { createPubsubServer } from '../src/vk/pubsub'
import { createTestAuth, PUBLIC, RawClient } from './pubsub-harness'

it('serves /connection/websocket next to fastify routes, and both stop cleanly', async () => {
  const clock = createClock()
  const app = Fastify()
  app.get('/v1/ping', () => ({ data: {} }))
  const pubsub = createPubsubServer({ auth: createTestAuth(clock), clock })
  pubsub.attach(app.server)
  await app.listen({ host: '127.0.0.1', port: 0 })
  const { port } = app.server.address() as AddressInfo

  const rest = await fetch(`http://127.0.0.1:${port}/v1/ping`)
  expect(await rest.json()).toEqual({ data: {} })

  const c = await RawClient.open(`ws://127.0.0.1:${port}/connection/websocket?format=json&cf_protocol_version=v2`)
  c.send({ id: 1, connect: { token: 'conn-alice' } }, { id: 2, subscribe: { channel: PUBLIC } })
  await c.next()
  expect(await c.next()).toEqual({ id: 2, subscribe: {} })
  expect(pubsub.publish(PUBLIC, { type: 'x', data: {} })).toBe(1)
  expect(await c.next()).toEqual({ push: { channel: PUBLIC, pub: { data: { type: 'x', data: {} } } } })

  // Upgraded sockets keep an HTTP server open: close the pubsub first, then the app.
  await pubsub.close()
  expect((await c.closed()).code).toBe(3001)
  await app.close()
  clock.dispose()
})
