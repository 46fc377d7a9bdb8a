/**
 * Integration-test harness for Kuaishou: the real sandbox (open platform + RTMP ingest on 127.0.0.1),
 * the main app on the Node adapters pointed at it, and an AuthWindow that "signs in" by asking the
 * sandbox's `POST <control>/kuaishou/consent` for the redirect location (what the authorize page does).
 * Main and the sandbox share one clock, so `advance()` moves token, push-URL and poll timers together.
 * `restart()` starts a new app instance on the same data dir (crash recovery).
 */
import { consentAuthWindow, type ConsentChoice } from '../../test-support/consent-auth-window'
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClock, type SandboxClock } from '../../../../../sandbox/src/core/clock'
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../../../../sandbox/src/index'
import type { EventName, EventPayloads } from '../../../../shared/ipc/contract'
import { createNodeMainApp, type NodeMainApp } from '../../../app/node-app'
import type { AuthWindowRequest } from '../../../ports/auth-window'
import type { Logger } from '../../../ports/logger'
import { loadSandboxConfig, type PlatformEndpoints } from '../../../services/platform-endpoints'

/** Sandbox fixture users (sandbox/src/kuaishou/fixtures.ts), by what they are for. */
export const KS_USERS = {
  streamer: 'f0a1b2c3d4e5f60718293a4b5c6d7e01',
  noLive: 'f0a1b2c3d4e5f60718293a4b5c6d7e02',
  noShop: 'f0a1b2c3d4e5f60718293a4b5c6d7e03',
  faceVerify: 'f0a1b2c3d4e5f60718293a4b5c6d7e04',
  riskControl: 'f0a1b2c3d4e5f60718293a4b5c6d7e05',
  bannedGlobal: 'f0a1b2c3d4e5f60718293a4b5c6d7e06',
  bannedRegion: 'f0a1b2c3d4e5f60718293a4b5c6d7e07',
  noLiveScope: 'f0a1b2c3d4e5f60718293a4b5c6d7e08'
} as const

export type KsConsent = ConsentChoice<string>

export interface SandboxRequest {
  method: string
  path: string
  query: Record<string, unknown>
  headers: Record<string, unknown>
  body: unknown
  files: Array<{ field: string; filename: string; size: number; contentType: string }>
}

export interface KsHarness {
  readonly sandbox: RunningSandbox
  readonly clock: SandboxClock
  readonly dataDir: string
  app: NodeMainApp
  readonly copied: string[]
  /** Everything main logged (JSON lines). */
  readonly logLines: string[]
  readonly notifications: Array<{ title: string; body: string }>
  readonly events: Array<{ name: EventName; payload: unknown }>
  readonly authRequests: AuthWindowRequest[]
  readonly clearedSessions: string[]
  consent: KsConsent
  control(path: string, body?: unknown, method?: string): Promise<unknown>
  /** Requests the sandbox's Kuaishou server received (paths like `/openapi/kwaiUser/live/pushUrls`). */
  requests(path?: string): Promise<SandboxRequest[]>
  fault(fault: Record<string, unknown>): Promise<void>
  advance(ms: number): void
  /** Waits until `check` returns a value (not undefined/false), or fails after `timeoutMs`. */
  waitFor<T>(check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs?: number): Promise<T>
  eventsOf<E extends EventName>(name: E): Array<EventPayloads[E]>
  /** A fresh app instance on the same data dir and sandbox (the old one is disposed first; `between` runs while none is up). */
  restart(between?: () => void | Promise<void>): Promise<NodeMainApp>
  /** Publishes a test stream with ffmpeg (H.264 + AAC) to an RTMP URL; `stop()` kills it. */
  publish(rtmpUrl: string): { stop(): Promise<void> }
  stop(): Promise<void>
}

