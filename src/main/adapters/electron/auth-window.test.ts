/**
 * The Electron AuthWindow against the recording electron stub (test/boot/electron-stub.cjs): the
 * events a real window would fire are replayed on the recorded listeners.
 */
import { createRequire } from 'node:module'
import { describe, expect, it, vi } from 'vitest'
import type { Clock } from '../../ports/clock'
import type { AuthWindowOutcome, AuthWindowRequest } from '../../ports/auth-window'

vi.mock('electron', () => createRequire(import.meta.url)('../../../../test/boot/electron-stub.cjs') as Record<string, unknown>)

interface StubContents {
  id: number
  loaded: string[]
  session: StubSession
  windowOpenHandler: ((d: { url: string }) => { action: string; overrideBrowserWindowOptions?: { webPreferences?: Record<string, unknown> } }) | null
  listeners(event: string): Array<(...args: unknown[]) => void>
  emit(event: string, ...args: unknown[]): boolean
}
interface StubWindow {
  options: { webPreferences?: Record<string, unknown> }
  webContents: StubContents
  destroyed: boolean
  destroy(): void
}
interface StubSession {
  partition: string
  beforeRequest?: { filter: { urls: string[] } | null; listener: ((d: { url: string }, cb: (r: { cancel?: boolean }) => void) => void) | null }
  permissionRequestHandler: ((wc: null, p: string, cb: (ok: boolean) => void) => void) | null
}
interface Records {
  windows: StubWindow[]
  cleared: Array<[string, string]>
}
const electron = (await import('electron')) as unknown as { __records: Records; BrowserWindow: new (o: object) => StubWindow }
const records = electron.__records
const { createElectronAuthWindow } = await import('./auth-window')

const request: AuthWindowRequest = {
  platform: 'vk',
  authorizeUrl: 'https://auth.live.vkvideo.ru/app/oauth2/authorize?client_id=1&state=s',
  redirectUri: 'https://example.org/livedeck/cb',
  allowedHosts: ['auth.live.vkvideo.ru', '*.vk.com'],
  timeoutMs: 60_000
}

/** A clock whose timers fire only when the test says so. */
function manualClock(): Clock & { fire(): void } {
  const timers: Array<{ fn: () => void; cancelled: boolean }> = []
  return {
    now: () => 0,
    setTimeout(fn) {
      const t = { fn, cancelled: false }
      timers.push(t)
      return { cancel: () => void (t.cancelled = true) }
    },
    fire() {
      for (const t of timers.splice(0)) if (!t.cancelled) t.fn()
    }
  }
}

/** Fires a navigation-style event and says whether a listener prevented it. */
function fire(win: StubWindow, event: 'will-navigate' | 'will-redirect', url: string): boolean {
  let prevented = false
  for (const l of win.webContents.listeners(event)) l({ url, preventDefault: () => (prevented = true) })
  return prevented
}

async function opened(clock = manualClock()): Promise<{ win: StubWindow; outcome: Promise<AuthWindowOutcome>; clock: ReturnType<typeof manualClock> }> {
  const before = records.windows.length
  const outcome = createElectronAuthWindow({ clock }).open(request)
  await vi.waitFor(() => expect(records.windows.length).toBe(before + 1))
  return { win: records.windows[before]!, outcome, clock }
}

