/**
 * The Electron entry point: the only place that wires Electron adapters into the services.
 * Order matters: schemes are registered as privileged before `ready`; a second instance quits at
 * once (two instances would rotate each other's refresh tokens away) and focuses the first.
 */
import { app, net, session, shell, type BrowserWindow } from 'electron'
import { fileURLToPath } from 'node:url'
import { createAppSenderPolicy } from './ipc/sender-policy'
import { createRouter } from './ipc/router'
import { createMainApp } from './app/compose'
import { createElectronAuthWindow } from './adapters/electron/auth-window'
import { installAppMenu } from './adapters/electron/app-menu'
import { createElectronPowerSaveBlocker } from './adapters/electron/power-save-blocker'
import { createElectronQuitDialog } from './adapters/electron/quit-dialog'
import { createElectronSystemSignals } from './adapters/electron/system-signals'
import { startAutoUpdate } from './adapters/electron/updater'
import { displayWorkAreas, trackWindowState } from './adapters/electron/window-state'
import { subscribePlatformsToResume } from './app/resume'
import { createElectronCipher } from './adapters/electron/cipher'
import { electronClipboard } from './adapters/electron/clipboard'
import { electronExternalOpener } from './adapters/electron/external-opener'
import { denyAllPermissions } from './adapters/electron/harden'
import { createImageSessionFetch } from './adapters/electron/image-fetch'
import { registerIpc } from './adapters/electron/ipc'
import { createElectronLogger } from './adapters/electron/logger'
import { createMainWindow, focusWindow, mainWindowLimits } from './adapters/electron/main-window'
import { electronNotifier } from './adapters/electron/notifier'
import { handleAppProtocols, registerPrivilegedSchemes } from './adapters/electron/protocols'
import { createElectronSettingsStore } from './adapters/electron/settings-store'
import { applyNativeTheme } from './adapters/electron/native-theme'
import { systemClock } from './ports/clock'
import { redactText } from './security/redact'
import type { Fetch } from './ports/http'
import { APP_ENTRY_URL, APP_ORIGIN } from './services/app-protocol/app-files'
import { createImageService, createImageUrlPolicy, sandboxImageOrigins } from './services/images/image-service'
import { ELECTRON_IMAGE_BASE } from './services/images/image-url'
import { createAppLifecycle } from './services/lifecycle/app-lifecycle'
import { createLiveActivity } from './services/lifecycle/live-activity'
import { createPowerSaveService } from './services/lifecycle/power-save'
import { createQuitGuard } from './services/lifecycle/quit-guard'
import { menuLabels, quitWhileLiveTexts } from './services/menu/menu-labels'
import { buildMenuTemplate } from './services/menu/menu-template'
import { resolveUpdateFeed } from './services/updates/update-feed'
import { createWindowStateService } from './services/window-state/window-state-service'
import { resolveEndpoints } from './services/platform-endpoints'

const menuPlatform = process.platform === 'darwin' || process.platform === 'win32' ? process.platform : 'linux'

const outDir = (relative: string): string => fileURLToPath(new URL(relative, import.meta.url))
const preloadPath = outDir('../preload/index.cjs')
const rendererDir = outDir('../renderer')
/** electron-vite's dev server, honoured only in unpackaged runs. */
const devRendererUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL

let mainWindow: BrowserWindow | null = null

