/**
 * One WebSocket to the host: numbered invokes answered by `result` frames, events fanned out to
 * subscribers, and host requests (clipboard, tabs, notifications) performed and acknowledged.
 */
import type { Result } from '../../shared/ipc/result'
import { decodeMessage, encodeMessage, type HostMessage, type HostRequest, type PageMessage } from '../../shared/browser-bridge/protocol'

export interface Connection {
  invoke(channel: string, input: unknown): Promise<Result<unknown>>
  subscribe(event: string, listener: (payload: unknown) => void): () => void
}

type Pending = { resolve: (r: Result<unknown>) => void; reject: (e: Error) => void }

const isHostMessage = (m: unknown): m is HostMessage =>
  typeof m === 'object' && m !== null && typeof (m as { t?: unknown }).t === 'string'

export function createConnection(
  open: () => WebSocket,
  perform: (request: HostRequest) => Promise<boolean>
): Connection {
  const socket = open()
  const pending = new Map<number, Pending>()
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  const outbox: string[] = []
  let nextId = 1

  const send = (message: PageMessage): void => {
    const frame = encodeMessage(message)
    if (socket.readyState === socket.OPEN) socket.send(frame)
    else outbox.push(frame)
  }

  socket.addEventListener('open', () => {
    for (const frame of outbox.splice(0)) socket.send(frame)
  })
  socket.addEventListener('close', () => {
    // The host went away: fail what is in flight rather than leaving the UI waiting forever.
    for (const p of pending.values()) p.reject(new Error('bridge closed'))
    pending.clear()
  })
  socket.addEventListener('message', (e: MessageEvent) => {
    if (typeof e.data !== 'string') return
    const message = decodeMessage(e.data)
    if (!isHostMessage(message)) return
    if (message.t === 'result') {
      pending.get(message.id)?.resolve(message.result)
      pending.delete(message.id)
    } else if (message.t === 'event') {
      listeners.get(message.name)?.forEach((l) => l(message.payload))
    } else if (message.t === 'request') {
      void perform(message.request).then(
        (ok) => send({ t: 'reply', id: message.id, ok }),
        () => send({ t: 'reply', id: message.id, ok: false })
      )
    }
  })

  return {
    invoke(channel, input) {
      if (socket.readyState === socket.CLOSED || socket.readyState === socket.CLOSING) {
        return Promise.reject(new Error('bridge closed'))
      }
      const id = nextId++
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject })
        send({ t: 'invoke', id, channel, input })
      })
    },
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set()
      listeners.set(event, set)
      set.add(listener)
      return () => set.delete(listener)
    }
  }
}
