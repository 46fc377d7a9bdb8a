/**
 * Runs the built main bundle against the recording electron stub and prints what it did as one
 * `BOOT_RESULT <json>` line. It also replays the recorded handlers (permissions, popups, navigation,
 * protocols, IPC) so the test sees their real answers, not just that they were registered.
 *
 * Usage: node --import ./test/boot/register.mjs test/boot/harness.mjs <out dir>
 */
/* global Request -- Node's fetch API request, as Electron's protocol handlers receive */
import { Buffer } from 'node:buffer'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { isAbsolute, join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const require = createRequire(import.meta.url)
const electron = require('./electron-stub.cjs')
const records = electron.__records
const outDir = resolve(process.argv[2] ?? 'out')

async function waitFor(what, predicate, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

const b64 = (s) => Buffer.from(s, 'utf8').toString('base64url')

async function probeWindow(win) {
  const prefs = win.options.webPreferences ?? {}
  const wc = win.webContents
  const navigate = (event, url) => {
    let prevented = false
    for (const l of wc.listeners(event)) l({ url, preventDefault: () => (prevented = true) }, url)
    return { listeners: wc.listenerCount(event), prevented }
  }
  let webviewPrevented = false
  for (const l of wc.listeners('will-attach-webview')) l({ preventDefault: () => (webviewPrevented = true) }, {}, {})
  const externalBefore = records.openedExternally.length
  const popups = wc.windowOpenHandler
    ? ['https://example.org/help', 'file:///etc/passwd', 'javascript:alert(1)'].map((url) => ({
        url,
        action: wc.windowOpenHandler({ url, frameName: '', features: '', disposition: 'new-window', referrer: {}, postBody: undefined }).action
      }))
    : null
  return {
    webPreferences: prefs,
    preloadExists: typeof prefs.preload === 'string' && isAbsolute(prefs.preload) && existsSync(prefs.preload),
    preloadInOut: typeof prefs.preload === 'string' && resolve(prefs.preload).startsWith(outDir),
    loaded: wc.loaded,
    willNavigate: navigate('will-navigate', 'https://evil.example/'),
    willRedirect: navigate('will-redirect', 'https://evil.example/'),
    webviewPrevented,
    popups,
    openedExternally: records.openedExternally.slice(externalBefore),
    contentsId: wc.id
  }
}

async function probeSession(name, s) {
  const answers = {}
  if (s.permissionRequestHandler) {
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read']) {
      answers[permission] = await new Promise((r) => s.permissionRequestHandler(null, permission, r, { requestingUrl: 'app://livedeck/' }))
    }
  }
  return {
    name,
    requestAnswers: answers,
    check: s.permissionCheckHandler ? s.permissionCheckHandler(null, 'media', 'app://livedeck', {}) : null,
    device: s.devicePermissionHandler ? s.devicePermissionHandler({ deviceType: 'hid', origin: 'app://livedeck' }) : null
  }
}

async function probeProtocols() {
  const app = records.protocolHandlers.get('app')
  const img = records.protocolHandlers.get('livedeck-img')
  const get = async (handler, url) => {
    const res = await handler(new Request(url))
    return { status: res.status, csp: res.headers.get('content-security-policy'), type: res.headers.get('content-type'), body: (await res.text()).slice(0, 2000) }
  }
  // The image session's request guard, which checks every redirect hop Electron follows.
  const guard = records.sessions.get('livedeck-images')?.beforeRequest?.listener
  const guarded = (url) => new Promise((r) => guard({ url, method: 'GET', resourceType: 'other' }, (answer) => r(answer.cancel === true)))
  return {
    imageGuard: guard
      ? {
          platformHostCancelled: await guarded('https://sun1-2.userapi.com/a.jpg'),
          foreignHostCancelled: await guarded('https://evil.example/a.png'),
          // Set by the sandbox boot: an image on the sandbox's origin.
          probeCancelled: process.env.BOOT_PROBE_IMAGE_URL ? await guarded(process.env.BOOT_PROBE_IMAGE_URL) : null
        }
      : null,
    handled: [...records.protocolHandlers.keys()],
    index: app ? await get(app, 'app://livedeck/index.html') : null,
    traversal: app ? await get(app, 'app://livedeck/..%2F..%2Fpackage.json') : null,
    foreignImage: img ? await get(img, `livedeck-img://img/${b64('https://evil.example/a.png')}`) : null
  }
}

async function probeIpc(mainContentsId) {
  const invoke = async (channel, input, frame, senderId = mainContentsId) => {
    const handler = records.ipcHandles.get(channel)
    return handler ? handler({ senderFrame: frame, sender: { id: senderId } }, input) : 'no handler'
  }
  const appFrame = { url: 'app://livedeck/index.html', parent: null }
  return {
    getInfo: await invoke('livedeck:app.getInfo', undefined, appFrame),
    settings: await invoke('livedeck:settings.get', undefined, appFrame),
    foreignOrigin: await invoke('livedeck:app.getInfo', undefined, { url: 'https://evil.example/', parent: null }),
    subFrame: await invoke('livedeck:app.getInfo', undefined, { url: 'app://livedeck/index.html', parent: appFrame }),
    otherWindow: await invoke('livedeck:app.getInfo', undefined, appFrame, 9999),
    badInput: await invoke('livedeck:secrets.set', { key: 'nope', value: 'SECRET-IN-INPUT' }, appFrame),
    update: await invoke('livedeck:settings.update', { language: 'ru' }, appFrame)
  }
}

/** Menu, window bounds, power events and the quit guard (issue 7's native pieces). */
async function probeNative(main) {
  const flatten = (items) => items.flatMap((i) => [i, ...flatten(i.submenu ?? [])])
  const menus = records.menus.map((t) => t.map((m) => m.label))
  const last = records.menus.at(-1) ?? []
  const openLogs = flatten(last).find((i) => typeof i.click === 'function')
  openLogs?.click()
  const { x, y, width, height } = main.options
  // Closing saves the bounds into the settings file.
  main.emit('close', { preventDefault() {} })
  const settingsFile = join(process.env.LIVEDECK_BOOT_DIR ?? '', 'userData', 'settings.json')
  const saved = existsSync(settingsFile) ? JSON.parse(readFileSync(settingsFile, 'utf8')).window ?? null : null
  // Nothing is live: quitting goes ahead without a dialog.
  let beforeQuitPrevented = false
  electron.app.emit('before-quit', { preventDefault: () => (beforeQuitPrevented = true) })
  electron.powerMonitor.emit('suspend')
  electron.powerMonitor.emit('resume')
  return {
    menus,
    roles: flatten(last).flatMap((i) => (i.role ? [i.role] : [])),
    menuInstalls: records.menuInstalls,
    openLogsLabel: openLogs?.label ?? null,
    openedPaths: records.openedPaths.slice(),
    windowBounds: { x, y, width, height },
    savedWindow: saved,
    powerListeners: { suspend: electron.powerMonitor.listenerCount('suspend'), resume: electron.powerMonitor.listenerCount('resume') },
    powerSaveBlockers: records.powerSaveBlockers.slice(),
    beforeQuitPrevented,
    messageBoxes: records.messageBoxes.length
  }
}

/** Quitting: the app holds the quit until its services are disposed, then quits for real. */
async function probeQuit() {
  let prevented = false
  const quitsBefore = records.quit.length
  electron.app.emit('will-quit', { preventDefault: () => (prevented = true) })
  await waitFor('app.quit after dispose', () => records.quit.length > quitsBefore, 5_000)
  return { prevented, quitCalls: records.quit.length - quitsBefore, handlersAfter: [...records.ipcHandles.keys()].filter((c) => c.startsWith('livedeck:')) }
}

try {
  await import(pathToFileURL(join(outDir, 'main', 'index.js')).href)
  await waitFor('the main window to load', () => records.windows.some((w) => w.webContents.loaded.length > 0))
  await waitFor('IPC registration', () => records.ipcHandles.size > 0)
  const main = records.windows[0]
  const windows = []
  for (const w of records.windows) windows.push(await probeWindow(w))
  const sessions = []
  for (const [name, s] of records.sessions) sessions.push(await probeSession(name, s))
  const focusedBefore = main.focused
  electron.app.emit('second-instance', {}, ['livedeck'], process.cwd())
  const result = {
    singleInstanceLock: records.singleInstanceLock,
    privilegedSchemes: records.privilegedSchemes,
    readySeq: records.readySeq,
    ipcHandles: [...records.ipcHandles.keys()],
    windows,
    sessions,
    protocols: await probeProtocols(),
    ipc: await probeIpc(main.webContents.id),
    secondInstanceFocused: main.focused > focusedBefore,
    quitBeforeProbe: records.quit.slice()
  }
  result.sent = records.sent.map(([channel, payload]) => ({ channel, language: payload?.language }))
  result.native = await probeNative(main)
  result.quit = await probeQuit()
  result.powerListenersAfterQuit = { suspend: electron.powerMonitor.listenerCount('suspend'), resume: electron.powerMonitor.listenerCount('resume') }
  process.stdout.write(`BOOT_RESULT ${JSON.stringify(result)}\n`)
  process.exit(0)
} catch (e) {
  process.stderr.write(`BOOT_FAILED ${e instanceof Error ? e.stack : String(e)}\n`)
  process.exit(1)
}
