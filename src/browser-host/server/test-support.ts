/**
 * Helpers for the browser-host tests: a tiny built-renderer directory, a stub app, and a bridge client
 * that speaks the real protocol over a real socket.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import WebSocket from 'ws'
import { AppError } from '../../main/errors'
import { createEventHub } from '../../main/ipc/events'
import type { Handlers } from '../../main/ipc/router'
import { invokeChannelNames } from '../../shared/ipc/contract'
import { BRIDGE_PATH, BRIDGE_PROTOCOL, decodeMessage, encodeMessage, tokenProtocol, type HostMessage, type PageMessage } from '../../shared/browser-bridge/protocol'
import type { HostedApp } from './host'
import { createImageService, type ImageService } from '../../main/services/images/image-service'
import { HOST_IMAGE_BASE } from '../../main/services/images/image-url'
import type { Logger } from '../../main/ports/logger'

const silentLogger: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined }

export function fakeRendererDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'livedeck-renderer-'))
  mkdirSync(join(dir, 'assets'))
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html><head><title>t</title><script type="module" src="./assets/app.js"></script></head><body></body></html>'
  )
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)')
  return dir
}

/**
 * An app whose only working channel is app.getInfo; everything else says not_found. `images`: the image
 * service to route to (default: one allowing the platform hosts only).
 */
export function stubApp(images: ImageService = createImageService({ urlBase: HOST_IMAGE_BASE, fetch, logger: silentLogger })): HostedApp & { disposed: boolean } {
  const handlers = Object.fromEntries(
    invokeChannelNames.map((c) => [
      c,
      () => {
        throw new AppError('not_found', 'stub')
      }
    ])
  ) as unknown as Handlers
  handlers['app.getInfo'] = () => ({ version: 'test', platform: 'web', sandbox: { active: false } })
  const app = { handlers, events: createEventHub(), images, disposed: false, dispose: () => Promise.resolve(void (app.disposed = true)) }
  return app
}

export const tokenOf = (html: string): string => /name="livedeck-bridge-token" content="([0-9a-f]+)"/.exec(html)?.[1] ?? ''

export interface TestPage {
  readonly ws: WebSocket
  readonly received: HostMessage[]
  send(message: PageMessage): void
  next(predicate: (m: HostMessage) => boolean, timeoutMs?: number): Promise<HostMessage>
}

/** Opens the bridge socket like the page does; rejects with the server's refusal. */
export function connectPage(
  webUrl: string,
  options: { token?: string; origin?: string; host?: string; protocols?: string[] } = {}
): Promise<TestPage> {
  const url = new URL(BRIDGE_PATH, webUrl)
  const origin = options.origin ?? new URL(webUrl).origin
  const protocols = options.protocols ?? [BRIDGE_PROTOCOL, ...(options.token ? [tokenProtocol(options.token)] : [])]
  const ws = new WebSocket(url.href.replace(/^http/, 'ws'), protocols, {
    origin,
    headers: options.host ? { host: options.host } : {}
  })
  const received: HostMessage[] = []
  const waiters = new Set<() => void>()
  ws.on('message', (data: Buffer) => {
    received.push(decodeMessage(data.toString('utf8')) as HostMessage)
    for (const w of [...waiters]) w()
  })
  const page: TestPage = {
    ws,
    received,
    send: (m) => ws.send(encodeMessage(m)),
    next: (predicate, timeoutMs = 5000) =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          const found = received.find(predicate)
          if (!found) return
          waiters.delete(check)
          clearTimeout(timer)
          resolve(found)
        }
        const timer = setTimeout(() => {
          waiters.delete(check)
          reject(new Error('no such message in time'))
        }, timeoutMs)
        waiters.add(check)
        check()
      })
  }
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(page))
    ws.once('error', reject)
  })
}
