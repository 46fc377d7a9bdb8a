/** The parts of obs-websocket v5 replies and events Livedeck reads, parsed rather than trusted. */
import { z } from 'zod'

export const versionSchema = z.object({ obsVersion: z.string(), obsWebSocketVersion: z.string() })

export const streamStatusSchema = z.object({ outputActive: z.boolean(), outputReconnecting: z.boolean().optional() })

export const streamServiceSchema = z.object({
  streamServiceType: z.string(),
  streamServiceSettings: z.object({ server: z.string().optional(), key: z.string().optional() }).loose()
})

export const outputStates = [
  'OBS_WEBSOCKET_OUTPUT_STARTING',
  'OBS_WEBSOCKET_OUTPUT_STARTED',
  'OBS_WEBSOCKET_OUTPUT_STOPPING',
  'OBS_WEBSOCKET_OUTPUT_STOPPED',
  'OBS_WEBSOCKET_OUTPUT_RECONNECTING',
  'OBS_WEBSOCKET_OUTPUT_RECONNECTED',
  'OBS_WEBSOCKET_OUTPUT_PAUSED',
  'OBS_WEBSOCKET_OUTPUT_RESUMED'
] as const
export type OutputState = (typeof outputStates)[number]

export const streamStateChangedSchema = z.object({ outputActive: z.boolean(), outputState: z.enum(outputStates) })

/** obs-websocket's close code for a missing or wrong password (`WebSocketCloseCode::AuthenticationFailed`). */
export const AUTH_FAILED_CLOSE_CODE = 4009
/** Request status codes (`RequestStatus`): the output is already running / not running. */
export const OUTPUT_RUNNING = 500
export const OUTPUT_NOT_RUNNING = 501