async function start(): Promise<void> {
  await app.whenReady()
  const logger = createElectronLogger()
  denyAllPermissions(session.defaultSession)
  // net.fetch honours the system proxy and certificate store.
  const fetch: Fetch = (input, init) => net.fetch(input instanceof URL ? input.href : input, init)
  const endpoints = await resolveEndpoints({ env: process.env, argv: process.argv, isPackaged: app.isPackaged, fetch, logger })
  // Popup links reach this only after the hardening's isSafeExternalUrl check.
  const openExternal = (url: string): void => {
    electronExternalOpener.openExternal(url).catch(() => logger.warn('could not open a link'))
  }

  const dataDir = app.getPath('userData')
  const settingsStore = createElectronSettingsStore(dataDir, logger)
  const mainApp = await createMainApp({
    dataDir,
    settingsStore: settingsStore,
    cipher: createElectronCipher(),
    clipboard: electronClipboard,
    notifier: electronNotifier,
    externalOpener: electronExternalOpener,
    authWindow: createElectronAuthWindow({ parent: () => mainWindow }),
    logger,
    fetch,
    clock: systemClock,
    platform: process.platform === 'win32' || process.platform === 'darwin' ? process.platform : 'linux',
    appVersion: app.getVersion(),
    endpoints,
    isPackaged: app.isPackaged,
    defaultLanguage: app.getPreferredSystemLanguages()[0],
    imageUrlBase: ELECTRON_IMAGE_BASE
  })

  const imagePolicy = createImageUrlPolicy({ extraOrigins: sandboxImageOrigins(mainApp.services.endpoints) })
  const images = createImageService({ urlBase: ELECTRON_IMAGE_BASE, policy: imagePolicy, fetch: createImageSessionFetch(imagePolicy), redirects: 'transport', logger })
  handleAppProtocols({ rendererDir, images })
  const policy = createAppSenderPolicy({
    origins: devRendererUrl === undefined ? [APP_ORIGIN] : [APP_ORIGIN, devRendererUrl],
    isKnownWebContents: (id) => mainWindow !== null && !mainWindow.isDestroyed() && mainWindow.webContents.id === id
  })
  const unregisterIpc = registerIpc(createRouter(mainApp.handlers, policy, logger), mainApp.events, () => mainWindow)

  const settings = mainApp.services.settings
  const language = () => settings.view().language
  const installMenu = (): void =>
    installAppMenu(buildMenuTemplate({ platform: menuPlatform, appName: app.getName(), labels: menuLabels(language()), developer: !app.isPackaged }), {
      openLogsFolder: () => void shell.openPath(app.getPath('logs')).catch(() => logger.warn('could not open the logs folder'))
    })
  installMenu()
  let menuLanguage = language()
  applyNativeTheme(settings.view().ui.theme)
  const stopMenuLanguage = settings.onChange((view) => {
    applyNativeTheme(view.ui.theme)
    if (view.language === menuLanguage) return
    menuLanguage = view.language
    installMenu()
  })

  const windowState = createWindowStateService({ store: settingsStore, limits: mainWindowLimits, logger })
  const restored = windowState.restore(displayWorkAreas())
  mainWindow = createMainWindow({ preloadPath, url: devRendererUrl ?? APP_ENTRY_URL, openExternal, logger, bounds: restored.bounds, maximized: restored.maximized })
  trackWindowState(mainWindow, windowState)
  mainWindow.on('closed', () => (mainWindow = null))

  // Sleep and network: platforms catch up on resume; the OS must not suspend the app while on air.
  const lifecycle = createAppLifecycle({ signals: createElectronSystemSignals(), clock: systemClock, logger })
  const stopResume = subscribePlatformsToResume(lifecycle, mainApp, logger)
  const powerSave = createPowerSaveService({ blocker: createElectronPowerSaveBlocker(), logger })
  const liveActivity = createLiveActivity({ events: mainApp.events, powerSave })
  const quitGuard = createQuitGuard({
    livePlatforms: () => liveActivity.livePlatforms(),
    dialog: createElectronQuitDialog({ parent: () => mainWindow, texts: () => quitWhileLiveTexts(language()) }),
    quit: () => app.quit(),
    onError: (error) => logger.error('quit confirmation failed', { error: String(error) })
  })
  app.on('before-quit', (event) => {
    if (!quitGuard.beforeQuit()) event.preventDefault()
  })

  const updateFeed = resolveUpdateFeed(process.env, app.isPackaged)
  if (updateFeed !== null) startAutoUpdate(updateFeed, logger).catch((e: unknown) => logger.warn('auto-update unavailable', { error: String(e) }))

  let disposed = false
  app.on('will-quit', (event) => {
    if (disposed) return
    // Let services close sockets and flush state before the process goes.
    event.preventDefault()
    disposed = true
    unregisterIpc()
    stopMenuLanguage()
    stopResume()
    lifecycle.dispose()
    liveActivity.dispose()
    powerSave.dispose()
    mainApp
      .dispose()
      .catch((e: unknown) => logger.error('shutdown failed', { error: String(e) }))
      .finally(() => app.quit())
  })
}

registerPrivilegedSchemes()
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => focusWindow(mainWindow))
  app.on('window-all-closed', () => app.quit())
  start().catch((e: unknown) => {
    // The logger may not exist yet; the message can hold a URL, so it is redacted.
    console.error('Livedeck failed to start:', redactText(e instanceof Error ? (e.stack ?? e.message) : String(e)))
    app.exit(1)
  })
}
