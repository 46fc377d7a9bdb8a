/**
 * Installers, checked offline (real packaging downloads Electron): electron-builder.yml against
 * electron-builder's schema, the files it references, what the package leaves out, the fuses hook on a
 * binary carrying Electron's fuse wire, the notarization hook's credential gate, and the icons.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import picomatch from 'picomatch'
import { afterEach, describe, expect, it } from 'vitest'
import { decodePng, icnsTypes, icoSizes, linuxSizes, makeIcons } from '../scripts/make-icons'

const root = resolve(import.meta.dirname, '..')
const require = createRequire(import.meta.url)
const { validateBuilderConfig } = require('../scripts/validate-builder-config.cjs') as {
  validateBuilderConfig: (dir: string, configPath?: string | null) => Promise<BuilderConfig>
}
const fusesHook = require('../scripts/fuses.cjs') as ((context: unknown) => Promise<void>) & { shouldFlipFuses(env: object): boolean }
const { notarizeCredentials } = require('../scripts/notarize.cjs') as { notarizeCredentials: (env: object) => object | null }
const { getCurrentFuseWire, FuseV1Options } = require('@electron/fuses') as typeof import('@electron/fuses')

type Target = { target: string; arch: string[] }
interface BuilderConfig {
  /** getConfig normalizes the list into one file set. */
  files: Array<{ filter: string[] }>
  afterPack: string
  afterSign: string
  win: { icon: string; target: Target[]; signtoolOptions: { publisherName: string } }
  nsis: { oneClick: boolean; perMachine: boolean; installerIcon: string; uninstallerIcon: string }
  mac: { icon: string; hardenedRuntime: boolean; entitlements: string; entitlementsInherit: string; target: Target[] }
  linux: { icon: string; target: Target[] }
}

const dirs: string[] = []
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'livedeck-installer-'))
  dirs.push(dir)
  return dir
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

describe('electron-builder.yml', () => {
  it("passes electron-builder's schema; an unknown key fails it", async () => {
    await expect(validateBuilderConfig(root)).resolves.toBeDefined()
    const dir = tempDir()
    writeFileSync(join(dir, 'bogus.yml'), `${readFileSync(join(root, 'electron-builder.yml'), 'utf8')}\nbogusKey: 1\n`)
    await expect(validateBuilderConfig(root, join(dir, 'bogus.yml'))).rejects.toThrow(/unknown property 'bogusKey'/)
  }, 30_000)

  it('targets: NSIS per-user x64+arm64 with publisher; dmg+zip x64+arm64 hardened; AppImage', async () => {
    const c = await validateBuilderConfig(root)
    expect(c.win.target).toEqual([{ target: 'nsis', arch: ['x64', 'arm64'] }])
    expect(c.win.signtoolOptions.publisherName).toBe('Livedeck')
    expect(c.nsis).toMatchObject({ oneClick: false, perMachine: false })
    expect(c.mac.target).toEqual([{ target: 'dmg', arch: ['x64', 'arm64'] }, { target: 'zip', arch: ['x64', 'arm64'] }])
    expect(c.mac.hardenedRuntime).toBe(true)
    expect(c.linux.target).toEqual([{ target: 'AppImage', arch: ['x64'] }])
  }, 30_000)

  it('every file it references exists (icons, entitlements, hooks)', async () => {
    const c = await validateBuilderConfig(root)
    for (const path of [c.win.icon, c.nsis.installerIcon, c.nsis.uninstallerIcon, c.mac.icon, c.mac.entitlements, c.mac.entitlementsInherit, c.afterPack, c.afterSign]) {
      expect(existsSync(join(root, path)), path).toBe(true)
    }
    const linuxIcons = readdirSync(join(root, c.linux.icon))
    expect(linuxIcons).toEqual(expect.arrayContaining(['256x256.png', '512x512.png']))
    expect(readFileSync(join(root, c.mac.entitlements), 'utf8')).toContain('com.apple.security.cs.allow-jit')
  }, 30_000)

  it('packs the built app only: sandbox, tests, e2e, sources and scripts stay out', async () => {
    const files = (await validateBuilderConfig(root)).files.flatMap((set) => set.filter)
    // electron-builder semantics: a path is in when it matches an include and no later "!" pattern.
    const packed = (path: string): boolean =>
      files.reduce((inside, pattern) => (pattern.startsWith('!') ? inside && !picomatch(pattern.slice(1), { dot: true })(path) : inside || picomatch(pattern, { dot: true })(path)), false)
    expect(packed('out/main/index.js')).toBe(true)
    expect(packed('out/renderer/index.html')).toBe(true)
    expect(packed('package.json')).toBe(true)
    for (const path of ['sandbox/src/cli.ts', 'test/boot.test.ts', 'e2e/app.spec.ts', 'src/main/index.ts', 'scripts/make-icons.ts', 'out/main/index.js.map']) {
      expect(packed(path), path).toBe(false)
    }
  }, 30_000)
})

