import WebSocket from 'ws'
import type { ServerMessage } from './protocol'

export interface Outbox {
  send(message: ServerMessage): void
  /** Write out anything queued (before a close, so replies precede the close frame). */
  flush(): void
}

/**
 * Writes server messages to one socket. With batching on, everything sent in the same tick goes out
 * as one text frame, messages separated by "\n", as Centrifugo does; clients must split frames.
 */
export function createOutbox(ws: WebSocket, batching: () => boolean): Outbox {
  let queue: string[] = []

  const write = (frame: string): void => {
    if (ws.readyState === WebSocket.OPEN) ws.send(frame)
  }
  const flush = (): void => {
    if (queue.length === 0) return
    const frame = queue.join('\n')
    queue = []
    write(frame)
  }

  return {
    send(message) {
      const text = JSON.stringify(message)
      if (!batching()) {
        flush()
        write(text)
        return
      }
      queue.push(text)
      if (queue.length === 1) queueMicrotask(flush)
    },
    flush
  }
}
