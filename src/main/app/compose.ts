/**
 * The composition root: builds every main-process service from ports and returns the IPC handlers.
 * Electron (`src/main/index.ts`) and the browser host (`node-app.ts`) both call it; only the adapters
 * they pass differ.
 *
 *   createMainApp(deps: MainDeps): Promise<MainApp>
 *
 *   MainDeps = {
 *     dataDir: string                     absolute; holds settings.json (via settingsStore), vault/, key file
 *     settingsStore: SettingsStore<SettingsDocument>
 *     cipher: Cipher
 *     clipboard: Clipboard
 *     notifier: Notifier
 *     authWindow: AuthWindow
 *     externalOpener: ExternalOpener
 *     logger: Logger
 *     fetch: Fetch
 *     clock: Clock
 *     platform: AppInfo['platform']       'win32' | 'darwin' | 'linux' | 'web'
 *     appVersion: string
 *     endpoints: PlatformEndpoints        from platform-endpoints.ts (`resolveEndpoints` / `loadSandboxConfig`)
 *     isPackaged: boolean                 release build: anything but the real hosts is refused
 *     defaultLanguage?: string            OS locale (`ru-RU`, `zh-Hans-CN`, …) used until the user picks one
 *     imageUrlBase: string                where the host serves platform images: Electron `livedeck-img://img/`,
 *                                         the browser host `/livedeck-img/img/` (image-url.ts)
 *   }
 *
 *   MainApp = {
 *     handlers: Handlers                  one per contract channel, for `createRouter(handlers, policy, logger)`
 *     events: EventHub                    main → renderer events (`settings.changed`, …)
 *     services: MainServices              for platform features and hosts (see below)
 *     dispose(): Promise<void>            forget sensitive values, stop listeners
 *   }
 */
import { languages, type AppInfo, type Language } from '../../shared/ipc/domain'
import { AppError } from '../errors'
import { createEventHub, type EventHub } from '../ipc/events'
import type { Handlers } from '../ipc/router'
import type { AuthWindow } from '../ports/auth-window'
import type { Cipher } from '../ports/cipher'
import type { Clipboard } from '../ports/clipboard'
import type { Clock } from '../ports/clock'
import type { ExternalOpener } from '../ports/external-opener'
import type { Fetch } from '../ports/http'
import type { Logger } from '../ports/logger'
import type { Notifier } from '../ports/notifier'
import type { SettingsStore } from '../ports/settings-store'
import { createKuaishouFeature, type KuaishouFeature } from '../platforms/kuaishou/feature'
import { createVkFeature, type VkFeature } from '../platforms/vk/feature'
import { createObsFeature, type ObsFeature } from '../services/obs/obs-feature'
import { createTokenVault, type TokenVault } from '../services/auth/token-vault'
import { watchReconnectNeeded } from '../services/notifications/reconnect-notice'
import { imageUrlOf, type ImageUrlOf } from '../services/images/image-url'
import { isSafeExternalUrl } from '../services/net/external-url'
import { isReleaseSafe, realEndpoints, type PlatformEndpoints } from '../services/platform-endpoints'
import { createSensitiveRegistry, type SensitiveRegistry } from '../services/sensitive/sensitive-registry'
import { createSettingsService, type SettingsService } from '../services/settings/settings-service'
import type { SettingsDocument } from '../settings/schema'

export interface MainDeps {
  readonly dataDir: string
  readonly settingsStore: SettingsStore<SettingsDocument>
  readonly cipher: Cipher
  readonly clipboard: Clipboard
  readonly notifier: Notifier
  readonly authWindow: AuthWindow
  readonly externalOpener: ExternalOpener
  readonly logger: Logger
  readonly fetch: Fetch
  readonly clock: Clock
  readonly platform: AppInfo['platform']
  readonly appVersion: string
  readonly endpoints: PlatformEndpoints
  readonly isPackaged: boolean
  readonly defaultLanguage?: string
  /** The base of renderer image URLs; the host serves it with the image service (image-url.ts). */
  readonly imageUrlBase: string
}

