/**
 * Boot test: the real built main bundle, run in a child Node process with `electron` resolved to a
 * recording stub (test/boot/). Asserts what the shell promises: every contract channel registered
 * through the router under `livedeck:`, hardened windows with a preload that exists in the build,
 * both schemes privileged before ready and handled, the single-instance lock, deny-all permissions,
 * denied popups and navigation, and the router's sender check on the registered handlers.
 *
 * The build goes to .tmp/boot-build (not out/, which the e2e suite rebuilds) and is redone only when
 * a source file is newer than the last build.
 */
import { spawn } from 'node:child_process'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { invokeChannelNames, ipcChannel } from '../src/shared/ipc/contract'

const root = resolve(import.meta.dirname, '..')
const buildDir = join(root, '.tmp', 'boot-build')
const stamp = join(buildDir, '.built-at')
/** Handlers third-party code registers on its own (electron-log's renderer bridge; our preload never exposes it). */
const thirdPartyChannels = ['__ELECTRON_LOG__']

function newestSourceMtime(): number {
  const inputs = ['src/main', 'src/preload', 'src/shared', 'src/renderer', 'electron.vite.config.ts', 'package.json']
  let newest = 0
  for (const input of inputs) {
    const path = join(root, input)
    const files = statSync(path).isDirectory()
      ? readdirSync(path, { recursive: true, withFileTypes: true })
          .filter((d) => d.isFile())
          .map((d) => join(d.parentPath, d.name))
      : [path]
    for (const f of files) newest = Math.max(newest, statSync(f).mtimeMs)
  }
  return newest
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(cmd, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      fail(new Error(`${cmd} ${args.join(' ')} timed out\n${stderr}`))
    }, timeoutMs)
    child.on('error', fail)
    child.on('close', (code) => {
      clearTimeout(timer)
      done({ code, stdout, stderr })
    })
  })
}

async function ensureBuild(): Promise<void> {
  let builtAt = 0
  try {
    builtAt = Number(readFileSync(stamp, 'utf8'))
  } catch {
    // never built
  }
  if (builtAt > newestSourceMtime()) return
  mkdirSync(join(root, '.tmp'), { recursive: true })
  const startedAt = Date.now()
  // flock: two test runs at once must not write the same directory.
  const build = await run(
    'flock',
    [join(root, '.tmp', 'boot-build.lock'), join(root, 'node_modules', '.bin', 'electron-vite'), 'build', '--outDir', buildDir],
    process.env,
    240_000
  )
  if (build.code !== 0) throw new Error(`electron-vite build failed\n${build.stdout}\n${build.stderr}`)
  writeFileSync(stamp, String(startedAt))
}

interface WindowProbe {
  webPreferences: Record<string, unknown>
  preloadExists: boolean
  preloadInOut: boolean
  loaded: string[]
  willNavigate: { listeners: number; prevented: boolean }
  willRedirect: { listeners: number; prevented: boolean }
  webviewPrevented: boolean
  popups: Array<{ url: string; action: string }> | null
  openedExternally: string[]
}
interface HttpProbe {
  status: number
  csp: string | null
  type: string | null
  body: string
}
interface BootResult {
  singleInstanceLock: number[]
  privilegedSchemes: Array<{ seq: number; schemes: Array<{ scheme: string; privileges?: Record<string, boolean> }> }>
  readySeq: number | null
  ipcHandles: string[]
  windows: WindowProbe[]
  sessions: Array<{ name: string; requestAnswers: Record<string, boolean>; check: boolean | null; device: boolean | null }>
  protocols: { imageGuard: { platformHostCancelled: boolean; foreignHostCancelled: boolean; probeCancelled: boolean | null } | null; handled: string[]; index: HttpProbe | null; traversal: HttpProbe | null; foreignImage: HttpProbe | null }
  ipc: Record<'getInfo' | 'settings' | 'foreignOrigin' | 'subFrame' | 'otherWindow' | 'badInput' | 'update', { ok: boolean; value?: unknown; error?: { code: string; message: string } }>
  secondInstanceFocused: boolean
  quitBeforeProbe: number[]
  sent: Array<{ channel: string; language?: string }>
  quit: { prevented: boolean; quitCalls: number; handlersAfter: string[] }
  native: {
    menus: Array<Array<string | undefined>>
    roles: string[]
    menuInstalls: number
    openLogsLabel: string | null
    openedPaths: string[]
    windowBounds: { x: number; y: number; width: number; height: number }
    savedWindow: unknown
    powerListeners: { suspend: number; resume: number }
    powerSaveBlockers: Array<{ id: number; type: string; stopped: boolean }>
    beforeQuitPrevented: boolean
    messageBoxes: number
  }
  powerListenersAfterQuit: { suspend: number; resume: number }
}

