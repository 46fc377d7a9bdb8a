/**
 * A platform sandbox in its own process (`tsx sandbox/src/cli.ts`), for specs whose sandbox must outlive
 * a browser-host restart: the host's built-in sandbox would restart with it and forget every token and
 * live, which is not what a user's Kuaishou does when Livedeck restarts.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { waitFor } from './host-process'

export interface SandboxProcess {
  readonly config: { control: string; rtmp: { port: number } } & Record<string, unknown>
  stop(): Promise<void>
}

const root = join(import.meta.dirname, '..', '..')

export async function startSandboxProcess(): Promise<SandboxProcess> {
  const child: ChildProcess = spawn(join(root, 'node_modules', '.bin', 'tsx'), ['sandbox/src/cli.ts'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let err = ''
  let exited: number | null = null
  child.stdout!.on('data', (chunk: Buffer) => void (out += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => void (err = (err + chunk.toString()).slice(-4000)))
  child.once('exit', (code) => void (exited = code ?? -1))
  const line = await waitFor(
    'the SANDBOX line',
    () => {
      if (exited !== null) throw new Error(`sandbox exited with ${exited}:\n${err}`)
      return out.split('\n').find((l) => l.startsWith('SANDBOX ')) ?? null
    },
    60_000
  )
  return {
    config: JSON.parse(line.slice('SANDBOX '.length)) as SandboxProcess['config'],
    async stop() {
      if (exited !== null) return
      child.kill('SIGTERM')
      await waitFor('the sandbox to exit', () => (exited !== null ? true : null), 15_000)
    }
  }
}
