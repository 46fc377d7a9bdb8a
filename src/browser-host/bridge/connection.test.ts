// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { decodeMessage, encodeMessage, type HostMessage, type HostRequest, type PageMessage } from '../../shared/browser-bridge/protocol'
import { createConnection } from './connection'

/** A socket the test drives by hand: the host's side of the conversation. */
class HandSocket extends EventTarget {
  readonly CONNECTING = 0
  readonly OPEN = 1
  readonly CLOSING = 2
  readonly CLOSED = 3
  readyState = 0
  readonly sent: PageMessage[] = []
  send(frame: string): void {
    if (this.readyState !== this.OPEN) throw new Error('send before open')
    this.sent.push(decodeMessage(frame) as PageMessage)
  }
  open(): void {
    this.readyState = this.OPEN
    this.dispatchEvent(new Event('open'))
  }
  deliver(message: HostMessage): void {
    this.dispatchEvent(new MessageEvent('message', { data: encodeMessage(message) }))
  }
  drop(): void {
    this.readyState = this.CLOSED
    this.dispatchEvent(new Event('close'))
  }
}

const flush = (): Promise<void> => new Promise((r) => setTimeout(r, 0))

function setup(perform: (r: HostRequest) => Promise<boolean> = () => Promise.resolve(true)) {
  const socket = new HandSocket()
  const performed: HostRequest[] = []
  const connection = createConnection(
    () => socket as unknown as WebSocket,
    (r) => {
      performed.push(r)
      return perform(r)
    }
  )
  return { socket, connection, performed }
}

describe('bridge connection', () => {
  it('queues invokes made before the socket opens and routes results by id', async () => {
    const { socket, connection } = setup()
    const a = connection.invoke('app.getInfo', undefined)
    const b = connection.invoke('secrets.clear', { key: 'vk.clientSecret' })
    expect(socket.sent).toEqual([])
    socket.open()
    expect(socket.sent.map((m) => m.t === 'invoke' && m.channel)).toEqual(['app.getInfo', 'secrets.clear'])
    const [first, second] = socket.sent as Extract<PageMessage, { t: 'invoke' }>[]
    socket.deliver({ t: 'result', id: second!.id, result: { ok: false, error: { code: 'not_found', message: 'x' } } })
    socket.deliver({ t: 'result', id: first!.id, result: { ok: true, value: 1 } })
    await expect(a).resolves.toEqual({ ok: true, value: 1 })
    await expect(b).resolves.toEqual({ ok: false, error: { code: 'not_found', message: 'x' } })
  })

  it('carries Uint8Array inputs as bytes', () => {
    const { socket, connection } = setup()
    socket.open()
    void connection.invoke('x.y', { data: new Uint8Array([1, 2, 3]) })
    const sent = socket.sent[0] as Extract<PageMessage, { t: 'invoke' }>
    expect((sent.input as { data: Uint8Array }).data).toBeInstanceOf(Uint8Array)
    expect(Array.from((sent.input as { data: Uint8Array }).data)).toEqual([1, 2, 3])
  })

  it('fans events out to subscribers until they unsubscribe', () => {
    const { socket, connection } = setup()
    socket.open()
    const got: unknown[] = []
    const off = connection.subscribe('settings.changed', (p) => got.push(p))
    socket.deliver({ t: 'event', name: 'settings.changed', payload: { n: 1 } })
    socket.deliver({ t: 'event', name: 'app.info', payload: { n: 2 } })
    off()
    socket.deliver({ t: 'event', name: 'settings.changed', payload: { n: 3 } })
    expect(got).toEqual([{ n: 1 }])
  })

  it('performs host requests and acknowledges success and failure', async () => {
    const { socket, performed } = setup((r) => (r.kind === 'clipboard' ? Promise.reject(new Error('denied')) : Promise.resolve(true)))
    socket.open()
    socket.deliver({ t: 'request', id: 5, request: { kind: 'authOpen', url: 'https://auth.example/' } })
    socket.deliver({ t: 'request', id: 6, request: { kind: 'clipboard', text: 'x' } })
    await flush()
    expect(performed.map((r) => r.kind)).toEqual(['authOpen', 'clipboard'])
    expect(socket.sent).toEqual([
      { t: 'reply', id: 5, ok: true },
      { t: 'reply', id: 6, ok: false }
    ])
  })

  it('fails in-flight and later invokes once the host is gone', async () => {
    const { socket, connection } = setup()
    socket.open()
    const pending = connection.invoke('settings.get', undefined)
    socket.drop()
    await expect(pending).rejects.toThrow(/closed/)
    await expect(connection.invoke('settings.get', undefined)).rejects.toThrow(/closed/)
  })
})
