/**
 * Builds the renderer once (unless the build is newer than every source) and starts the browser host
 * on a fresh temp data dir; its state file path is exported to the workers through the environment.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setStatePath, startHost } from './support/host-process'

const root = join(import.meta.dirname, '..')

function newestMtime(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((max, e) => {
    const path = join(dir, e.name)
    return Math.max(max, e.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs)
  }, 0)
}

function buildIfStale(): void {
  const built = join(root, 'out', 'renderer', 'index.html')
  const sources = Math.max(newestMtime(join(root, 'src', 'renderer')), newestMtime(join(root, 'src', 'shared')))
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return
  execFileSync(join(root, 'node_modules', '.bin', 'electron-vite'), ['build'], { cwd: root, stdio: 'inherit' })
}

export default async function globalSetup(): Promise<void> {
  buildIfStale()
  const work = mkdtempSync(join(tmpdir(), 'livedeck-e2e-'))
  setStatePath(join(work, 'host.json'))
  const state = await startHost({ dataDir: join(work, 'data'), logDir: join(work, 'logs') })
  process.stderr.write(`[e2e] browser host at ${state.url} (data ${state.dataDir}, logs ${state.logDir})\n`)
}