/** A 720×1280 JPEG made by Debian's ffmpeg. */
export function makeCover(): Uint8Array<ArrayBuffer> {
  const dir = mkdtempSync(join(tmpdir(), 'ks-cover-'))
  try {
    const file = join(dir, 'cover.jpg')
    execFileSync('ffmpeg', ['-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=s=720x1280', '-frames:v', '1', file])
    return new Uint8Array(readFileSync(file))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export async function startKsHarness(options: SandboxOptions = {}): Promise<KsHarness> {
  const clock = createClock()
  const sandbox = await startSandbox({ ...options, clock })
  const dataDir = mkdtempSync(join(tmpdir(), 'livedeck-ks-'))
  const endpoints: PlatformEndpoints = await loadSandboxConfig(sandbox.control, fetch)
  const logLines: string[] = []
  const line = (level: string) => (message: string, meta?: Record<string, unknown>) =>
    void logLines.push(JSON.stringify({ level, message, meta }, (_k, v: unknown) => (v instanceof Error ? { name: v.name, message: v.message } : v)))
  const logger: Logger = { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') }
  const copied: string[] = []
  const notifications: KsHarness['notifications'] = []
  const events: KsHarness['events'] = []
  const authRequests: AuthWindowRequest[] = []
  const clearedSessions: string[] = []
  const publishers = new Set<ChildProcess>()
  const h = { consent: { user: KS_USERS.streamer } } as KsHarness

  const createApp = async (): Promise<NodeMainApp> => {
    const app = await createNodeMainApp({
      dataDir,
      endpoints,
      logger,
      clock,
      clipboard: { writeText: (t) => Promise.resolve(void copied.push(t)) },
      notifier: { notify: (n) => void notifications.push(n) },
      authWindow: consentAuthWindow('kuaishou', () => sandbox.control, () => h.consent, authRequests, clearedSessions)
    })
    app.events.subscribe((name, payload) => void events.push({ name, payload }))
    return app
  }

  const control = async (path: string, body?: unknown, method = body === undefined ? 'GET' : 'POST'): Promise<unknown> => {
    const response = await fetch(`${sandbox.control}${path}`, {
      method,
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    })
    const json: unknown = await response.json()
    if (!response.ok) throw new Error(`control ${path}: ${JSON.stringify(json)}`)
    return json
  }

  const waitFor = async <T>(check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> => {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const value = await check()
      if (value !== undefined && value !== false) return value
      if (Date.now() > deadline) throw new Error('waitFor: condition not met in time')
      await new Promise((r) => setTimeout(r, 25))
    }
  }

  return Object.assign(h, {
    sandbox,
    clock,
    dataDir,
    app: await createApp(),
    copied,
    logLines,
    notifications,
    events,
    authRequests,
    clearedSessions,
    control,
    async requests(path?: string) {
      const all = (await control('/requests?platform=kuaishou')) as SandboxRequest[]
      return path === undefined ? all : all.filter((r) => r.path === path || r.path.startsWith(`${path}/`))
    },
    async fault(fault: Record<string, unknown>) {
      await control('/faults', { platform: 'kuaishou', ...fault })
    },
    advance: (ms: number) => clock.advance(ms),
    waitFor,
    eventsOf: <E extends EventName>(name: E) => events.filter((e) => e.name === name).map((e) => e.payload as EventPayloads[E]),
    async restart(between?: () => void | Promise<void>) {
      await h.app.dispose()
      await between?.()
      h.app = await createApp()
      return h.app
    },
    publish(rtmpUrl: string) {
      const child = spawn(
        'ffmpeg',
        ['-loglevel', 'error', '-re', '-f', 'lavfi', '-i', 'testsrc=s=320x240:r=15', '-f', 'lavfi', '-i', 'sine=f=440',
          '-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-g', '15', '-c:a', 'aac', '-f', 'flv', rtmpUrl],
        { stdio: 'ignore' }
      )
      publishers.add(child)
      return {
        stop: () =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve()
            child.once('exit', () => resolve())
            child.kill('SIGKILL')
          }).finally(() => publishers.delete(child))
      }
    },
    async stop() {
      for (const child of publishers) child.kill('SIGKILL')
      await h.app.dispose()
      await sandbox.stop()
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
}
