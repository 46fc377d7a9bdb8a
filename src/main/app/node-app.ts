/**
 * The main app under plain Node (browser host, integration tests): the same composition root as
 * Electron with the Node adapters — `conf` settings, AES-GCM key file, JSON-lines logger.
 *
 *   createNodeMainApp(options: NodeMainAppOptions): Promise<NodeMainApp>
 *
 * Ports that need a screen (clipboard, notifications, links, sign-in) come from the host; when one is
 * not given, a sink adapter stands in (returned in `adapters`, attach it later with `setSink`). Without
 * an `authWindow`, signing in fails with `not_configured`. Platform images are handed out as
 * `/livedeck-img/img/…` paths on the host's own origin; `images` answers them (the host routes that path).
 */
import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import pkg from '../../../package.json' with { type: 'json' }
import { createNodeCipher } from '../adapters/node/cipher'
import { createNodeLogger } from '../adapters/node/logger'
import { createConfSettingsStore } from '../adapters/node/settings-store'
import { createRecordingNotifier, createSinkClipboard, createSinkExternalOpener } from '../adapters/node/sinks'
import { AppError } from '../errors'
import type { AuthWindow } from '../ports/auth-window'
import type { Clipboard } from '../ports/clipboard'
import { systemClock, type Clock } from '../ports/clock'
import type { ExternalOpener } from '../ports/external-opener'
import type { Fetch } from '../ports/http'
import type { Logger } from '../ports/logger'
import type { Notifier } from '../ports/notifier'
import { createImageService, sandboxImageOrigins, type ImageService } from '../services/images/image-service'
import { HOST_IMAGE_BASE } from '../services/images/image-url'
import { loadSandboxConfig, realEndpoints, type PlatformEndpoints } from '../services/platform-endpoints'
import { createMainApp, type MainApp } from './compose'

export interface NodeMainAppOptions {
  /** Settings, vault and key file live here; created if missing (mode 0700). */
  readonly dataDir: string
  /** Endpoints decided by the caller; otherwise `sandboxUrl` is loaded, otherwise the real hosts. */
  readonly endpoints?: PlatformEndpoints
  /** Sandbox control URL (e.g. from `resolveSandboxUrl(process.env, process.argv)`). */
  readonly sandboxUrl?: string | null
  readonly clipboard?: Clipboard
  readonly notifier?: Notifier
  readonly externalOpener?: ExternalOpener
  readonly authWindow?: AuthWindow
  /** Default: JSON lines on stderr at `info`. */
  readonly logger?: Logger
  readonly fetch?: Fetch
  readonly clock?: Clock
  readonly appVersion?: string
  /** OS locale or `LIVEDECK_LANG`; the first-run language. */
  readonly defaultLanguage?: string
}

export interface NodeMainApp extends MainApp {
  readonly dataDir: string
  /** The adapters in use (sinks when the host did not pass its own). */
  readonly adapters: { readonly clipboard: Clipboard; readonly notifier: Notifier; readonly externalOpener: ExternalOpener }
  /** Answers `HOST_IMAGE_BASE` requests: the same image service as Electron's protocol (Node fetch, redirects checked per hop). */
  readonly images: ImageService
}

/** Signing in needs a window or a page; a host without one says so instead of hanging. */
const noAuthWindow: AuthWindow = {
  open: () => Promise.reject(new AppError('not_configured', 'signing in is not available in this host')),
  clearSession: () => Promise.resolve(),
  redirectUriOverride: () => null
}

export async function createNodeMainApp(options: NodeMainAppOptions): Promise<NodeMainApp> {
  const dataDir = resolve(options.dataDir)
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const logger = options.logger ?? createNodeLogger()
  const fetch = options.fetch ?? globalThis.fetch
  const endpoints =
    options.endpoints ?? (options.sandboxUrl ? await loadSandboxConfig(options.sandboxUrl, fetch) : realEndpoints)
  const adapters = {
    clipboard: options.clipboard ?? createSinkClipboard(),
    notifier: options.notifier ?? createRecordingNotifier(),
    externalOpener: options.externalOpener ?? createSinkExternalOpener()
  }
  const app = await createMainApp({
    dataDir,
    settingsStore: createConfSettingsStore(dataDir, logger),
    cipher: createNodeCipher(dataDir),
    ...adapters,
    authWindow: options.authWindow ?? noAuthWindow,
    logger,
    fetch,
    clock: options.clock ?? systemClock,
    platform: 'web',
    appVersion: options.appVersion ?? pkg.version,
    endpoints,
    // The browser host is a dev/test tool, never a release build.
    isPackaged: false,
    defaultLanguage: options.defaultLanguage,
    imageUrlBase: HOST_IMAGE_BASE
  })
  const images = createImageService({ urlBase: HOST_IMAGE_BASE, fetch, logger, extraOrigins: sandboxImageOrigins(app.services.endpoints) })
  return { ...app, dataDir, adapters, images }
}