describe('fuses (afterPack hook)', () => {
  const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
  /** Electron 45's wire as shipped: RunAsNode on, cookies off, NODE_OPTIONS on, inspect on, asar checks off… */
  const shipped = '10110001'

  function fakePackedApp(): { appOutDir: string; binary: string } {
    const appOutDir = tempDir()
    const binary = join(appOutDir, 'livedeck')
    writeFileSync(binary, Buffer.concat([Buffer.from('ELF…padding…'), Buffer.from(SENTINEL), Buffer.from([1, shipped.length]), Buffer.from(shipped), Buffer.from('…rest')]))
    return { appOutDir, binary }
  }
  const context = (appOutDir: string) => ({ appOutDir, electronPlatformName: 'linux', arch: 1, packager: { appInfo: { productFilename: 'Livedeck' }, executableName: 'livedeck' } })
  const state = (wire: Record<number, unknown>, fuse: number) => String.fromCharCode(wire[fuse] as number)

  it('a release build flips RunAsNode, NODE_OPTIONS and inspect off, asar integrity, asar-only and cookie encryption on', async () => {
    const { appOutDir, binary } = fakePackedApp()
    delete process.env.LIVEDECK_E2E_BUILD
    await fusesHook(context(appOutDir))
    const wire = (await getCurrentFuseWire(binary)) as unknown as Record<number, unknown>
    expect(state(wire, FuseV1Options.RunAsNode)).toBe('0')
    expect(state(wire, FuseV1Options.EnableNodeOptionsEnvironmentVariable)).toBe('0')
    expect(state(wire, FuseV1Options.EnableNodeCliInspectArguments)).toBe('0')
    expect(state(wire, FuseV1Options.EnableEmbeddedAsarIntegrityValidation)).toBe('1')
    expect(state(wire, FuseV1Options.OnlyLoadAppFromAsar)).toBe('1')
    expect(state(wire, FuseV1Options.EnableCookieEncryption)).toBe('1')
    // Fuses it does not set keep Electron's value.
    expect(state(wire, FuseV1Options.GrantFileProtocolExtraPrivileges)).toBe('1')
  })

  it('an e2e build (LIVEDECK_E2E_BUILD=1) stays unfused', async () => {
    const { appOutDir, binary } = fakePackedApp()
    const before = readFileSync(binary)
    process.env.LIVEDECK_E2E_BUILD = '1'
    try {
      await fusesHook(context(appOutDir))
    } finally {
      delete process.env.LIVEDECK_E2E_BUILD
    }
    expect(readFileSync(binary).equals(before)).toBe(true)
    expect(fusesHook.shouldFlipFuses({})).toBe(true)
  })
})

describe('notarization hook', () => {
  it('runs only with complete Apple credentials (Apple ID or API key)', () => {
    expect(notarizeCredentials({})).toBeNull()
    expect(notarizeCredentials({ APPLE_ID: 'a@b.c', APPLE_APP_SPECIFIC_PASSWORD: 'x' })).toBeNull()
    expect(notarizeCredentials({ APPLE_ID: 'a@b.c', APPLE_APP_SPECIFIC_PASSWORD: 'x', APPLE_TEAM_ID: 'T' })).toEqual({ appleId: 'a@b.c', appleIdPassword: 'x', teamId: 'T' })
    expect(notarizeCredentials({ APPLE_API_KEY: '/k.p8', APPLE_API_KEY_ID: 'K', APPLE_API_ISSUER: 'I' })).toEqual({ appleApiKey: '/k.p8', appleApiKeyId: 'K', appleApiIssuer: 'I' })
  })
})

describe('icons (scripts/make-icons.ts)', () => {
  it('generates PNG sizes, an ICO and an ICNS from resources/icon.png, identical to the committed ones', () => {
    const dir = tempDir()
    copyFileSync(join(root, 'resources', 'icon.png'), join(dir, 'icon.png'))
    makeIcons(dir)
    for (const size of linuxSizes) {
      const png = decodePng(readFileSync(join(dir, 'icons', `${size}x${size}.png`)))
      expect([png.width, png.height]).toEqual([size, size])
    }
    const ico = readFileSync(join(dir, 'icon.ico'))
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, icoSizes.length])
    const icoEntries = icoSizes.map((_, i) => {
      const e = 6 + i * 16
      const png = decodePng(ico.subarray(ico.readUInt32LE(e + 12), ico.readUInt32LE(e + 12) + ico.readUInt32LE(e + 8)))
      return [ico.readUInt8(e) || 256, png.width]
    })
    expect(icoEntries).toEqual(icoSizes.map((s) => [s, s]))
    const icns = readFileSync(join(dir, 'icon.icns'))
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns')
    expect(icns.readUInt32BE(4)).toBe(icns.length)
    const elements: Array<[string, number]> = []
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4)) {
      const length = icns.readUInt32BE(at + 4)
      elements.push([icns.subarray(at, at + 4).toString('latin1'), decodePng(icns.subarray(at + 8, at + length)).width])
    }
    expect(elements).toEqual(icnsTypes.map(([type, size]) => [type, size]))
    // The committed icons are what the script makes from the committed source.
    for (const file of ['icon.ico', 'icon.icns', 'icons/256x256.png']) {
      expect(readFileSync(join(dir, file)).equals(readFileSync(join(root, 'resources', file))), file).toBe(true)
    }
  }, 60_000)

  it('a downscaled edge keeps its colour where the source is transparent around it (premultiplied alpha)', () => {
    const png = decodePng(readFileSync(join(root, 'resources', 'icons', '16x16.png')))
    const [r, g, b, a] = png.data.subarray((8 * 16 + 1) * 4, (8 * 16 + 1) * 4 + 4)
    expect(a).toBeGreaterThan(0)
    // The left edge of the gradient square is reddish-purple, not darkened toward black.
    expect(Math.max(r!, g!, b!)).toBeGreaterThan(120)
  })
})
