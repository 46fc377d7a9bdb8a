/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access -- the printed config is untyped JSON */
/**
 * `npm run sandbox` (tsx sandbox/src/cli.ts): exactly one stdout line `SANDBOX <json>` when ready, logs on
 * stderr, the JSON equals `GET <control>/config`, SANDBOX_PORT fixes the control port, and SIGTERM /
 * SIGINT exit 0.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(import.meta.dirname, '..', '..')
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx')

interface Run {
  child: ChildProcessWithoutNullStreams
  stdout: () => string
  stderr: () => string
  config: Record<string, any>
  exit: Promise<number | null>
}

async function startCli(env: Record<string, string> = {}): Promise<Run> {
  const child = spawn(TSX, ['sandbox/src/cli.ts'], { cwd: ROOT, env: { ...process.env, SANDBOX_PORT: '', SANDBOX_RTMP_PORT: '', ...env } })
  let out = ''
  let err = ''
  child.stderr.on('data', (d: Buffer) => (err += d.toString()))
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const line = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no SANDBOX line in 20 s; stderr: ${err}`)), 20_000)
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString()
      const nl = out.indexOf('\n')
      if (nl >= 0) {
        clearTimeout(timer)
        resolve(out.slice(0, nl))
      }
    })
    void exit.then((code) => reject(new Error(`exited ${code} before ready; stderr: ${err}`)))
  })
  expect(line.startsWith('SANDBOX ')).toBe(true)
  return { child, stdout: () => out, stderr: () => err, config: JSON.parse(line.slice('SANDBOX '.length)) as Record<string, any>, exit }
}

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })

describe('sandbox CLI', () => {
  it('prints one SANDBOX line with the config, serves it at /config, and exits 0 on SIGTERM', async () => {
    const run = await startCli()
    const { config } = run
    expect(config.control).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    for (const key of ['authorizeUrl', 'tokenUrl', 'revokeUrl', 'apiBase', 'pubsubUrl']) expect(typeof config.vk[key]).toBe('string')
    expect(config.apps.vk.client_id).toBeTruthy()
    expect(config.users.vk.length).toBeGreaterThan(0)
    const served = await (await fetch(`${config.control}/config`)).json()
    expect(served).toEqual(config)
    // The API answers while it runs.
    expect((await fetch(`${config.vk.apiBase}/v1/nothing`)).status).toBe(404)
    run.child.kill('SIGTERM')
    expect(await run.exit).toBe(0)
    expect(run.stdout().trimEnd().split('\n')).toHaveLength(1)
    expect(run.stderr()).toContain('[sandbox]')
  })

  it('takes the control port from SANDBOX_PORT and exits 0 on SIGINT', async () => {
    const port = await freePort()
    const run = await startCli({ SANDBOX_PORT: String(port) })
    expect(run.config.control).toBe(`http://127.0.0.1:${port}`)
    run.child.kill('SIGINT')
    expect(await run.exit).toBe(0)
  })
})
