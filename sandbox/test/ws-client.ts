/* eslint-disable @typescript-eslint/no-explicit-any -- frames are untyped JSON */
/**
 * A raw Centrifugo protocol v2 JSON client for tests: records every reply and push (splitting
 * newline-batched frames), answers `{}` pings, and waits for conditions with a timeout.
 */
import WebSocket from 'ws'

export type Frame = Record<string, any>

export interface RawClient {
  frames: Frame[]
  /** How many `{}` pings the server sent (each was answered with `{}`). */
  pings(): number
  closed: Promise<{ code: number; reason: string }>
  send(command: Frame): void
  /** Sends a command with the next id and resolves with its reply. */
  call(command: Frame): Promise<Frame>
  waitFor(predicate: (f: Frame) => boolean, timeoutMs?: number): Promise<Frame>
  close(): void
}

export async function openRaw(url: string): Promise<RawClient> {
  const ws = new WebSocket(url)
  const frames: Frame[] = []
  const waiters = new Set<() => void>()
  let nextId = 1
  let pings = 0
  ws.on('message', (data: Buffer) => {
    for (const line of data.toString('utf8').split('\n')) {
      if (line.trim() === '') continue
      const frame = JSON.parse(line) as Frame
      if (Object.keys(frame).length === 0) {
        pings++
        ws.send('{}')
      } else frames.push(frame)
    }
    for (const w of [...waiters]) w()
  })
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })))
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
  })
  const waitFor = (predicate: (f: Frame) => boolean, timeoutMs = 5000): Promise<Frame> =>
    new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = frames.find(predicate)
        if (!found) return false
        waiters.delete(onFrame)
        clearTimeout(timer)
        resolve(found)
        return true
      }
      const onFrame = (): void => void check()
      const timer = setTimeout(() => {
        waiters.delete(onFrame)
        reject(new Error(`timed out; frames: ${JSON.stringify(frames).slice(0, 2000)}`))
      }, timeoutMs)
      waiters.add(onFrame)
      check()
    })
  return {
    frames,
    pings: () => pings,
    closed,
    send: (command) => ws.send(JSON.stringify(command)),
    call(command) {
      const id = nextId++
      ws.send(JSON.stringify({ id, ...command }))
      return waitFor((f) => f.id === id)
    },
    waitFor,
    close: () => ws.close()
  }
}
