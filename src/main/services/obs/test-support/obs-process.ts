/**
 * A real OBS Studio for tests: Debian's obs-studio 29 under its own Xvfb at 640×360, with a config
 * written fresh into a throwaway HOME (no first-run wizard, one colour scene, x264 at 640×360) and
 * obs-websocket on a free port with a random password (shared/research/obs-headless.md §3, §9).
 *
 * obs-websocket 5.1 binds every interface and has no bind-address setting, hence the per-run password
 * and port. OBS exits 0 when it cannot open the display, so readiness is "the websocket answers",
 * which the caller checks by connecting.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface RunningObs {
  readonly port: number
  readonly password: string
  readonly address: string
  /** OBS's own log so far (for failure messages). */
  log(): string
  stop(): Promise<void>
}

/** Throws (so the test fails, never skips) when OBS or Xvfb is not installed. */
export function requireObsBinaries(): void {
  for (const bin of ['obs', 'Xvfb']) {
    if (spawnSync('sh', ['-c', `command -v ${bin}`]).status !== 0) {
      throw new Error(`${bin} is not installed: apt-get install -y obs-studio xvfb (see .ci/run)`)
    }
  }
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })

function writeConfig(home: string, port: number, password: string): void {
  const root = join(home, '.config', 'obs-studio')
  mkdirSync(join(root, 'basic', 'profiles', 'Livedeck'), { recursive: true })
  mkdirSync(join(root, 'basic', 'scenes'), { recursive: true })
  // FirstRun + LastVersion (LIBOBS_API_VER of 29.0.2) keep the auto-configuration wizard away.
  writeFileSync(join(root, 'global.ini'), [
    '[General]', 'FirstRun=true', 'LastVersion=486539266', 'ConfirmOnExit=false', 'EnableAutoUpdates=false',
    'WarnBeforeStartingStream=false', 'WarnBeforeStoppingStream=false', '',
    '[Basic]', 'Profile=Livedeck', 'ProfileDir=Livedeck', 'SceneCollection=Livedeck', 'SceneCollectionFile=Livedeck',
    'ConfigOnNewProfile=false', '',
    '[BasicWindow]', 'SysTrayEnabled=false', 'ShowTransitions=false', '',
    // obs-websocket 5.1 reads these keys here (not plugin_config/…/config.json). AuthRequired must be explicit.
    '[OBSWebSocket]', 'FirstLoad=false', 'ServerEnabled=true', `ServerPort=${port}`, 'AlertsEnabled=false',
    'AuthRequired=true', `ServerPassword=${password}`, ''
  ].join('\n'))
  writeFileSync(join(root, 'basic', 'profiles', 'Livedeck', 'basic.ini'), [
    '[General]', 'Name=Livedeck', '',
    '[Video]', 'BaseCX=640', 'BaseCY=360', 'OutputCX=640', 'OutputCY=360', 'FPSType=0', 'FPSCommon=30', '',
    '[Output]', 'Mode=Simple', 'Reconnect=false', '',
    '[SimpleOutput]', 'StreamEncoder=x264', 'Preset=ultrafast', 'VBitrate=800', 'ABitrate=96', ''
  ].join('\n'))
  writeFileSync(join(root, 'basic', 'scenes', 'Livedeck.json'), JSON.stringify({
    name: 'Livedeck',
    current_scene: 'Scene',
    current_program_scene: 'Scene',
    scene_order: [{ name: 'Scene' }],
    current_transition: 'Cut',
    transition_duration: 300,
    transitions: [],
    sources: [
      { id: 'color_source_v3', versioned_id: 'color_source_v3', name: 'Color', settings: { color: 4278222848, width: 640, height: 360 } },
      {
        id: 'scene', versioned_id: 'scene', name: 'Scene',
        settings: { id_counter: 1, custom_size: false, items: [{ name: 'Color', id: 1, visible: true, locked: false, rot: 0, pos: { x: 0, y: 0 }, scale: { x: 1, y: 1 }, align: 5, bounds_type: 0, bounds_align: 0, bounds: { x: 0, y: 0 } }] }
      }
    ]
  }))
}

/** Starts Xvfb on a display it picks itself (`-displayfd`), resolving with the display number. */
function startXvfb(): Promise<{ child: ChildProcess; display: number }> {
  const child = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '640x360x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe']
  })
  let err = ''
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()))
  return new Promise((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`Xvfb did not start: ${err}`)), 10_000)
    ;(child.stdio[3] as NodeJS.ReadableStream).on('data', (d: Buffer) => {
      out += d.toString()
      if (!out.includes('\n')) return
      clearTimeout(timer)
      resolve({ child, display: Number(out.trim()) })
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`Xvfb exited with ${code}: ${err}`))
    })
  })
}

const stopChild = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })

export async function startObs(): Promise<RunningObs> {
  requireObsBinaries()
  const dir = mkdtempSync(join(tmpdir(), 'livedeck-obs-'))
  const home = join(dir, 'home')
  mkdirSync(join(dir, 'tmp'), { recursive: true })
  const port = await freePort()
  const password = randomBytes(12).toString('hex')
  writeConfig(home, port, password)
  const xvfb = await startXvfb()
  const obs = spawn('obs', ['--multi', '--websocket_port', String(port), '--websocket_password', password], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, TMPDIR: join(dir, 'tmp'), DISPLAY: `:${xvfb.display}`, LIBGL_ALWAYS_SOFTWARE: '1', LANG: 'C.UTF-8' },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let log = ''
  const append = (d: Buffer): void => void (log += d.toString())
  obs.stdout?.on('data', append)
  obs.stderr?.on('data', append)
  return {
    port,
    password,
    address: `ws://127.0.0.1:${port}`,
    log: () => log,
    async stop() {
      await stopChild(obs)
      await stopChild(xvfb.child)
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
