/**
 * "Send to OBS": drives OBS Studio over its obs-websocket v5 server (obs-websocket-js, JSON encoding).
 *
 * Traps this handles (shared/research/obs-headless.md §5):
 * - `StartStream`'s reply proves nothing: OBS answers success even when the RTMP server refuses, then
 *   sends STARTING → STOPPED. Streaming counts as started only on the `OBS_WEBSOCKET_OUTPUT_STARTED` event.
 * - For ~55 ms after STOPPED, `outputActive` is still true and a `StartStream` sent then is silently
 *   dropped. Starting waits for `outputActive === false` first; stopping waits for it before returning.
 * - The stream settings are read back after `SetStreamServiceSettings` instead of trusting the reply.
 */
import { EventSubscription, OBSWebSocket, OBSWebSocketError } from 'obs-websocket-js/json'
import {
  defaultObsAddress,
  type ObsConnectionError,
  type ObsSettings,
  type ObsStatusView,
  type ObsStreamState
} from '../../../shared/ipc/obs'
import { obsSettingsSchema } from '../../../shared/ipc/obs-schemas'
import type { SensitiveRef } from '../../../shared/ipc/domain'
import { AppError } from '../../errors'
import type { Clock } from '../../ports/clock'
import type { Logger } from '../../ports/logger'
import type { SettingsStore } from '../../ports/settings-store'
import type { SettingsDocument } from '../../settings/schema'
import type { SensitiveRegistry } from '../sensitive/sensitive-registry'
import type { SettingsService } from '../settings/settings-service'
import {
  AUTH_FAILED_CLOSE_CODE,
  OUTPUT_NOT_RUNNING,
  OUTPUT_RUNNING,
  streamServiceSchema,
  streamStateChangedSchema,
  streamStatusSchema,
  versionSchema,
  type OutputState
} from './obs-schemas'

export interface ObsServiceDeps {
  readonly store: SettingsStore<SettingsDocument>
  readonly settings: Pick<SettingsService, 'getSecret'>
  readonly sensitive: Pick<SensitiveRegistry, 'rtmpParts'>
  readonly clock: Clock
  readonly logger: Logger
  readonly onStatus: (view: ObsStatusView) => void
  readonly timeouts?: Partial<ObsTimeouts>
}

export interface ObsTimeouts {
  readonly connectMs: number
  /** StartStream → STARTED (OBS's RTMP connect; a slow ingest can take seconds). */
  readonly startMs: number
  readonly stopMs: number
  /** How long `outputActive` may lag behind the STOPPED event. */
  readonly settleMs: number
}

const defaultTimeouts: ObsTimeouts = { connectMs: 5_000, startMs: 20_000, stopMs: 10_000, settleMs: 3_000 }

export interface ObsService {
  status(): ObsStatusView
  updateSettings(settings: ObsSettings): Promise<ObsStatusView>
  connect(): Promise<ObsStatusView>
  disconnect(): Promise<ObsStatusView>
  /** Sets OBS's stream destination to custom RTMP with the ref's server and key. */
  sendStream(ref: SensitiveRef): Promise<ObsStatusView>
  startStream(): Promise<ObsStatusView>
  stopStream(): Promise<ObsStatusView>
  dispose(): Promise<void>
}

const streamStateOf: Partial<Record<OutputState, ObsStreamState>> = {
  OBS_WEBSOCKET_OUTPUT_STARTING: 'starting',
  OBS_WEBSOCKET_OUTPUT_STARTED: 'active',
  OBS_WEBSOCKET_OUTPUT_STOPPING: 'stopping',
  OBS_WEBSOCKET_OUTPUT_STOPPED: 'inactive',
  OBS_WEBSOCKET_OUTPUT_RECONNECTING: 'reconnecting',
  OBS_WEBSOCKET_OUTPUT_RECONNECTED: 'active'
}

const requestCode = (e: unknown): number | undefined => (e instanceof OBSWebSocketError ? e.code : undefined)

