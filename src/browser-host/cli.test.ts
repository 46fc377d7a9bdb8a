/**
 * `npm run web`'s process contract, on the real CLI in a child process: the printed lines, state
 * kept in LIVEDECK_DATA_DIR across restarts, LIVEDECK_LANG, its own sandbox, and exit 0 on SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Result } from '../shared/ipc/result'
import type { AppInfo, SettingsView } from '../shared/ipc/domain'
import { connectPage, fakeRendererDir, tokenOf, type TestPage } from './server/test-support'

const repoRoot = join(import.meta.dirname, '..', '..')
const running = new Set<ChildProcess>()

interface Cli {
  readonly child: ChildProcess
  readonly lines: string[]
  readonly url: string
  readonly exited: Promise<number | null>
}

async function startCli(env: Record<string, string>): Promise<Cli> {
  const child = spawn(join(repoRoot, 'node_modules', '.bin', 'tsx'), ['src/browser-host/cli.ts'], {
    cwd: repoRoot,
    env: { ...process.env, LIVEDECK_RENDERER_DIR: fakeRendererDir(), WEB_PORT: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  running.add(child)
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  void exited.then(() => running.delete(child))
  let stderr = ''
  child.stderr.on('data', (d: Buffer) => void (stderr += d.toString()))
  const lines: string[] = []
  const url = await new Promise<string>((resolve, reject) => {
    let buffered = ''
    child.stdout.on('data', (d: Buffer) => {
      buffered += d.toString()
      const complete = buffered.split('\n')
      buffered = complete.pop() ?? ''
      lines.push(...complete)
      const last = lines.at(-1)
      if (last?.startsWith('WEB_URL=')) resolve(last.slice('WEB_URL='.length))
    })
    void exited.then((code) => reject(new Error(`cli exited with ${code}: ${stderr.slice(-2000)}`)))
  })
  return { child, lines, url, exited }
}

async function openPage(url: string): Promise<TestPage> {
  const token = tokenOf(await (await fetch(url)).text())
  return connectPage(url, { token })
}

let nextId = 1
async function invoke<T>(page: TestPage, channel: string, input?: unknown): Promise<Result<T>> {
  const id = nextId++
  page.send({ t: 'invoke', id, channel, input })
  const message = await page.next((m) => m.t === 'result' && m.id === id)
  return (message as { result: Result<T> }).result
}

async function stop(cli: Cli): Promise<number | null> {
  cli.child.kill('SIGTERM')
  return cli.exited
}

afterEach(() => {
  for (const child of running) child.kill('SIGKILL')
})

describe('npm run web (browser-host CLI)', () => {
  it('prints WEB_URL last, keeps state in LIVEDECK_DATA_DIR across restarts, and exits 0 on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'livedeck-cli-'))
    const first = await startCli({ LIVEDECK_DATA_DIR: dataDir, LIVEDECK_SANDBOX: 'none', LIVEDECK_LANG: 'ru' })
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    expect(first.lines.filter((l) => l.startsWith('SANDBOX '))).toEqual([])

    const page = await openPage(first.url)
    const initial = await invoke<SettingsView>(page, 'settings.get')
    expect(initial.ok && initial.value.language).toBe('ru')
    const info = await invoke<AppInfo>(page, 'app.getInfo')
    expect(info.ok && info.value).toMatchObject({ platform: 'web', sandbox: { active: false } })
    expect((await invoke(page, 'settings.update', { vk: { clientId: 'kept-across-restart' } })).ok).toBe(true)
    expect((await invoke(page, 'secrets.set', { key: 'kuaishou.appSecret', value: 's3cr3t-value' })).ok).toBe(true)
    page.ws.close()
    expect(await stop(first)).toBe(0)

    // Same data dir, no forced language: the saved language and values come back.
    const second = await startCli({ LIVEDECK_DATA_DIR: dataDir, LIVEDECK_SANDBOX: 'none' })
    const again = await openPage(second.url)
    const restored = await invoke<SettingsView>(again, 'settings.get')
    expect(restored.ok && restored.value).toMatchObject({
      language: 'ru',
      vk: { clientId: 'kept-across-restart' },
      kuaishou: { appSecretConfigured: true }
    })
    expect(JSON.stringify(restored)).not.toContain('s3cr3t-value')
    again.ws.close()
    second.child.kill('SIGINT')
    expect(await second.exited).toBe(0)
  })

  it('starts its own sandbox unless LIVEDECK_SANDBOX is set, printing SANDBOX before WEB_URL', async () => {
    const cli = await startCli({ LIVEDECK_DATA_DIR: mkdtempSync(join(tmpdir(), 'livedeck-cli-')) })
    const sandboxAt = cli.lines.findIndex((l) => l.startsWith('SANDBOX '))
    expect(sandboxAt).toBeGreaterThanOrEqual(0)
    expect(sandboxAt).toBeLessThan(cli.lines.length - 1)
    const config = JSON.parse(cli.lines[sandboxAt]!.slice('SANDBOX '.length)) as { control: string }
    expect((await fetch(new URL('config', `${config.control}/`))).ok).toBe(true)

    const page = await openPage(cli.url)
    const info = await invoke<AppInfo>(page, 'app.getInfo')
    expect(info.ok && info.value.sandbox.active).toBe(true)
    page.ws.close()
    expect(await stop(cli)).toBe(0)
  })
})
