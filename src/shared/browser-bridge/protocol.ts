/**
 * The browser-host bridge protocol: JSON text frames over one WebSocket between the page (bridge) and
 * the host. Shared by both ends, so it uses only what browsers and Node 20 both have (btoa/atob).
 *
 * Contract values are JSON plus Uint8Array; a Uint8Array travels as `{ "$bytes": "<base64>" }`.
 */
import type { Result } from '../ipc/result'

/** Path of the WebSocket endpoint on the host. */
export const BRIDGE_PATH = '/__livedeck/bridge'
/** Path of the bridge script the host injects into the renderer page. */
export const BRIDGE_SCRIPT_PATH = '/__livedeck/bridge.js'
/** `<meta name>` carrying the per-run token in the page. */
export const TOKEN_META = 'livedeck-bridge-token'
/** WebSocket subprotocol the bridge speaks; the token rides as a second `token.<hex>` subprotocol. */
export const BRIDGE_PROTOCOL = 'livedeck-bridge.v1'
export const tokenProtocol = (token: string): string => `token.${token}`

/** Things the host asks the page to do (it has the user's clipboard, tabs and attention). */
export type HostRequest =
  | { readonly kind: 'clipboard'; readonly text: string }
  | { readonly kind: 'openExternal'; readonly url: string }
  | { readonly kind: 'authOpen'; readonly url: string }
  | { readonly kind: 'notify'; readonly title: string; readonly body: string }

export type PageMessage =
  | { readonly t: 'invoke'; readonly id: number; readonly channel: string; readonly input: unknown }
  | { readonly t: 'reply'; readonly id: number; readonly ok: boolean }

export type HostMessage =
  | { readonly t: 'result'; readonly id: number; readonly result: Result<unknown> }
  | { readonly t: 'event'; readonly name: string; readonly payload: unknown }
  | { readonly t: 'request'; readonly id: number; readonly request: HostRequest }

function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

const isBytesBox = (v: unknown): v is { $bytes: string } =>
  typeof v === 'object' && v !== null && Object.keys(v).length === 1 && typeof (v as { $bytes?: unknown }).$bytes === 'string'

export function encodeMessage(message: PageMessage | HostMessage): string {
  return JSON.stringify(message, (_key, value: unknown) => (value instanceof Uint8Array ? { $bytes: toBase64(value) } : value))
}

/** Parses a frame; the shape is checked by the receiver (the host validates invokes with zod). */
export function decodeMessage(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown) => (isBytesBox(value) ? fromBase64(value.$bytes) : value))
}
