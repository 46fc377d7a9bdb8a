import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { settingsDefaults } from '../../settings/schema'
import { createConfSettingsStore } from './settings-store'

const dirs: string[] = []
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'livedeck-store-'))
  dirs.push(d)
  return d
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

describe('conf SettingsStore', () => {
  it('starts from the defaults and persists across a restart', () => {
    const dir = tempDir()
    const store = createConfSettingsStore(dir)
    expect(store.get('vk')).toEqual(settingsDefaults.vk)
    store.set('language', 'ru')
    store.set('vk', { clientId: 'app1', redirectUri: 'https://localhost/cb', scopes: ['chat:settings'] })
    store.set('secrets', { 'vk.clientSecret': 'AAEC' })

    const again = createConfSettingsStore(dir)
    expect(again.get('language')).toBe('ru')
    expect(again.get('vk').clientId).toBe('app1')
    expect(again.get('secrets')).toEqual({ 'vk.clientSecret': 'AAEC' })
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'))).toMatchObject({ language: 'ru' })
  })

  it('validates writes against the shared schema', () => {
    const store = createConfSettingsStore(tempDir())
    expect(() => store.set('language', 'de' as never)).toThrow(/schema/i)
    expect(() => store.set('secrets', { 'vk.clientSecret': 'not base64!' })).toThrow(/schema/i)
  })

  it('deletes an optional key when set to undefined', () => {
    const store = createConfSettingsStore(tempDir())
    store.set('language', 'zh')
    store.set('language', undefined)
    expect(store.get('language')).toBeUndefined()
    expect(store.snapshot()).not.toHaveProperty('language')
  })

  it('moves an unreadable file aside and starts fresh instead of failing to start', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'settings.json'), JSON.stringify({ language: 42 }))
    const store = createConfSettingsStore(dir)
    expect(store.get('language')).toBeUndefined()
    expect(readdirSync(dir).some((f) => f.startsWith('settings.json.invalid-'))).toBe(true)
    expect(existsSync(join(dir, 'settings.json'))).toBe(true)
  })
})
