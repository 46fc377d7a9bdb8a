/**
 * Builds `window.livedeck` from the contract. The Electron preload and the browser-host bridge both
 * call this with their own transport, so the renderer sees the same object in both.
 *
 * Only the listed channels and events exist on the object; nothing of the transport (ipcRenderer, the
 * IPC event, the socket) is reachable from it.
 */
// Names from channels.ts, types only from contract.ts: the preload bundle must not pull in zod.
import { eventNames, invokeChannelNames } from './channels'
import type { EventName, InvokeChannel, LivedeckApi } from './contract'
import type { Result } from './result'

/** Sends one invoke and resolves with main's Result. */
export type InvokeTransport = (channel: InvokeChannel, input: unknown) => Promise<Result<unknown>>
/** Subscribes to one event; returns the unsubscribe function. */
export type SubscribeTransport = (event: EventName, listener: (payload: unknown) => void) => () => void

export function buildLivedeckApi(invoke: InvokeTransport, subscribe: SubscribeTransport): LivedeckApi {
  const namespaces: Record<string, Record<string, (input?: unknown) => Promise<Result<unknown>>>> = {}
  for (const channel of invokeChannelNames) {
    const dot = channel.indexOf('.')
    const ns = channel.slice(0, dot)
    const method = channel.slice(dot + 1)
    // Exactly one argument crosses: extra arguments from the page are dropped.
    ;(namespaces[ns] ??= {})[method] = (input?: unknown) => invoke(channel, input)
  }
  const known = new Set<string>(eventNames)
  const on = (event: EventName, listener: (payload: never) => void): (() => void) => {
    if (!known.has(event)) throw new TypeError('unknown event')
    if (typeof listener !== 'function') throw new TypeError('listener must be a function')
    // Only the payload reaches the page; the transport's event object stays here.
    return subscribe(event, (payload) => listener(payload as never))
  }
  const api: Record<string, unknown> = { on }
  for (const [ns, methods] of Object.entries(namespaces)) api[ns] = Object.freeze(methods)
  return Object.freeze(api) as unknown as LivedeckApi
}
