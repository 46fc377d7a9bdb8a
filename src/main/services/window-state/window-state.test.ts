import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createConfSettingsStore } from '../../adapters/node/settings-store'
import type { Logger } from '../../ports/logger'
import { restoreWindowState, type Rect, type WindowLimits } from './window-bounds'
import { createWindowStateService } from './window-state-service'

const limits: WindowLimits = { defaultWidth: 1280, defaultHeight: 800, minWidth: 900, minHeight: 600 }
const primary: Rect = { x: 0, y: 0, width: 1920, height: 1040 }
const right: Rect = { x: 1920, y: 0, width: 2560, height: 1400 }

describe('restoreWindowState', () => {
  it('first run: default size centred on the primary display', () => {
    expect(restoreWindowState(null, [primary, right], limits)).toEqual({
      bounds: { x: 320, y: 120, width: 1280, height: 800 },
      maximized: false
    })
  })

  it('keeps bounds that are fully visible, on either display, and the maximized flag', () => {
    const onRight = { bounds: { x: 2100, y: 50, width: 1400, height: 900 }, maximized: true }
    expect(restoreWindowState(onRight, [primary, right], limits)).toEqual(onRight)
  })

  it('the monitor it was on is gone: back to the primary display, centred', () => {
    const onRight = { bounds: { x: 2100, y: 50, width: 1400, height: 900 }, maximized: false }
    expect(restoreWindowState(onRight, [primary], limits)).toEqual({ bounds: { x: 320, y: 120, width: 1280, height: 800 }, maximized: false })
  })

  it('partly off-screen: moved fully onto the display showing most of it', () => {
    const state = { bounds: { x: 1300, y: -200, width: 1000, height: 700 }, maximized: false }
    expect(restoreWindowState(state, [primary, right], limits).bounds).toEqual({ x: 1920 - 1000, y: 0, width: 1000, height: 700 })
  })

  it('larger than a smaller display now: shrunk to its work area, never below the minimum the display allows', () => {
    const small: Rect = { x: 0, y: 0, width: 1024, height: 640 }
    const state = { bounds: { x: 0, y: 0, width: 1900, height: 1000 }, maximized: false }
    expect(restoreWindowState(state, [small], limits).bounds).toEqual({ x: 0, y: 0, width: 1024, height: 640 })
    const tiny: Rect = { x: 0, y: 0, width: 800, height: 500 }
    expect(restoreWindowState(state, [tiny], limits).bounds).toEqual({ x: 0, y: 0, width: 800, height: 500 })
  })

  it('a sliver left visible (less than 100 px) counts as lost', () => {
    const state = { bounds: { x: 1850, y: 100, width: 1000, height: 700 }, maximized: false }
    expect(restoreWindowState(state, [primary], limits).bounds).toEqual({ x: 320, y: 120, width: 1280, height: 800 })
  })

  it('displays with negative coordinates (a monitor left of the primary) are honoured', () => {
    const left: Rect = { x: -1680, y: 0, width: 1680, height: 1010 }
    const state = { bounds: { x: -1500, y: 100, width: 1200, height: 800 }, maximized: false }
    expect(restoreWindowState(state, [primary, left], limits)).toEqual(state)
  })
})

describe('window state service (real settings file)', () => {
  const dirs: string[] = []
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))
  const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} }

  it('saves to the settings store and restores after a reopen, rounded', () => {
    const dir = mkdtempSync(join(tmpdir(), 'livedeck-window-'))
    dirs.push(dir)
    const first = createWindowStateService({ store: createConfSettingsStore(dir), limits, logger: silent })
    first.save({ bounds: { x: 100.4, y: 80.6, width: 1000, height: 700 }, maximized: true })
    const second = createWindowStateService({ store: createConfSettingsStore(dir), limits, logger: silent })
    expect(second.restore([primary])).toEqual({ bounds: { x: 100, y: 81, width: 1000, height: 700 }, maximized: true })
  })

  it('an invalid stored value is ignored with a warning', () => {
    const dir = mkdtempSync(join(tmpdir(), 'livedeck-window-'))
    dirs.push(dir)
    const warnings: string[] = []
    const store = createConfSettingsStore(dir)
    const fake = { ...store, get: ((key: string) => (key === 'window' ? { bounds: 'nope' } : store.get(key as 'vk'))) as typeof store.get }
    const service = createWindowStateService({ store: fake, limits, logger: { ...silent, warn: (m) => warnings.push(m) } })
    expect(service.restore([primary]).bounds).toEqual({ x: 320, y: 120, width: 1280, height: 800 })
    expect(warnings).toEqual(['stored window bounds are invalid; using defaults'])
  })
})
