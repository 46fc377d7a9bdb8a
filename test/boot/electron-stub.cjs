/**
 * A recording stand-in for the `electron` module, for the boot test. The built main bundle runs in
 * a plain Node child process with `electron` resolved to this file (see register.mjs); every call
 * that matters for security is recorded in `records`, and the harness replays recorded handlers.
 * Anything not modelled here is a tolerant no-op recorder, so third-party code (electron-log,
 * electron-store) can touch other APIs without crashing the boot.
 */
'use strict'
const { Buffer } = require('node:buffer')
const { EventEmitter } = require('node:events')
const { join } = require('node:path')
const { setImmediate } = require('node:timers')

let seq = 0
const records = {
  /** [seq, path, args] of every call on a tolerant (unmodelled) API. */
  unmodelled: [],
  singleInstanceLock: [],
  privilegedSchemes: [],
  readySeq: null,
  protocolHandlers: new Map(),
  ipcHandles: new Map(),
  ipcOn: [],
  windows: [],
  sessions: new Map(),
  openedExternally: [],
  quit: [],
  sent: [],
  cleared: [],
  /** Templates passed to Menu.buildFromTemplate, and how many were installed. */
  menus: [],
  menuInstalls: 0,
  openedPaths: [],
  powerSaveBlockers: [],
  messageBoxes: [],
  /** What the next dialog.showMessageBox answers (button index). */
  messageBoxResponse: 0
}

/** Wraps an object so unknown properties become recording no-ops instead of TypeErrors. */
function tolerant(target, path) {
  return new Proxy(target, {
    get(t, prop, receiver) {
      if (prop in t || typeof prop === 'symbol' || prop === 'then') return Reflect.get(t, prop, receiver)
      return recorder(`${path}.${String(prop)}`)
    }
  })
}
function recorder(path) {
  const fn = (...args) => {
    records.unmodelled.push([++seq, path, args.map((a) => typeof a)])
    return undefined
  }
  return new Proxy(fn, {
    get(t, prop) {
      if (prop === 'then' || typeof prop === 'symbol') return undefined
      return recorder(`${path}.${String(prop)}`)
    }
  })
}

class Session extends EventEmitter {
  constructor(partition) {
    super()
    this.partition = partition
    this.permissionRequestHandler = null
    this.permissionCheckHandler = null
    this.devicePermissionHandler = null
    const self = this
    this.webRequest = tolerant(
      {
        onBeforeRequest(filterOrListener, maybeListener) {
          self.beforeRequest = maybeListener === undefined ? { filter: null, listener: filterOrListener } : { filter: filterOrListener, listener: maybeListener }
        }
      },
      `session(${partition}).webRequest`
    )
  }
  fetch(input, init) {
    return globalThis.fetch(input, init)
  }
  setPermissionRequestHandler(fn) {
    this.permissionRequestHandler = fn
  }
  setPermissionCheckHandler(fn) {
    this.permissionCheckHandler = fn
  }
  setDevicePermissionHandler(fn) {
    this.devicePermissionHandler = fn
  }
  clearStorageData() {
    records.cleared.push([this.partition, 'storage'])
    return Promise.resolve()
  }
  clearCache() {
    records.cleared.push([this.partition, 'cache'])
    return Promise.resolve()
  }
  clearAuthCache() {
    records.cleared.push([this.partition, 'auth'])
    return Promise.resolve()
  }
}
function sessionFor(partition) {
  if (!records.sessions.has(partition)) records.sessions.set(partition, tolerant(new Session(partition), `session(${partition})`))
  return records.sessions.get(partition)
}

let nextContentsId = 1
class WebContents extends EventEmitter {
  constructor(session) {
    super()
    this.id = nextContentsId++
    this.session = session
    this.windowOpenHandler = null
    this.loaded = []
  }
  setWindowOpenHandler(fn) {
    this.windowOpenHandler = fn
  }
  send(channel, payload) {
    records.sent.push([channel, payload])
  }
  loadURL(url) {
    this.loaded.push(url)
    return Promise.resolve()
  }
  isDestroyed() {
    return false
  }
}

class BrowserWindow extends EventEmitter {
  constructor(options = {}) {
    super()
    this.options = options
    const partition = options.webPreferences?.partition ?? ''
    this.webContents = tolerant(new WebContents(sessionFor(partition)), 'webContents')
    this.destroyed = false
    this.focused = 0
    records.windows.push(this)
    // Real windows emit ready-to-show once painted; here, on the next turn.
    setImmediate(() => this.emit('ready-to-show'))
  }
  loadURL(url) {
    return this.webContents.loadURL(url)
  }
  isDestroyed() {
    return this.destroyed
  }
  destroy() {
    this.destroyed = true
    this.emit('closed')
  }
  close() {
    this.destroy()
  }
  isMinimized() {
    return false
  }
  getNormalBounds() {
    const o = this.options
    return { x: o.x ?? 0, y: o.y ?? 0, width: o.width, height: o.height }
  }
  isMaximized() {
    return this.maximized === true
  }
  maximize() {
    this.maximized = true
  }
  restore() {}
  show() {}
  focus() {
    this.focused++
  }
  static getAllWindows() {
    return records.windows.filter((w) => !w.destroyed)
  }
}

