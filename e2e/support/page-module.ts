/**
 * Bundles one renderer module (TypeScript, with its imports) into a script that sets
 * `window[globalName]`, so a spec can run the real module inside the app page in Chromium.
 * esbuild is the bundler tsx already runs on.
 */
import { build } from 'esbuild'
import type { Page } from '@playwright/test'

export async function bundleForPage(entry: string, globalName: string): Promise<string> {
  const out = await build({ entryPoints: [entry], bundle: true, format: 'iife', globalName, write: false, target: 'chrome120', logLevel: 'silent' })
  return out.outputFiles[0]!.text
}

/**
 * Runs the bundle in the page. Evaluated through the DevTools protocol rather than as a <script> tag:
 * the app's CSP (`script-src 'self'`) rightly refuses inline scripts, and the test must not weaken it.
 */
export async function loadIntoPage(page: Page, entry: string, globalName: string): Promise<void> {
  await page.evaluate(`${await bundleForPage(entry, globalName)}\nwindow[${JSON.stringify(globalName)}] = ${globalName}; true`)
  await page.waitForFunction((name) => name in globalThis, globalName)
}
