/**
 * Runs the browser host (`tsx src/browser-host/cli.ts`) as a separate process for the e2e suite and
 * reads the lines it prints (`SANDBOX <json>`, then `WEB_URL=<url>` last). Output goes to files rather
 * than pipes so the host outlives whichever Playwright process started it; the state file says which
 * host is current so any process (setup, a spec, teardown) can stop or restart it.
 */
import { spawn } from 'node:child_process'
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

export interface HostState {
  readonly pid: number
  readonly url: string
  /** The `SANDBOX` JSON when the host started its own sandbox. */
  readonly sandbox: Record<string, unknown> | null
  readonly dataDir: string
  /** Where each start's stdout/stderr files go. */
  readonly logDir: string
  readonly starts: number
}

const root = join(import.meta.dirname, '..', '..')
const STATE_ENV = 'LIVEDECK_E2E_STATE'
const START_TIMEOUT_MS = 90_000

export function statePath(): string {
  const path = process.env[STATE_ENV]
  if (!path) throw new Error(`${STATE_ENV} is not set: is the Playwright global setup configured?`)
  return path
}
/** Whether a host was started in this run (the setup can fail before that). */
export const hasState = (): boolean => Boolean(process.env[STATE_ENV]) && existsSync(process.env[STATE_ENV]!)
export const setStatePath = (path: string): void => void (process.env[STATE_ENV] = path)
export const readState = (): HostState => JSON.parse(readFileSync(statePath(), 'utf8')) as HostState
const writeState = (state: HostState): void => writeFileSync(statePath(), JSON.stringify(state, null, 2))

/** Waits for a condition, checking every 50 ms, failing after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => T | null | undefined, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = probe()
    if (value !== null && value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

interface StartOptions {
  readonly dataDir: string
  readonly logDir: string
  readonly starts?: number
  /** Reuse a port so an open page can simply reload after a restart. */
  readonly port?: number
  readonly env?: Record<string, string>
}

export async function startHost(options: StartOptions): Promise<HostState> {
  mkdirSync(options.logDir, { recursive: true })
  const starts = (options.starts ?? 0) + 1
  const outFile = join(options.logDir, `host-${starts}.out`)
  const errFile = join(options.logDir, `host-${starts}.err`)
  const out = openSync(outFile, 'w')
  const err = openSync(errFile, 'w')
  const env: NodeJS.ProcessEnv = { ...process.env, LIVEDECK_DATA_DIR: options.dataDir, LIVEDECK_LANG: 'en', ...options.env }
  if (options.port) env.WEB_PORT = String(options.port)
  else delete env.WEB_PORT
  const child = spawn(join(root, 'node_modules', '.bin', 'tsx'), ['src/browser-host/cli.ts'], { cwd: root, env, stdio: ['ignore', out, err] })
  closeSync(out)
  closeSync(err)
  let exited: number | null = null
  child.once('exit', (code) => void (exited = code ?? -1))
  child.unref()

  const lines = await waitFor(
    'WEB_URL= from the browser host',
    () => {
      if (exited !== null) throw new Error(`browser host exited with ${exited}:\n${readFileSync(errFile, 'utf8').slice(-4000)}`)
      const text = existsSync(outFile) ? readFileSync(outFile, 'utf8') : ''
      const all = text.split('\n').filter((l) => l !== '')
      return all.at(-1)?.startsWith('WEB_URL=') ? all : null
    },
    START_TIMEOUT_MS
  )
  const sandboxLine = lines.find((l) => l.startsWith('SANDBOX '))
  const state: HostState = {
    pid: child.pid!,
    url: lines.at(-1)!.slice('WEB_URL='.length),
    sandbox: sandboxLine ? (JSON.parse(sandboxLine.slice('SANDBOX '.length)) as Record<string, unknown>) : null,
    dataDir: options.dataDir,
    logDir: options.logDir,
    starts
  }
  writeState(state)
  return state
}

/** SIGTERM and wait for the process to be gone (the host exits 0 on SIGTERM). */
export async function stopHost(state: HostState = readState()): Promise<void> {
  if (!alive(state.pid)) return
  process.kill(state.pid, 'SIGTERM')
  await waitFor('the browser host to exit', () => (alive(state.pid) ? null : true), 15_000)
}

/** Stops the current host and starts a new one on the same data dir and port. */
export async function restartHost(): Promise<HostState> {
  const old = readState()
  await stopHost(old)
  return startHost({ dataDir: old.dataDir, logDir: old.logDir, starts: old.starts, port: Number(new URL(old.url).port) })
}