/** Runs the built bundle once in a fresh data dir; `args` go to the app's argv (e.g. `--sandbox=`). */
async function bootOnce(args: string[] = [], extraEnv: NodeJS.ProcessEnv = {}): Promise<BootResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'livedeck-boot-'))
  try {
    const env: NodeJS.ProcessEnv = { ...process.env, LIVEDECK_BOOT_DIR: dataDir, ...extraEnv }
    delete env.LIVEDECK_SANDBOX
    delete env.ELECTRON_RENDERER_URL
    const child = await run(
      process.execPath,
      ['--import', join(root, 'test', 'boot', 'register.mjs'), join(root, 'test', 'boot', 'harness.mjs'), buildDir, ...args],
      env,
      60_000
    )
    const line = child.stdout.split('\n').find((l) => l.startsWith('BOOT_RESULT '))
    if (child.code !== 0 || line === undefined) throw new Error(`boot harness failed (${child.code})\n${child.stdout}\n${child.stderr}`)
    return JSON.parse(line.slice('BOOT_RESULT '.length)) as BootResult
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

let boot: BootResult

beforeAll(async () => {
  await ensureBuild()
  boot = await bootOnce()
}, 300_000)

describe('boot of the built main bundle', () => {
  it('requests the single-instance lock and keeps running', () => {
    expect(boot.singleInstanceLock).toHaveLength(1)
    expect(boot.quitBeforeProbe).toEqual([])
  })

  it('registers both schemes as privileged before ready, and handles them', () => {
    expect(boot.privilegedSchemes).toHaveLength(1)
    const [call] = boot.privilegedSchemes
    expect(call!.seq).toBeLessThan(boot.readySeq ?? -1)
    const byName = Object.fromEntries(call!.schemes.map((s) => [s.scheme, s.privileges]))
    expect(Object.keys(byName).sort()).toEqual(['app', 'livedeck-img'])
    expect(byName.app).toMatchObject({ standard: true, secure: true })
    expect(byName.app?.bypassCSP).toBeFalsy()
    expect(byName['livedeck-img']?.bypassCSP).toBeFalsy()
    expect(boot.protocols.handled.sort()).toEqual(['app', 'livedeck-img'])
  })

  it('serves the built renderer over app:// with the CSP, refuses traversal and foreign images', () => {
    const { index, traversal, foreignImage } = boot.protocols
    expect(index?.status).toBe(200)
    expect(index?.type).toMatch(/^text\/html/)
    expect(index?.csp).toContain("script-src 'self'")
    expect(index?.csp).toContain("img-src 'self' livedeck-img: data: blob:")
    expect(index?.body).toContain('<div id="root">')
    expect([403, 404]).toContain(traversal?.status)
    expect(traversal?.body).toBe('')
    expect(foreignImage?.status).toBe(403)
  })

  it('fetches images in a session whose request guard refuses hosts off the allow-list (every redirect hop)', () => {
    expect(boot.protocols.imageGuard).toEqual({ platformHostCancelled: false, foreignHostCancelled: true, probeCancelled: null })
    expect(boot.sessions.map((s) => s.name)).toContain('livedeck-images')
  })

  it('registers every contract channel through ipcMain.handle under livedeck:, and nothing else of ours', () => {
    const ours = boot.ipcHandles.filter((c) => c.startsWith('livedeck:')).sort()
    expect(ours).toEqual(invokeChannelNames.map((c) => ipcChannel(c)).sort())
    const others = boot.ipcHandles.filter((c) => !c.startsWith('livedeck:'))
    for (const c of others) expect(thirdPartyChannels).toContain(c)
  })

  it('answers through the router: the app page is served, other senders and bad input are refused', () => {
    expect(boot.ipc.getInfo).toMatchObject({ ok: true, value: { version: '0.1.0', sandbox: { active: false } } })
    for (const refused of [boot.ipc.foreignOrigin, boot.ipc.subFrame, boot.ipc.otherWindow]) {
      expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } })
    }
    expect(boot.ipc.badInput).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(JSON.stringify(boot.ipc.badInput)).not.toContain('SECRET-IN-INPUT')
  })

  it('forwards main events to the main window under livedeck:', () => {
    expect(boot.ipc.update).toMatchObject({ ok: true, value: { language: 'ru' } })
    expect(boot.sent).toContainEqual({ channel: ipcChannel('settings.changed'), language: 'ru' })
  })

  it('holds the quit until services are disposed, unregisters IPC, then quits', () => {
    expect(boot.quit).toEqual({ prevented: true, quitCalls: 1, handlersAfter: [] })
  })

  it('creates every window hardened, the main one with the built preload and the app URL', () => {
    expect(boot.windows.length).toBeGreaterThanOrEqual(1)
    for (const w of boot.windows) {
      expect(w.webPreferences).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        webviewTag: false
      })
      expect(w.webPreferences.allowRunningInsecureContent).toBeFalsy()
      expect(w.webPreferences.nodeIntegrationInSubFrames).toBeFalsy()
    }
    const main = boot.windows[0]!
    expect(main.webPreferences.preload).toMatch(/preload[\\/]index\.cjs$/)
    expect(main.preloadExists).toBe(true)
    expect(main.preloadInOut).toBe(true)
    expect(main.loaded).toEqual(['app://livedeck/index.html'])
  })

  it('denies navigation, redirects, webviews and popups in the main window; http(s) popups open externally', () => {
    const main = boot.windows[0]!
    expect(main.willNavigate).toEqual({ listeners: 1, prevented: true })
    expect(main.willRedirect).toEqual({ listeners: 1, prevented: true })
    expect(main.webviewPrevented).toBe(true)
    expect(main.popups?.map((p) => p.action)).toEqual(['deny', 'deny', 'deny'])
    expect(main.openedExternally).toEqual(['https://example.org/help'])
  })

  it('denies every permission request and check on every session used', () => {
    const defaultSession = boot.sessions.find((s) => s.name === '')
    expect(defaultSession).toBeDefined()
    for (const s of boot.sessions) {
      expect(Object.values(s.requestAnswers)).toEqual([false, false, false, false])
      expect(s.check).toBe(false)
      expect(s.device).toBe(false)
    }
  })

  it('focuses the existing window when a second instance starts', () => {
    expect(boot.secondInstanceFocused).toBe(true)
  })

  it('installs the application menu (Linux: File/Edit/View/Help) and rebuilds it in the chosen language', () => {
    const { menus, roles, menuInstalls } = boot.native
    expect(menus[0]).toEqual(['File', 'Edit', 'View', 'Help'])
    // The probe switched the language to Russian over IPC.
    expect(menus.at(-1)).toEqual(['Файл', 'Правка', 'Вид', 'Справка'])
    expect(menuInstalls).toBe(menus.length)
    expect(roles).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'quit', 'about']))
  })

  it('"Open logs folder" opens the app\'s logs path', () => {
    expect(boot.native.openLogsLabel).toBe('Открыть папку журналов')
    expect(boot.native.openedPaths).toHaveLength(1)
    expect(boot.native.openedPaths[0]).toMatch(/[\\/]logs$/)
  })

  it('opens the first window centred on the primary display and saves its bounds on close', () => {
    expect(boot.native.windowBounds).toEqual({ x: 320, y: 120, width: 1280, height: 800 })
    expect(boot.native.savedWindow).toEqual({ bounds: { x: 320, y: 120, width: 1280, height: 800 }, maximized: false })
  })

  it('listens to sleep/wake, takes no power-save block when nothing is live, and quits without asking', () => {
    expect(boot.native.powerListeners).toEqual({ suspend: 1, resume: 1 })
    expect(boot.native.powerSaveBlockers).toEqual([])
    expect(boot.native.beforeQuitPrevented).toBe(false)
    expect(boot.native.messageBoxes).toBe(0)
    // Disposed on quit.
    expect(boot.powerListenersAfterQuit).toEqual({ suspend: 0, resume: 0 })
  })

  it('builds a sandboxed preload that requires nothing but electron', () => {
    const preload = readFileSync(join(buildDir, 'preload', 'index.cjs'), 'utf8')
    const requires = [...preload.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1])
    expect(requires.length).toBeGreaterThan(0)
    expect(new Set(requires)).toEqual(new Set(['electron']))
    expect(preload).toContain('exposeInMainWorld')
    expect(preload).not.toMatch(/exposeInMainWorld\(\s*["']ipcRenderer/)
  })
})

