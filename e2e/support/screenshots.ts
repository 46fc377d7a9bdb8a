/**
 * Where the e2e specs save their screenshots. A normal run (`npm test`) keeps them with the other test
 * artefacts, so running the suite never rewrites tracked files; `npm run screenshots` sets
 * LIVEDECK_SCREENSHOTS=docs and the same specs refresh the README's pictures in docs/screenshots/.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..', '..')
const dir =
  process.env.LIVEDECK_SCREENSHOTS === 'docs' ? join(root, 'docs', 'screenshots') : join(root, 'test-results', 'screenshots')

export function screenshotPath(name: string): string {
  mkdirSync(dir, { recursive: true })
  return join(dir, name)
}
