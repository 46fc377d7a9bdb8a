/**
 * OBS hand-off (issue 7) types shared by main and renderer. The stream key never appears here: the
 * renderer hands main the sensitive ref of a push URL / VK credentials and main sends it to OBS.
 *
 * Zod-free so the renderer can import it; the schemas are in `obs-schemas.ts`.
 */

export const defaultObsAddress = 'ws://127.0.0.1:4455'

export interface ObsSettings {
  /** obs-websocket v5's address: `ws://host:port` (wss for a TLS proxy), no path. */
  address: string
}

export type ObsConnection = 'disconnected' | 'connecting' | 'connected'
/** Why OBS is not connected: not listening / refused the password / went away. */
export type ObsConnectionError = 'unreachable' | 'auth_failed' | 'closed' | 'timed_out'
export type ObsStreamState = 'inactive' | 'starting' | 'active' | 'stopping' | 'reconnecting'

export interface ObsStatusView {
  readonly address: string
  readonly passwordConfigured: boolean
  readonly connection: ObsConnection
  readonly error: ObsConnectionError | null
  readonly obsVersion: string | null
  /** OBS's streaming output as OBS reports it (events, not request replies). */
  readonly stream: ObsStreamState
  /** The RTMP server Livedeck last set in OBS this session (never the key); null when none. */
  readonly sentServer: string | null
}
