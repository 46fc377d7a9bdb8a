/**
 * What a platform module (VK, Kuaishou, RTMP ingest…) receives from the core and gives back.
 *
 * The core owns the clock, the request log, the fault registry, port allocation and the control server;
 * a module builds its servers with `ctx.createServer`, listens with `ctx.listen`, contributes its part of
 * the SANDBOX JSON, registers its control routes, and restores its fixtures on reset.
 */
import type { FastifyInstance } from 'fastify'
import type { SandboxClock } from './clock'
import type { FaultRegistry } from './faults'
import type { ResolvedOptions } from './options'
import type { RequestLog } from './request-log'
import type { PlatformServerOptions } from './platform-server'

export interface SandboxContext {
  readonly clock: SandboxClock
  readonly options: ResolvedOptions
  readonly requests: RequestLog
  readonly faults: FaultRegistry
  log(line: string): void
  /** A Fastify app wired for a platform: request log, faults, form/multipart/JSON parsing. */
  createServer(platform: string, options?: PlatformServerOptions): FastifyInstance
  /** Listens on 127.0.0.1 (next fixed port, or a free one) and returns the origin, e.g. `http://127.0.0.1:5001`. */
  listen(app: FastifyInstance): Promise<string>
  /** Values modules share with each other (e.g. the RTMP module sets `rtmpPort`). */
  readonly shared: Map<string, unknown>
}

/** A module's contribution to the SANDBOX JSON. */
export interface ConfigContribution {
  /** Top-level sections, e.g. `{ vk: { authorizeUrl, … } }` or `{ rtmp: { port } }`. */
  sections?: Record<string, unknown>
  /** `apps[name]`. */
  app?: Record<string, unknown>
  /** `users[name]`. */
  users?: unknown[]
  /** Extra listings, e.g. `channels[name]`. */
  channels?: unknown[]
}

export interface WsFault {
  wsDrop?: boolean
  wsClose?: number | { code: number; reason?: string }
  batch?: boolean
  count: number
}

export interface PlatformModule {
  /** `vk`, `kuaishou`, `rtmp`: the `platform` of faults and of the request log. */
  readonly name: string
  start(): Promise<void>
  config(): ConfigContribution
  /** Control routes under `<control>/` (register with the module's own prefix, e.g. `/vk/...`). */
  registerControl?(control: FastifyInstance): void
  /** `POST /apps/redirect`: register an extra redirect URI for the module's app. */
  addRedirectUri?(uri: string): void
  /**
   * Pubsub faults: `wsDrop` (ignore pongs), `batch` (newline-batched frames), `wsClose` (close the open
   * connections now, then the next `count - 1` that connect; call `used()` once that is done).
   */
  applyWsFault?(fault: WsFault, used: () => void): void
  /** `DELETE /faults`: lift any lasting fault (e.g. dropped pongs). */
  clearFaults?(): void
  /** `POST /reset`: restore fixtures, forget tokens, messages and state. */
  reset(): void
  stop(): Promise<void>
}

export type PlatformFactory = (ctx: SandboxContext) => PlatformModule