/** What platform features (VK, Kuaishou) build on; they add no auth or storage of their own. */
export interface MainServices {
  readonly settings: SettingsService
  readonly vault: TokenVault
  readonly sensitive: SensitiveRegistry
  /** The endpoints in force (the real hosts in a release build, whatever was asked). */
  readonly endpoints: PlatformEndpoints
  readonly authWindow: AuthWindow
  readonly notifier: Notifier
  readonly fetch: Fetch
  readonly clock: Clock
  readonly logger: Logger
  /** Platform image URL → the renderer-safe URL on this host's image base (null for non-http URLs). */
  readonly imageUrl: ImageUrlOf
}

export interface MainApp {
  readonly handlers: Handlers
  readonly events: EventHub
  readonly services: MainServices
  readonly kuaishou: KuaishouFeature
  readonly vk: VkFeature
  readonly obs: ObsFeature
  dispose(): Promise<void>
}

/** `ru-RU` → `ru`, `zh-Hans-CN` → `zh`; anything else → `en`. */
export function languageFromLocale(locale: string | undefined): Language {
  const primary = (locale ?? '').toLowerCase().split(/[-_]/)[0]
  return (languages as readonly string[]).includes(primary ?? '') ? (primary as Language) : 'en'
}

/** Release builds talk only to the references' https hosts, whatever the caller passed. */
function endpointsInForce(deps: MainDeps): PlatformEndpoints {
  if (!deps.isPackaged || isReleaseSafe(deps.endpoints)) return deps.endpoints
  deps.logger.warn('non-release endpoints refused in a release build; using the real platform hosts')
  return realEndpoints
}

export async function createMainApp(deps: MainDeps): Promise<MainApp> {
  const { logger } = deps
  const endpoints = endpointsInForce(deps)
  const events = createEventHub((error) => logger.error('event listener failed', { error }))
  const settings = createSettingsService({
    store: deps.settingsStore,
    cipher: deps.cipher,
    logger,
    defaultLanguage: languageFromLocale(deps.defaultLanguage)
  })
  const stopSettingsEvents = settings.onChange((view) => events.emit('settings.changed', view))
  if (endpoints.sandbox) await settings.prefill(endpoints.sandbox.apps)
  const vault = createTokenVault({ dataDir: deps.dataDir, cipher: deps.cipher, clock: deps.clock, logger })
  const sensitive = createSensitiveRegistry({ clipboard: deps.clipboard, clock: deps.clock })

  const appInfo = (): AppInfo => ({
    version: deps.appVersion,
    platform: deps.platform,
    sandbox: { active: endpoints.sandbox !== null }
  })

  const services: MainServices = {
    settings,
    vault,
    sensitive,
    endpoints,
    authWindow: deps.authWindow,
    notifier: deps.notifier,
    fetch: deps.fetch,
    clock: deps.clock,
    logger,
    imageUrl: imageUrlOf(deps.imageUrlBase)
  }
  const stopReconnectNotices = watchReconnectNeeded({ vault, notifier: deps.notifier, language: () => settings.view().language })
  const kuaishou = createKuaishouFeature({ services, events, dataDir: deps.dataDir, cipher: deps.cipher })
  await kuaishou.start()
  const vk = createVkFeature({ services, events })
  vk.start()
  const obs = createObsFeature({ services, store: deps.settingsStore, events })

  const handlers: Handlers = {
    ...kuaishou.handlers,
    ...vk.handlers,
    ...obs.handlers,
    'app.getInfo': appInfo,
    'settings.get': () => settings.view(),
    'settings.update': (patch) => settings.update(patch),
    'secrets.set': ({ key, value }) => settings.setSecret(key, value),
    'secrets.clear': ({ key }) => settings.clearSecret(key),
    'sensitive.reveal': ({ ref }) => ({ value: sensitive.reveal(ref) }),
    'sensitive.copy': async ({ ref, part }) => {
      await sensitive.copy(ref, part)
      return null
    },
    'shell.openExternal': async ({ url }) => {
      if (!isSafeExternalUrl(url)) throw new AppError('invalid_input', 'only http(s) links can be opened')
      await deps.externalOpener.openExternal(new URL(url).href)
      return null
    }
  }

  return {
    handlers,
    events,
    services,
    kuaishou,
    vk,
    obs,
    async dispose() {
      stopSettingsEvents()
      stopReconnectNotices()
      await kuaishou.dispose()
      vk.dispose()
      await obs.dispose()
      sensitive.clear()
    }
  }
}
