/**
 * The browser-host bridge: gives the renderer page the same `window.livedeck` the Electron preload
 * gives it, over a WebSocket to the host. Bundled by the host at start and loaded as a classic script
 * before the renderer's module script, so `window.livedeck` exists when the app starts.
 */
import { buildLivedeckApi } from '../../shared/ipc/build-api'
import type { EventName } from '../../shared/ipc/contract'
import { fail, type Result } from '../../shared/ipc/result'
import { BRIDGE_PATH, BRIDGE_PROTOCOL, TOKEN_META, tokenProtocol } from '../../shared/browser-bridge/protocol'
import { createConnection } from './connection'
import { performHostRequest } from './host-requests'

function install(): void {
  // Only the app's own top-level page may talk to the host (mirrors Electron's top-frame check).
  if (window.top !== window) return
  const token = document.querySelector<HTMLMetaElement>(`meta[name="${TOKEN_META}"]`)?.content
  if (!token) return

  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${BRIDGE_PATH}`
  const connection = createConnection(() => new WebSocket(url, [BRIDGE_PROTOCOL, tokenProtocol(token)]), performHostRequest)

  const api = buildLivedeckApi(
    (channel, input) => connection.invoke(channel, input).catch((): Result<unknown> => fail('internal', 'bridge unavailable')),
    (event: EventName, listener) => connection.subscribe(event, listener)
  )
  Object.defineProperty(window, 'livedeck', { value: api, enumerable: true })
}

install()
