/**
 * `npm run web`: the browser host as a process. Reads its environment, starts (or joins) the platform
 * sandbox, runs the main app with the web adapters, and prints `SANDBOX <json>` (when it started one)
 * and then `WEB_URL=<url>` as the last stdout line once ready. Logs go to stderr. SIGINT/SIGTERM exit 0.
 *
 *   WEB_PORT            port on 127.0.0.1 (default: a free one)
 *   LIVEDECK_DATA_DIR   settings, vault and key (default: a new temp dir)
 *   LIVEDECK_LANG       forces the UI language (default: English on first run)
 *   LIVEDECK_SANDBOX    sandbox control URL to use instead of starting one (`none`: real platforms)
 *   LIVEDECK_RENDERER_DIR  the built renderer (default: out/renderer; tests point it elsewhere)
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createNodeLogger } from '../../main/adapters/node/logger'
import { createNodeMainApp } from '../../main/app/node-app'
import { resolveSandboxUrl } from '../../main/services/platform-endpoints'
import { platforms } from '../../shared/ipc/domain'
import { languageSchema } from '../../shared/ipc/domain-schemas'
import { startBrowserHost } from './host'
import { registerRedirects, startOwnSandbox, type OwnSandbox } from './sandbox-link'

const repoRoot = resolve(import.meta.dirname, '..', '..', '..')

function portFrom(raw: string | undefined): number {
  const port = raw === undefined || raw === '' ? 0 : Number(raw)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('WEB_PORT must be a port number')
  return port
}

export async function main(env: NodeJS.ProcessEnv = process.env, argv: readonly string[] = process.argv): Promise<void> {
  const logger = createNodeLogger()
  const dataDir = resolve(env.LIVEDECK_DATA_DIR || mkdtempSync(join(tmpdir(), 'livedeck-web-')))
  const forcedLanguage = env.LIVEDECK_LANG ? languageSchema.parse(env.LIVEDECK_LANG) : null

  let sandbox: OwnSandbox | null = null
  let sandboxUrl: string | null = null
  if (env.LIVEDECK_SANDBOX !== 'none') {
    sandboxUrl = resolveSandboxUrl(env, argv)
    if (sandboxUrl === null) {
      sandbox = await startOwnSandbox((line) => void process.stderr.write(`[sandbox] ${line}\n`))
      sandboxUrl = sandbox?.control ?? null
    }
  }

  const host = await startBrowserHost({
    rendererDir: resolve(env.LIVEDECK_RENDERER_DIR || join(repoRoot, 'out', 'renderer')),
    port: portFrom(env.WEB_PORT),
    logger,
    createApp: async (web) => {
      const app = await createNodeMainApp({
        dataDir,
        sandboxUrl,
        logger,
        clipboard: web.clipboard,
        notifier: web.notifier,
        externalOpener: web.externalOpener,
        authWindow: web.authWindow,
        defaultLanguage: forcedLanguage ?? 'en'
      })
      // "Forces": an explicit LIVEDECK_LANG wins over the language saved in the data dir.
      if (forcedLanguage) await app.handlers['settings.update']({ language: forcedLanguage })
      if (sandboxUrl) {
        const redirects = Object.fromEntries(platforms.map((p) => [p, web.authWindow.redirectUriOverride(p) ?? '']))
        await registerRedirects(sandboxUrl, redirects, logger)
      }
      return app
    }
  })
  logger.info('browser host ready', { url: host.url, dataDir })

  const shutdown = (signal: string): void => {
    logger.info('browser host stopping', { signal })
    Promise.all([host.close(), sandbox?.stop()]).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('browser host stop failed', { error: error instanceof Error ? error.message : String(error) })
        process.exit(1)
      }
    )
  }
  process.once('SIGINT', () => shutdown('SIGINT'))
  process.once('SIGTERM', () => shutdown('SIGTERM'))

  if (sandbox) process.stdout.write(`${sandbox.line}\n`)
  process.stdout.write(`WEB_URL=${host.url}\n`)
}
