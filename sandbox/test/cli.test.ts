/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument -- the printed config is untyped JSON */
/**
 * `npm run sandbox` (tsx sandbox/src/cli.ts): exactly one stdout line `SANDBOX <json>` when ready — also
 * through npm itself, and still after API traffic and an RTMP publish (every log goes to stderr) — with
 * the keys of issue 3 and issue 4, the JSON equals `GET <control>/config`, SANDBOX_PORT / SANDBOX_RTMP_PORT
 * fix the ports, and SIGTERM / SIGINT exit 0.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { killEncoders, publish, withTimeout } from './ffmpeg-publish'
import { waitFor } from './kuaishou-harness'

const ROOT = join(import.meta.dirname, '..', '..')
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx')

interface Run {
  child: ChildProcessWithoutNullStreams
  stdout: () => string
  stderr: () => string
  config: Record<string, any>
  exit: Promise<number | null>
}

/** `detached` gives the run its own process group, so a signal can reach it the way Ctrl-C in a terminal does. */
async function startCli(env: Record<string, string> = {}, command: [string, string[]] = [TSX, ['sandbox/src/cli.ts']], detached = false): Promise<Run> {
  const child = spawn(command[0], command[1], { cwd: ROOT, detached, env: { ...process.env, SANDBOX_PORT: '', SANDBOX_RTMP_PORT: '', ...env } })
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

const URL_NO_SLASH = /^(http|ws):\/\/127\.0\.0\.1:\d+(\/[^?]*[^/?])?(\?.*)?$/

/** Issue 3's key list and issue 4's additions, with their types. */
type VkUser = { id: number; nick: string; channel_url: string; role: string }
type KsUser = { open_id: string; name: string; flags: string[] }

function expectIssueKeys(config: Record<string, any>): void {
  const vkUsers = config.users.vk as VkUser[]
  const ksUsers = config.users.kuaishou as KsUser[]
  expect(config.control).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  for (const key of ['authorizeUrl', 'tokenUrl', 'revokeUrl', 'apiBase', 'pubsubUrl']) expect(config.vk[key], key).toMatch(URL_NO_SLASH)
  expect(config.vk.apiBase).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  expect(config.vk.pubsubUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/connection\/websocket\?format=json&cf_protocol_version=v2$/)
  expect(config.kuaishou.openBase).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  expect(Number.isInteger(config.rtmp.port) && config.rtmp.port > 0).toBe(true)
  for (const key of ['client_id', 'client_secret', 'redirect_uri']) expect(typeof config.apps.vk[key], key).toBe('string')
  for (const key of ['app_id', 'app_secret', 'redirect_uri']) expect(typeof config.apps.kuaishou[key], key).toBe('string')
  for (const user of vkUsers) {
    expect(Object.keys(user)).toEqual(expect.arrayContaining(['id', 'nick', 'channel_url', 'role']))
    expect(['owner', 'moderator', 'subscriber', 'viewer', 'bot']).toContain(user.role)
  }
  expect(vkUsers.filter((u) => u.role === 'owner').length).toBeGreaterThanOrEqual(2)
  for (const user of ksUsers) {
    expect(typeof user.open_id).toBe('string')
    expect(typeof user.name).toBe('string')
    expect(Array.isArray(user.flags)).toBe(true)
  }
  for (const flag of ['no_live_permission', 'no_shop', 'face_verify', 'banned_global', 'banned_region', 'no_live_scope']) {
    expect(ksUsers.some((u) => u.flags.includes(flag)), flag).toBe(true)
  }
  expect(ksUsers.some((u) => u.flags.length === 0)).toBe(true)
}

describe('npm run sandbox', () => {
  afterEach(killEncoders)

  it('prints exactly one stdout line with the issue 3 + 4 keys, even after API traffic and an RTMP publish; SIGINT to the group stops it cleanly', async () => {
    const rtmpPort = await freePort()
    const run = await startCli({ SANDBOX_RTMP_PORT: String(rtmpPort) }, ['npm', ['run', 'sandbox']], true)
    const { config } = run
    expectIssueKeys(config)
    expect(config.rtmp.port).toBe(rtmpPort)

    // API traffic on every server, with a refused call and an unknown path among it.
    const basic = 'Basic ' + Buffer.from(`${config.apps.vk.client_id}:${config.apps.vk.client_secret}`).toString('base64')
    expect((await fetch(`${config.vk.apiBase}/v1/channel?channel_url=live_channel`, { headers: { authorization: basic } })).status).toBe(200)
    expect((await fetch(`${config.vk.apiBase}/v1/current_user`)).status).toBe(401)
    expect((await fetch(`${config.kuaishou.openBase}/openapi/user_info?app_id=x&access_token=y`)).status).toBe(200)
    expect((await fetch(`${config.control}/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ platform: 'vk', path: '/v1/x', status: 503 }) })).status).toBe(200)
    expect((await fetch(`${config.vk.apiBase}/v1/x`)).status).toBe(503)

    // An RTMP publish: VK credentials of the offline channel make it live.
    const owner = (config.users.vk as VkUser[]).find((u) => u.role === 'owner' && u.channel_url === 'quiet_channel')!
    const app = config.apps.vk
    const consent = await fetch(`${config.control}/vk/consent`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ client_id: app.client_id, redirect_uri: app.redirect_uri, response_type: 'code', scope: 'channel:credentials', user: owner.id }) })
    const code = new URL(((await consent.json()) as { location: string }).location).searchParams.get('code') ?? ''
    const tokens = await fetch(config.vk.tokenUrl, { method: 'POST', headers: { authorization: basic }, body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: app.redirect_uri }) })
    const { access_token } = (await tokens.json()) as { access_token: string }
    const credentials = ((await (await fetch(`${config.vk.apiBase}/v1/channel/credentials?channel_url=quiet_channel`, { headers: { authorization: `Bearer ${access_token}` } })).json()) as { data: { url: string; token: string } }).data
    expect(credentials.url).toBe(`rtmp://127.0.0.1:${rtmpPort}/vk`)
    const encoder = publish(`${credentials.url}/${credentials.token}`, 30)
    const channelStatus = async (): Promise<string> => ((await (await fetch(`${config.vk.apiBase}/v1/channel?channel_url=quiet_channel`, { headers: { authorization: basic } })).json()) as { data: { channel: { status: string } } }).data.channel.status
    await waitFor(channelStatus, (s) => s === 'online', 15_000)
    encoder.child.kill('SIGKILL')
    await withTimeout(encoder.exited, 5000, 'ffmpeg exit')
    await waitFor(channelStatus, (s) => s === 'offline', 5000, 50)

    await stopLikeATerminal(run, 'SIGINT')
    const lines = run.stdout().split('\n')
    // Exactly one line, newline-terminated, and nothing after it.
    expect(lines).toHaveLength(2)
    expect(lines[1]).toBe('')
    expect(lines[0]!.startsWith('SANDBOX {')).toBe(true)
    expect(JSON.parse(lines[0]!.slice('SANDBOX '.length))).toEqual(config)
    // The logs went to stderr: the publish was logged there.
    expect(run.stderr()).toContain('rtmp: publish /vk/')
  })

  it('SIGTERM to the process group: the sandbox stops cleanly and prints nothing more', async () => {
    const run = await startCli({}, ['npm', ['run', 'sandbox']], true)
    expectIssueKeys(run.config)
    await stopLikeATerminal(run, 'SIGTERM')
    expect(await run.exit).toBe(0)
    expect(run.stdout().split('\n')).toEqual([expect.stringMatching(/^SANDBOX \{/), ''])
  })

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} to npm's pid alone: npm exits 0 and the sandbox does not outlive it`, async () => {
      const run = await startCli({}, ['npm', ['run', 'sandbox']])
      const control = run.config.control as string
      run.child.kill(signal)
      expect(await withTimeout(run.exit, 10_000, `npm exit after ${signal}`)).toBe(0)
      await expect(fetch(`${control}/config`)).rejects.toThrow()
    })
  }
})

/**
 * Signals the whole process group (npm → sh → tsx → node), as a terminal's Ctrl-C does, and checks that
 * the sandbox itself took the exit-0 path (it logs "stopped" right before `process.exit(0)`) and that its
 * ports are closed. The script `exec`s tsx so that no `sh -c` sits between npm and the sandbox (a shell
 * would die of the signal first and make npm report it).
 */
async function stopLikeATerminal(run: Run, signal: 'SIGINT' | 'SIGTERM'): Promise<void> {
  const control = run.config.control as string
  process.kill(-run.child.pid!, signal)
  await withTimeout(run.exit, 10_000, `npm exit after ${signal}`)
  await waitFor(() => Promise.resolve(run.stderr()), (err) => err.includes('[sandbox] stopped'), 10_000, 50)
  expect(run.stderr()).toContain(`[sandbox] ${signal}: stopping`)
  expect(run.stderr()).not.toContain('stop failed')
  await expect(fetch(`${control}/config`)).rejects.toThrow()
}
