/**
 * Main → renderer events. Services emit typed payloads; the transport (Electron window, browser-host
 * socket) subscribes once and forwards every event.
 */
import type { EventName, EventPayloads } from '../../shared/ipc/contract'

export type EventListener = <E extends EventName>(name: E, payload: EventPayloads[E]) => void

export interface EventHub {
  emit<E extends EventName>(name: E, payload: EventPayloads[E]): void
  /** Returns the unsubscribe function. */
  subscribe(listener: EventListener): () => void
}

export function createEventHub(onListenerError?: (error: unknown) => void): EventHub {
  const listeners = new Set<EventListener>()
  return {
    emit(name, payload) {
      // Copy so a listener that unsubscribes during delivery does not skip the next one.
      for (const listener of [...listeners]) {
        try {
          listener(name, payload)
        } catch (e) {
          // One broken transport must not stop delivery to the others or throw into the emitter.
          onListenerError?.(e)
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
  }
}
