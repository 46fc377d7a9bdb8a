// The Electron binary is absent here, so these tests stand in a recording `electron` module and
// check what our thin adapters do with it: backend detection, error mapping, and log redaction.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { CipherError } from '../../ports/cipher'

const electron = vi.hoisted(() => ({
  backend: 'gnome_libsecret',
  available: true,
  written: [] as string[],
  shown: [] as Array<{ title: string; body: string }>,
  opened: [] as string[]
}))
const logged = vi.hoisted(() => [] as unknown[][])

vi.mock('electron', () => ({
  safeStorage: {
    isAsyncEncryptionAvailable: () => Promise.resolve(electron.available),
    getSelectedStorageBackend: () => electron.backend,
    encryptStringAsync: (s: string) => Promise.resolve(Buffer.from(`enc:${s}`)),
    decryptStringAsync: (b: Buffer) =>
      b.toString().startsWith('enc:')
        ? Promise.resolve({ shouldReEncrypt: false, result: b.toString().slice(4) })
        : Promise.reject(new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.'))
  },
  clipboard: { writeText: (t: string) => void electron.written.push(t) },
  Notification: class {
    static isSupported = () => true
    constructor(private readonly n: { title: string; body: string }) {}
    show() {
      electron.shown.push(this.n)
    }
  },
  shell: { openExternal: (u: string) => Promise.resolve(void electron.opened.push(u)) }
}))

vi.mock('electron-log/main', () => {
  const hooks: Array<(m: { data: unknown[] }) => { data: unknown[] } | false> = []
  const write = (...data: unknown[]) => {
    let message: { data: unknown[] } | false = { data }
    for (const hook of hooks) if (message) message = hook(message)
    if (message) logged.push(message.data)
  }
  return { default: { hooks, debug: write, info: write, warn: write, error: write } }
})

const { createElectronCipher } = await import('./cipher')
const { electronClipboard } = await import('./clipboard')
const { electronNotifier } = await import('./notifier')
const { electronExternalOpener } = await import('./external-opener')
const { createElectronLogger } = await import('./logger')

beforeEach(() => {
  electron.backend = 'gnome_libsecret'
  electron.available = true
})

describe('Electron cipher', () => {
  it('round-trips through safeStorage', async () => {
    const cipher = createElectronCipher()
    expect(await cipher.decrypt(await cipher.encrypt('s3cret'))).toBe('s3cret')
  })

  it('is not protected on Linux basic_text or without encryption', async () => {
    const cipher = createElectronCipher()
    expect(await cipher.isProtected()).toBe(true)
    electron.backend = 'basic_text'
    expect(await cipher.isProtected()).toBe(process.platform !== 'linux')
    electron.available = false
    expect(await cipher.isProtected()).toBe(false)
  })

  it('maps a decryption failure to CipherError', async () => {
    await expect(createElectronCipher().decrypt(Buffer.from('garbage'))).rejects.toBeInstanceOf(CipherError)
  })
})

describe('Electron clipboard, notifier, opener', () => {
  it('delegate to Electron', async () => {
    await electronClipboard.writeText('key')
    electronNotifier.notify({ title: 'Live ended', body: 'b' })
    await electronExternalOpener.openExternal('https://a/')
    expect(electron.written).toEqual(['key'])
    expect(electron.shown).toEqual([{ title: 'Live ended', body: 'b' }])
    expect(electron.opened).toEqual(['https://a/'])
  })
})

describe('Electron logger', () => {
  it('redacts every argument before a transport sees it, hooking only once', () => {
    const log = createElectronLogger()
    createElectronLogger()
    log.warn('token call https://x/?access_token=AT-secret-1', { refresh_token: 'RT-secret-1', status: 401 })
    expect(logged).toHaveLength(1)
    expect(JSON.stringify(logged)).not.toContain('secret-1')
    expect(logged[0]?.[1]).toMatchObject({ status: 401 })
  })
})
