/**
 * Bundles the page-side bridge (`src/browser-host/bridge/index.ts`) into one classic script at host
 * start, with esbuild's JS API (esbuild comes with tsx). Done in memory: nothing of the dev-only bridge
 * is ever written into the app's build output.
 */
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const entry = fileURLToPath(new URL('../bridge/index.ts', import.meta.url))

export async function bundleBridge(): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    minify: true,
    legalComments: 'none',
    logLevel: 'silent'
  })
  const [file] = result.outputFiles
  if (!file) throw new Error('esbuild produced no bridge bundle')
  return file.text
}