describe('boot with the start-up sandbox override (--sandbox=<control url>)', () => {
  let control: Server
  let origin: string
  let sandboxBoot: BootResult

  beforeAll(async () => {
    // A stand-in sandbox control API: just its GET /config, in the shape platform-endpoints.ts parses.
    control = createServer((req, res) => {
      if (req.url !== '/config') return void res.writeHead(404).end()
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          control: origin,
          vk: {
            authorizeUrl: `${origin}/vk/authorize`,
            tokenUrl: `${origin}/vk/token`,
            revokeUrl: `${origin}/vk/revoke`,
            apiBase: origin,
            pubsubUrl: `${origin.replace('http', 'ws')}/connection/websocket`
          },
          apps: { vk: { client_id: 'sandboxapp', client_secret: 'sandbox-secret', redirect_uri: `${origin}/vk/cb` } }
        })
      )
    })
    await new Promise<void>((r) => control.listen(0, '127.0.0.1', r))
    origin = `http://127.0.0.1:${(control.address() as AddressInfo).port}`
    await ensureBuild()
    sandboxBoot = await bootOnce([`--sandbox=${origin}`], { BOOT_PROBE_IMAGE_URL: `${origin}/avatars/1.png` })
  }, 300_000)
  afterAll(async () => new Promise((r) => control.close(r)))

  it('reports the sandbox as active and pre-fills its app', () => {
    expect(sandboxBoot.ipc.getInfo).toMatchObject({ ok: true, value: { sandbox: { active: true } } })
    expect(sandboxBoot.ipc.settings).toMatchObject({
      ok: true,
      value: { vk: { clientId: 'sandboxapp', redirectUri: `${origin}/vk/cb`, clientSecretConfigured: true } }
    })
    expect(JSON.stringify(sandboxBoot.ipc.settings)).not.toContain('sandbox-secret')
  })

  it("lets images from the sandbox's origin through the image guard, and still refuses foreign hosts", () => {
    expect(sandboxBoot.protocols.imageGuard).toEqual({ platformHostCancelled: false, foreignHostCancelled: true, probeCancelled: false })
  })
})