describe('Electron auth window', () => {
  it('opens a hardened window without preload in the platform partition, loading the authorize URL', async () => {
    const { win, outcome } = await opened()
    expect(win.options.webPreferences).toMatchObject({
      partition: 'persist:auth-vk',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true
    })
    expect(win.options.webPreferences?.preload).toBeUndefined()
    expect(win.webContents.loaded).toEqual([request.authorizeUrl])
    const answer = await new Promise((r) => win.webContents.session.permissionRequestHandler?.(null, 'media', r))
    expect(answer).toBe(false)
    win.destroy()
    expect(await outcome).toEqual({ kind: 'cancelled' })
  })

  it('catches the redirect in will-redirect before it loads and closes the window', async () => {
    const { win, outcome } = await opened()
    expect(fire(win, 'will-navigate', 'https://id.vk.com/login')).toBe(false)
    expect(fire(win, 'will-navigate', 'https://phish.example/login')).toBe(true)
    const redirect = 'https://example.org/livedeck/cb?code=abc&state=s'
    expect(fire(win, 'will-redirect', redirect)).toBe(true)
    expect(await outcome).toEqual({ kind: 'redirected', url: redirect })
    expect(win.destroyed).toBe(true)
    expect(win.webContents.session.beforeRequest?.listener).toBeNull()
  })

  it('cancels the redirect request itself as a backstop', async () => {
    const { win, outcome } = await opened()
    const backstop = win.webContents.session.beforeRequest
    expect(backstop?.filter).toEqual({ urls: ['https://example.org/livedeck/cb*'] })
    const answers: Array<{ cancel?: boolean }> = []
    backstop?.listener?.({ url: 'https://example.org/livedeck/cbx' }, (r) => answers.push(r))
    backstop?.listener?.({ url: 'https://example.org/livedeck/cb#access_token=t' }, (r) => answers.push(r))
    expect(answers).toEqual([{ cancel: false }, { cancel: true }])
    expect(await outcome).toEqual({ kind: 'redirected', url: 'https://example.org/livedeck/cb#access_token=t' })
  })

  it('times out on the clock and closes the window', async () => {
    const { win, outcome, clock } = await opened()
    clock.fire()
    expect(await outcome).toEqual({ kind: 'timedOut' })
    expect(win.destroyed).toBe(true)
  })

  it('allows popups on allowed hosts in the same partition, hardened the same way; denies the rest', async () => {
    const { win, outcome } = await opened()
    const handler = win.webContents.windowOpenHandler!
    expect(handler({ url: 'https://evil.example/' })).toEqual({ action: 'deny' })
    const allowed = handler({ url: 'https://id.vk.com/popup' })
    expect(allowed.action).toBe('allow')
    expect(allowed.overrideBrowserWindowOptions?.webPreferences).toMatchObject({ partition: 'persist:auth-vk', sandbox: true, contextIsolation: true })
    // Electron creates the popup; the opener's did-create-window hardens it.
    const popup = new electron.BrowserWindow({ webPreferences: allowed.overrideBrowserWindowOptions?.webPreferences })
    win.webContents.emit('did-create-window', popup, {})
    expect(fire(popup, 'will-navigate', 'https://phish.example/')).toBe(true)
    expect(fire(popup, 'will-navigate', 'https://example.org/livedeck/cb?code=p')).toBe(true)
    expect(await outcome).toEqual({ kind: 'redirected', url: 'https://example.org/livedeck/cb?code=p' })
  })

  it('cancels the open flow of a platform when a new one starts for it', async () => {
    const auth = createElectronAuthWindow({ clock: manualClock() })
    const first = auth.open(request)
    const firstWindow = records.windows.at(-1)!
    const second = auth.open(request)
    expect(await first).toEqual({ kind: 'cancelled' })
    expect(firstWindow.destroyed).toBe(true)
    const secondWindow = records.windows.at(-1)!
    expect(secondWindow).not.toBe(firstWindow)
    // The new flow's request guard is in place (the first flow's cleanup did not remove it).
    expect(secondWindow.webContents.session.beforeRequest?.listener).not.toBeNull()
    secondWindow.destroy()
    expect(await second).toEqual({ kind: 'cancelled' })
  })

  it('refuses an authorize URL off the allowed hosts without opening a window', async () => {
    const before = records.windows.length
    await expect(createElectronAuthWindow().open({ ...request, authorizeUrl: 'https://phish.example/authorize' })).rejects.toMatchObject({
      code: 'invalid_input'
    })
    expect(records.windows.length).toBe(before)
  })

  it('clears the platform partition on sign-out and needs no redirect override', async () => {
    const auth = createElectronAuthWindow()
    await auth.clearSession('kuaishou')
    expect(records.cleared.filter(([p]) => p === 'persist:auth-kuaishou').map(([, what]) => what)).toEqual(['storage', 'cache', 'auth'])
    expect(auth.redirectUriOverride('vk')).toBeNull()
  })
})