const userDataRoot = process.env.LIVEDECK_BOOT_DIR ?? join(require('node:os').tmpdir(), 'livedeck-boot')
class App extends EventEmitter {
  constructor() {
    super()
    this.isPackaged = false
    this.name = 'Livedeck'
    this.ready = false
  }
  requestSingleInstanceLock() {
    records.singleInstanceLock.push(++seq)
    return true
  }
  whenReady() {
    // Ready comes after the module's synchronous top level, as in Electron.
    return new Promise((resolve) =>
      setImmediate(() => {
        if (!this.ready) {
          this.ready = true
          records.readySeq = ++seq
          this.emit('ready')
        }
        resolve()
      })
    )
  }
  isReady() {
    return this.ready
  }
  getPath(name) {
    return join(userDataRoot, name)
  }
  getAppPath() {
    return process.cwd()
  }
  getVersion() {
    return '0.1.0'
  }
  getName() {
    return 'Livedeck'
  }
  getLocale() {
    return 'en-US'
  }
  getPreferredSystemLanguages() {
    return ['en-US']
  }
  quit() {
    records.quit.push(++seq)
  }
  exit(code) {
    records.quit.push(++seq)
    records.exitCode = code
  }
}
const app = tolerant(new App(), 'app')

const protocol = tolerant(
  {
    registerSchemesAsPrivileged(schemes) {
      records.privilegedSchemes.push({ seq: ++seq, schemes })
    },
    handle(scheme, handler) {
      records.protocolHandlers.set(scheme, handler)
    }
  },
  'protocol'
)

const ipcMain = tolerant(
  Object.assign(new EventEmitter(), {
    handle(channel, fn) {
      if (records.ipcHandles.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`)
      records.ipcHandles.set(channel, fn)
    },
    removeHandler(channel) {
      records.ipcHandles.delete(channel)
    },
    on(channel, fn) {
      records.ipcOn.push(channel)
      return EventEmitter.prototype.on.call(this, channel, fn)
    }
  }),
  'ipcMain'
)

const session = tolerant(
  {
    get defaultSession() {
      return sessionFor('')
    },
    fromPartition(partition) {
      return sessionFor(partition)
    }
  },
  'session'
)

const shell = tolerant(
  {
    openExternal(url) {
      records.openedExternally.push(url)
      return Promise.resolve()
    },
    openPath(path) {
      records.openedPaths.push(path)
      return Promise.resolve('')
    }
  },
  'shell'
)

const net = tolerant({ fetch: (...args) => globalThis.fetch(...args), isOnline: () => true }, 'net')

const safeStorage = tolerant(
  {
    isAsyncEncryptionAvailable: () => Promise.resolve(true),
    getSelectedStorageBackend: () => 'gnome_libsecret',
    encryptStringAsync: (s) => Promise.resolve(Buffer.from(`stub:${s}`, 'utf8')),
    decryptStringAsync: (b) => Promise.resolve({ result: Buffer.from(b).toString('utf8').replace(/^stub:/, ''), shouldReEncrypt: false })
  },
  'safeStorage'
)

const clipboard = tolerant({ writeText() {} }, 'clipboard')
class Notification {
  static isSupported() {
    return false
  }
  show() {}
}
const webContents = tolerant({ getAllWebContents: () => records.windows.map((w) => w.webContents) }, 'webContents')
const dialog = tolerant(
  {
    showMessageBox(...args) {
      const options = args.length > 1 ? args[1] : args[0]
      records.messageBoxes.push({ modal: args.length > 1, options })
      return Promise.resolve({ response: records.messageBoxResponse, checkboxChecked: false })
    }
  },
  'dialog'
)
const nativeTheme = tolerant({ shouldUseDarkColors: false }, 'nativeTheme')
const Menu = tolerant(
  {
    buildFromTemplate(template) {
      records.menus.push(template)
      return { template }
    },
    setApplicationMenu() {
      records.menuInstalls++
    }
  },
  'Menu'
)
const powerMonitor = tolerant(new EventEmitter(), 'powerMonitor')
let nextBlockerId = 1
const powerSaveBlocker = tolerant(
  {
    start(type) {
      const id = nextBlockerId++
      records.powerSaveBlockers.push({ id, type, stopped: false })
      return id
    },
    stop(id) {
      const b = records.powerSaveBlockers.find((x) => x.id === id)
      if (b) b.stopped = true
    },
    isStarted(id) {
      return records.powerSaveBlockers.some((x) => x.id === id && !x.stopped)
    }
  },
  'powerSaveBlocker'
)
/** One 1920×1080 display (work area without a 40 px task bar). */
const display = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }
const screen = tolerant({ getPrimaryDisplay: () => display, getAllDisplays: () => [display] }, 'screen')

module.exports = {
  __records: records,
  app,
  BrowserWindow,
  protocol,
  ipcMain,
  session,
  shell,
  net,
  safeStorage,
  clipboard,
  Notification,
  webContents,
  dialog,
  nativeTheme,
  Menu,
  powerMonitor,
  powerSaveBlocker,
  screen
}
