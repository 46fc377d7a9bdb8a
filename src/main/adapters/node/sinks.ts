/**
 * Node adapters whose real work happens elsewhere: the browser host attaches a sink once its bridge
 * is connected (clipboard writes, notifications and external links all go to the page). Until then
 * clipboard writes and link opens fail honestly; notifications are kept so none is lost.
 */
import type { Clipboard } from '../../ports/clipboard'
import type { ExternalOpener } from '../../ports/external-opener'
import type { Notifier } from '../../ports/notifier'

type Sink<T> = (value: T) => void | Promise<void>

export interface SinkClipboard extends Clipboard {
  setSink(sink: Sink<string> | null): void
}

export function createSinkClipboard(sink: Sink<string> | null = null): SinkClipboard {
  let current = sink
  return {
    setSink: (next) => void (current = next),
    async writeText(text) {
      if (!current) throw new Error('no clipboard is attached')
      await current(text)
    }
  }
}

export type Notification = Parameters<Notifier['notify']>[0]

export interface RecordingNotifier extends Notifier {
  /** Every notification so far, oldest first (tests and the page's late join read it). */
  readonly sent: readonly Notification[]
  /** Returns the unsubscribe function. */
  subscribe(listener: (n: Notification) => void): () => void
}

export function createRecordingNotifier(): RecordingNotifier {
  const sent: Notification[] = []
  const listeners = new Set<(n: Notification) => void>()
  return {
    sent,
    notify(n) {
      sent.push({ title: n.title, body: n.body })
      for (const l of [...listeners]) l(n)
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
  }
}

export interface SinkExternalOpener extends ExternalOpener {
  setSink(sink: Sink<string> | null): void
}

export function createSinkExternalOpener(sink: Sink<string> | null = null): SinkExternalOpener {
  let current = sink
  return {
    setSink: (next) => void (current = next),
    async openExternal(url) {
      if (!current) throw new Error('no browser is attached to open links')
      await current(url)
    }
  }
}