export function createObsService(deps: ObsServiceDeps): ObsService {
  const { clock, logger } = deps
  const timeouts = { ...defaultTimeouts, ...deps.timeouts }
  let socket: OBSWebSocket | null = null
  let connection: ObsStatusView['connection'] = 'disconnected'
  let error: ObsConnectionError | null = null
  let obsVersion: string | null = null
  let stream: ObsStreamState = 'inactive'
  let sentServer: string | null = null
  /** Pending waits for a stream state event; each returns true once satisfied. */
  const stateWaiters = new Set<(state: OutputState) => boolean>()

  const address = (): string => {
    const parsed = obsSettingsSchema.safeParse(deps.store.get('obs'))
    return parsed.success ? parsed.data.address : defaultObsAddress
  }

  const status = (): ObsStatusView => ({
    address: address(),
    passwordConfigured: deps.store.get('secrets')?.['obs.password'] !== undefined,
    connection,
    error,
    obsVersion,
    stream,
    sentServer
  })
  const changed = (): ObsStatusView => {
    const view = status()
    deps.onStatus(view)
    return view
  }

  const connected = (): OBSWebSocket => {
    if (socket === null || connection !== 'connected') throw new AppError('not_connected', 'OBS is not connected')
    return socket
  }

  /** Resolves with the first event state `accept` maps to a result, or rejects after `ms`. */
  const waitForState = <T>(accept: (state: OutputState) => T | undefined, ms: number): { promise: Promise<T>; cancel(): void } => {
    let waiter: (state: OutputState) => boolean = () => false
    let timer: { cancel(): void } = { cancel() {} }
    const promise = new Promise<T>((resolve, reject) => {
      waiter = (state) => {
        const result = accept(state)
        if (result === undefined) return false
        timer.cancel()
        resolve(result)
        return true
      }
      timer = clock.setTimeout(() => {
        stateWaiters.delete(waiter)
        reject(new AppError('timed_out', 'OBS did not report the stream state in time'))
      }, ms)
      stateWaiters.add(waiter)
    })
    return { promise, cancel: () => (stateWaiters.delete(waiter), timer.cancel()) }
  }

  /** Polls until OBS's output is really inactive (the STOPPED event comes ~55 ms before it is). */
  const settle = async (obs: OBSWebSocket): Promise<void> => {
    const deadline = clock.now() + timeouts.settleMs
    for (;;) {
      const s = streamStatusSchema.parse(await obs.call('GetStreamStatus'))
      if (!s.outputActive) return
      if (clock.now() > deadline) throw new AppError('timed_out', 'OBS output did not stop in time')
      await new Promise<void>((resolve) => clock.setTimeout(resolve, 25))
    }
  }

  const onStreamState = (data: unknown): void => {
    const parsed = streamStateChangedSchema.safeParse(data)
    if (!parsed.success) return logger.warn('unexpected StreamStateChanged event from OBS')
    const next = streamStateOf[parsed.data.outputState]
    if (next !== undefined && next !== stream) {
      stream = next
      changed()
    }
    for (const waiter of [...stateWaiters]) if (waiter(parsed.data.outputState)) stateWaiters.delete(waiter)
  }

  const onClosed = (obs: OBSWebSocket, e: OBSWebSocketError): void => {
    if (socket !== obs) return
    socket = null
    connection = 'disconnected'
    error = e.code === AUTH_FAILED_CLOSE_CODE ? 'auth_failed' : 'closed'
    stream = 'inactive'
    logger.info('OBS connection closed', { code: e.code })
    changed()
  }

  const open = async (obs: OBSWebSocket, password: string | undefined): Promise<void> => {
    let timer: { cancel(): void } = { cancel() {} }
    const timeout = new Promise<never>((_, reject) => {
      timer = clock.setTimeout(() => reject(new AppError('timed_out', 'OBS did not answer in time')), timeouts.connectMs)
    })
    try {
      await Promise.race([obs.connect(address(), password, { eventSubscriptions: EventSubscription.Outputs }), timeout])
    } finally {
      timer.cancel()
    }
    obsVersion = versionSchema.parse(await obs.call('GetVersion')).obsVersion
    stream = streamStatusSchema.parse(await obs.call('GetStreamStatus')).outputActive ? 'active' : 'inactive'
  }

  const connectionFailure = (e: unknown): AppError => {
    if (e instanceof AppError) {
      error = 'timed_out'
      return e
    }
    if (requestCode(e) === AUTH_FAILED_CLOSE_CODE) {
      error = 'auth_failed'
      return new AppError('permission_denied', 'OBS refused the password', AUTH_FAILED_CLOSE_CODE)
    }
    error = 'unreachable'
    return new AppError('network', 'OBS is not reachable at this address (is obs-websocket enabled?)')
  }

  const disconnect = async (): Promise<void> => {
    const obs = socket
    socket = null
    connection = 'disconnected'
    stream = 'inactive'
    if (obs !== null) await obs.disconnect().catch(() => undefined)
  }

  return {
    status,
    async updateSettings(next) {
      const parsed = obsSettingsSchema.parse(next)
      const moved = parsed.address !== address()
      deps.store.set('obs', parsed)
      if (moved && socket !== null) await disconnect()
      return changed()
    },
    async connect() {
      if (connection === 'connected') return status()
      if (connection === 'connecting') throw new AppError('invalid_input', 'already connecting to OBS')
      await disconnect()
      connection = 'connecting'
      error = null
      changed()
      const obs = new OBSWebSocket()
      socket = obs
      obs.on('StreamStateChanged', onStreamState)
      obs.on('ConnectionClosed', (e) => onClosed(obs, e))
      try {
        await open(obs, (await deps.settings.getSecret('obs.password')) ?? undefined)
      } catch (e) {
        const failure = connectionFailure(e)
        socket = null
        connection = 'disconnected'
        await obs.disconnect().catch(() => undefined)
        changed()
        throw failure
      }
      connection = 'connected'
      logger.info('connected to OBS', { obsVersion })
      return changed()
    },
    async disconnect() {
      await disconnect()
      error = null
      return changed()
    },
    async sendStream(ref) {
      const obs = connected()
      const { server, key } = deps.sensitive.rtmpParts(ref)
      if (stream !== 'inactive') throw new AppError('live_active', 'OBS is streaming: stop it before changing the destination')
      try {
        await obs.call('SetStreamServiceSettings', { streamServiceType: 'rtmp_custom', streamServiceSettings: { server, key, use_auth: false } })
      } catch (e) {
        if (requestCode(e) === OUTPUT_RUNNING) throw new AppError('live_active', 'OBS is streaming: stop it before changing the destination')
        throw e
      }
      const applied = streamServiceSchema.parse(await obs.call('GetStreamServiceSettings'))
      const s = applied.streamServiceSettings
      if (applied.streamServiceType !== 'rtmp_custom' || s.server !== server || s.key !== key) {
        throw new AppError('platform', 'OBS did not keep the stream settings', 'obs_settings_not_applied')
      }
      sentServer = server
      logger.info('stream destination sent to OBS')
      return changed()
    },
    async startStream() {
      const obs = connected()
      if (stream === 'active') return status()
      await settle(obs)
      const outcome = waitForState((state) => {
        if (state === 'OBS_WEBSOCKET_OUTPUT_STARTED') return 'started' as const
        if (state === 'OBS_WEBSOCKET_OUTPUT_STOPPED') return 'stopped' as const
        return undefined
      }, timeouts.startMs)
      try {
        await obs.call('StartStream')
      } catch (e) {
        outcome.cancel()
        if (requestCode(e) === OUTPUT_RUNNING) return status()
        throw e
      }
      if ((await outcome.promise) === 'stopped') {
        throw new AppError('platform', 'OBS could not connect to the stream server', 'obs_stream_failed')
      }
      return status()
    },
    async stopStream() {
      const obs = connected()
      if (stream === 'inactive') return status()
      const stopped = waitForState((state) => (state === 'OBS_WEBSOCKET_OUTPUT_STOPPED' ? true : undefined), timeouts.stopMs)
      try {
        await obs.call('StopStream')
      } catch (e) {
        stopped.cancel()
        if (requestCode(e) !== OUTPUT_NOT_RUNNING) throw e
        stream = 'inactive'
        return changed()
      }
      await stopped.promise
      await settle(obs)
      return status()
    },
    async dispose() {
      stateWaiters.clear()
      await disconnect()
    }
  }
}
