/**
 * Who may open the bridge WebSocket: only the host's own page. A WebSocket is not bound by the
 * same-origin policy, so any site the user visits could otherwise drive the app; and DNS rebinding
 * could make a foreign name resolve to 127.0.0.1. So the upgrade must carry our exact Origin and Host
 * and the per-run token the page got in its HTML (as a `token.<hex>` subprotocol).
 */
import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { BRIDGE_PATH, BRIDGE_PROTOCOL, tokenProtocol } from '../../shared/browser-bridge/protocol'

export interface UpgradeExpectation {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string
  /** `127.0.0.1:<port>` */
  readonly host: string
  readonly token: string
}

export type UpgradeVerdict = { readonly ok: true } | { readonly ok: false; readonly reason: string }

const sameSecret = (a: string, b: string): boolean => {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/** The subprotocols a client offered (`Sec-WebSocket-Protocol: a, b`). */
export function offeredProtocols(req: IncomingMessage): string[] {
  return (req.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')
}

export function checkUpgrade(req: IncomingMessage, expected: UpgradeExpectation): UpgradeVerdict {
  const path = (req.url ?? '').split('?')[0]
  if (path !== BRIDGE_PATH) return { ok: false, reason: 'path' }
  if (req.headers.origin !== expected.origin) return { ok: false, reason: 'origin' }
  if (req.headers.host !== expected.host) return { ok: false, reason: 'host' }
  const offered = offeredProtocols(req)
  if (!offered.includes(BRIDGE_PROTOCOL)) return { ok: false, reason: 'protocol' }
  const wanted = tokenProtocol(expected.token)
  if (!offered.some((p) => sameSecret(p, wanted))) return { ok: false, reason: 'token' }
  return { ok: true }
}
