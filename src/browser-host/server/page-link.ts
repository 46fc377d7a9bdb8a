/**
 * The host's line to the page: asks the connected page to do what needs a screen (clipboard, tabs,
 * notifications) and waits for its acknowledgement. The most recently connected page is the one the
 * user is looking at; with none connected, requests fail at once instead of hanging.
 */
import type { HostRequest } from '../../shared/browser-bridge/protocol'

export interface PageChannel {
  /** Sends a request frame with this id; the reply comes back through `PageLink.reply`. */
  send(id: number, request: HostRequest): void
}

export interface PageLink {
  request(request: HostRequest, timeoutMs?: number): Promise<boolean>
  attach(page: PageChannel): () => void
  reply(page: PageChannel, id: number, ok: boolean): void
}

export class NoPageError extends Error {
  constructor() {
    super('no page is connected to the browser host')
    this.name = 'NoPageError'
  }
}

interface Waiting {
  page: PageChannel
  resolve: (ok: boolean) => void
  timer: ReturnType<typeof setTimeout>
}

export function createPageLink(defaultTimeoutMs = 10_000): PageLink {
  const pages: PageChannel[] = []
  const waiting = new Map<number, Waiting>()
  let nextId = 1

  const settle = (id: number, ok: boolean): void => {
    const w = waiting.get(id)
    if (!w) return
    clearTimeout(w.timer)
    waiting.delete(id)
    w.resolve(ok)
  }

  return {
    request(request, timeoutMs = defaultTimeoutMs) {
      const page = pages.at(-1)
      if (!page) return Promise.reject(new NoPageError())
      const id = nextId++
      return new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => settle(id, false), timeoutMs)
        waiting.set(id, { page, resolve, timer })
        page.send(id, request)
      })
    },
    attach(page) {
      pages.push(page)
      return () => {
        pages.splice(pages.indexOf(page), 1)
        // A page that left cannot answer any more.
        for (const [id, w] of waiting) if (w.page === page) settle(id, false)
      }
    },
    reply(page, id, ok) {
      // Only the page that was asked may answer.
      if (waiting.get(id)?.page === page) settle(id, ok)
    }
  }
}
