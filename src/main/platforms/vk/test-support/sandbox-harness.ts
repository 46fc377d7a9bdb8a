/**
 * Integration-test harness: the real platform sandbox (HTTP + pubsub on 127.0.0.1), the main app on
 * the Node adapters pointed at it, and an AuthWindow that "signs in" by asking the sandbox's
 * `POST <control>/vk/consent` for the redirect location, exactly what the authorize page would do.
 * Main and the sandbox share one clock, so `advance()` expires tokens on both sides at once.
 */
import { consentAuthWindow, type ConsentChoice as SharedConsentChoice } from '../../test-support/consent-auth-window'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClock, type SandboxClock } from '../../../../../sandbox/src/core/clock'
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../../../../sandbox/src/index'
import { createNodeMainApp, type NodeMainApp } from '../../../app/node-app'
import type { AuthWindowRequest } from '../../../ports/auth-window'
import type { Fetch } from '../../../ports/http'
import type { Logger } from '../../../ports/logger'
import { loadSandboxConfig } from '../../../services/platform-endpoints'

export const USERS = { owner: 1000001, quietOwner: 1000002, moderator: 1000003, subscriber: 1000004, viewer: 1000005 } as const
export const LIVE = 'live_channel'
export const QUIET = 'quiet_channel'

export type ConsentChoice = SharedConsentChoice<number>

export interface Harness {
  readonly sandbox: RunningSandbox
  readonly clock: SandboxClock
  readonly app: NodeMainApp
  readonly logLines: string[]
  readonly copied: string[]
  readonly authRequests: AuthWindowRequest[]
  readonly clearedSessions: string[]
  /** Requests main made, by path (`/oauth/server/token`, `/v1/channel`, …). */
  readonly requests: Array<{ method: string; path: string; body: string }>
  consent: ConsentChoice
  control(path: string, body?: unknown, method?: string): Promise<unknown>
  /** Moves sandbox and app time forward. */
  advance(seconds: number): void
  stop(): Promise<void>
}

/** `scopes: 'defaults'` leaves the fresh data dir's settings untouched (the app's own default scopes). */
export async function startHarness(options: SandboxOptions & { secret?: boolean; scopes?: string[] | 'defaults' } = {}): Promise<Harness> {
  const clock = createClock()
  const sandbox = await startSandbox({ ...options, clock })
  const dataDir = mkdtempSync(join(tmpdir(), 'livedeck-vk-'))
  const logLines: string[] = []
  const line = (level: string) => (m: string, meta?: Record<string, unknown>) => void logLines.push(JSON.stringify({ level, m, meta }))
  const logger: Logger = { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') }
  const requests: Harness['requests'] = []
  const recordingFetch: Fetch = (input, init) => {
    const url = new URL(String(input))
    requests.push({ method: init?.method ?? 'GET', path: url.pathname, body: typeof init?.body === 'string' ? init.body : '' })
    return fetch(input, init)
  }
  const copied: string[] = []
  const authRequests: AuthWindowRequest[] = []
  const clearedSessions: string[] = []
  const harness: Partial<Harness> & { consent: ConsentChoice } = { consent: { user: USERS.owner } }
  const endpoints = await loadSandboxConfig(sandbox.control, fetch)
  const app = await createNodeMainApp({
    dataDir,
    endpoints,
    logger,
    clock,
    fetch: recordingFetch,
    clipboard: { writeText: (t) => Promise.resolve(void copied.push(t)) },
    authWindow: consentAuthWindow('vk', () => sandbox.control, () => harness.consent, authRequests, clearedSessions)
  })
  if (options.scopes !== 'defaults') {
    app.services.settings.update({ vk: { scopes: options.scopes ?? ['channel:credentials', 'channel:stream:settings', 'chat:settings', 'chat:message:send'] } })
  }
  if (options.secret === false) app.services.settings.clearSecret('vk.clientSecret')

  const control = async (path: string, body?: unknown, method = body === undefined ? 'GET' : 'POST'): Promise<unknown> => {
    const response = await fetch(`${sandbox.control}${path}`, {
      method,
      ...(body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    })
    const json = (await response.json())
    if (!response.ok) throw new Error(`control ${path}: ${JSON.stringify(json)}`)
    return json
  }

  return Object.assign(harness, {
    sandbox,
    clock,
    app,
    logLines,
    copied,
    authRequests,
    clearedSessions,
    requests,
    control,
    advance: (seconds: number) => clock.advance(seconds * 1000),
    async stop() {
      await app.dispose()
      await sandbox.stop()
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
}

/** Polls a condition (no fixed sleeps): resolves with its first truthy value, or fails after `timeoutMs`. */
export async function waitFor<T>(fn: () => T | undefined | null | false | Promise<T | undefined | null | false>, what: string, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const v = await fn()
    if (v) return v
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}
