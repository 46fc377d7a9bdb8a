/**
 * The one hardening every window goes through (main window, auth windows and their popups):
 * isolated, sandboxed renderers without Node; navigation and popups decided by the window's policy
 * (the main window denies both, sending http(s) links to the user's browser); no <webview>; and every
 * permission request or check on the window's session answered "no".
 */
import {
  BrowserWindow,
  type BrowserWindowConstructorOptions,
  type Session,
  type WebContents,
  type WebPreferences
} from 'electron'
import { isSafeExternalUrl } from '../../services/net/external-url'

export interface WindowPolicy {
  /** A top-level navigation or server redirect is about to happen: true lets it load. */
  navigation(url: string): boolean
  /** A page asked for a new window: 'allow' creates a child hardened with this same policy. */
  windowOpen(url: string): 'allow' | 'deny'
  /** Where a denied popup's http(s) link goes (the user's browser); omitted → links are dropped. */
  openExternal?(url: string): void
}

/** The main window's policy: it never navigates and never opens windows. */
export const denyAllPolicy = (openExternal?: (url: string) => void): WindowPolicy => ({
  navigation: () => false,
  windowOpen: () => 'deny',
  ...(openExternal === undefined ? {} : { openExternal })
})

export function hardenedWebPreferences(extra: { preload?: string; partition?: string } = {}): WebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    ...(extra.preload === undefined ? {} : { preload: extra.preload }),
    ...(extra.partition === undefined ? {} : { partition: extra.partition })
  }
}

const deniedSessions = new WeakSet<Session>()

/** Deny every permission request and check (camera, notifications, HID, …) on a session, once. */
export function denyAllPermissions(session: Session): void {
  if (deniedSessions.has(session)) return
  deniedSessions.add(session)
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
}

/** Attaches the navigation, popup and webview rules to a window's contents. */
export function hardenContents(contents: WebContents, policy: WindowPolicy, partition?: string): void {
  denyAllPermissions(contents.session)
  const guard = (event: { url: string; preventDefault(): void }): void => {
    if (!policy.navigation(event.url)) event.preventDefault()
  }
  contents.on('will-navigate', guard)
  contents.on('will-redirect', guard)
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (policy.windowOpen(url) === 'allow') {
      return { action: 'allow', overrideBrowserWindowOptions: { webPreferences: hardenedWebPreferences({ partition }) } }
    }
    if (policy.openExternal !== undefined && isSafeExternalUrl(url)) policy.openExternal(url)
    return { action: 'deny' }
  })
  // Allowed popups (auth sign-in forms) get the same rules as their opener.
  contents.on('did-create-window', (child) => hardenContents(child.webContents, policy, partition))
}

/** The only way Livedeck creates a window. */
export function createHardenedWindow(
  options: Omit<BrowserWindowConstructorOptions, 'webPreferences'>,
  extra: { preload?: string; partition?: string },
  policy: WindowPolicy
): BrowserWindow {
  const window = new BrowserWindow({ ...options, webPreferences: hardenedWebPreferences(extra) })
  hardenContents(window.webContents, policy, extra.partition)
  return window
}
