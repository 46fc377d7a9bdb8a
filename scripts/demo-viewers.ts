/**
 * `npm run demo:web`: the browser host on its own sandbox (both apps pre-filled by the host) plus
 * simulated viewers on the sandbox's live VK channel — chat in ru/zh/en with smiles and mentions from
 * the sandbox firehose, and a follow now and then. The host's stdout is passed through, so
 * `WEB_URL=` is still the last stdout line; this driver logs to stderr only. SIGINT/SIGTERM go to the
 * host, which stops the sandbox and exits 0. `--electron` (`npm run demo`): the same with the Electron app.
 *
 *   DEMO_CHANNEL   VK channel the viewers write in (default: the sandbox's live channel)
 *   DEMO_RATE      firehose messages per second (default 1)
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const channel = process.env.DEMO_CHANNEL || 'live_channel'
const rate = Number(process.env.DEMO_RATE || 1)
/** Firehose bursts are requested for this long, then renewed (the sandbox paces them in real time). */
const BURST_S = 60
const EVENT_EVERY_MS = 15_000
const followers = ['Снежинка', '小星星', 'pixel_fox', 'Бармалей', '月亮船', 'quiet_otter']

const log = (line: string): void => void process.stderr.write(`[demo] ${line}\n`)

async function control(base: string, path: string, body: unknown): Promise<void> {
  const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`)
}

function startViewers(base: string): () => void {
  let n = 0
  const burst = (): void => void control(base, '/vk/chat/firehose', { channel_url: channel, rate, durationS: BURST_S }).catch((e: unknown) => log(String(e)))
  const event = (): void => {
    const data = { user: { nick: followers[n++ % followers.length] } }
    void control(base, '/vk/event', { channel_url: channel, type: 'follow', data }).catch((e: unknown) => log(String(e)))
  }
  burst()
  const timers = [setInterval(burst, BURST_S * 1000), setInterval(event, EVENT_EVERY_MS)]
  log(`viewers chatting on ${channel} (${rate}/s), a follow every ${EVENT_EVERY_MS / 1000} s`)
  return () => timers.forEach(clearInterval)
}

const tsx = (script: string, env: NodeJS.ProcessEnv = process.env) =>
  spawn(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, script)], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] })

/** Passes a child's stdout through and calls back with the sandbox's control URL once it prints it. */
function follow(child: ChildProcess, onSandbox: (control: string) => void): void {
  createInterface({ input: child.stdout! }).on('line', (line) => {
    process.stdout.write(`${line}\n`)
    if (!line.startsWith('SANDBOX ')) return
    const sandbox = JSON.parse(line.slice('SANDBOX '.length)) as { control?: string }
    if (sandbox.control) onSandbox(sandbox.control)
  })
}

const children: ChildProcess[] = []
let stopViewers = (): void => {}
const stopAll = (signal: NodeJS.Signals): void => children.forEach((c) => c.exitCode === null && c.kill(signal))
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stopAll(signal))
const exitWith = (code: number | null): void => {
  stopViewers()
  stopAll('SIGTERM')
  process.exit(code ?? 0)
}

if (process.argv.includes('--electron')) {
  // `npm run demo`: the sandbox on its own, then the Electron app pointed at it (needs the Electron binary).
  const sandbox = tsx('sandbox/src/cli.ts')
  children.push(sandbox)
  follow(sandbox, (base) => {
    stopViewers = startViewers(base)
    const app = spawn(join(root, 'node_modules', '.bin', 'electron-vite'), ['preview'], { cwd: root, env: { ...process.env, LIVEDECK_SANDBOX: base }, stdio: 'inherit' })
    children.push(app)
    app.on('exit', exitWith)
  })
  sandbox.on('exit', exitWith)
} else {
  const host = tsx('src/browser-host/cli.ts')
  children.push(host)
  follow(host, (base) => void (stopViewers = startViewers(base)))
  host.on('exit', exitWith)
}
