import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { SettingsView } from '../../../shared/ipc/domain'
import { createNodeCipher, KEY_FILE_NAME } from '../../adapters/node/cipher'
import { createNodeLogger } from '../../adapters/node/logger'
import { createConfSettingsStore } from '../../adapters/node/settings-store'
import { AppError } from '../../errors'
import { defaultKuaishouScopes, defaultVkScopes } from '../../settings/schema'
import { createSettingsService } from './settings-service'

const dirs: string[] = []
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'livedeck-settings-'))
  dirs.push(d)
  return d
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

const logLines: string[] = []
const open = (dir: string, defaultLanguage?: 'en' | 'ru' | 'zh') =>
  createSettingsService({
    store: createConfSettingsStore(dir),
    cipher: createNodeCipher(dir),
    logger: createNodeLogger({ write: (l) => logLines.push(l) }),
    defaultLanguage
  })

/** Every file in the data dir, as text, to search for leaked plaintext. */
const allFilesText = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((p) => statSync(p).isFile())
    .map((p) => readFileSync(p).toString('latin1'))
    .join('\n')

describe('settings service', () => {
  it('starts with sensible defaults and the OS language', () => {
    const view = open(tempDir(), 'zh').view()
    expect(view.language).toBe('zh')
    expect(view.vk).toEqual({ clientId: '', redirectUri: '', scopes: defaultVkScopes, clientSecretConfigured: false })
    expect(view.kuaishou.scopes).toEqual(defaultKuaishouScopes)
    expect(view.kuaishou.appSecretConfigured).toBe(false)
    expect(defaultVkScopes).toEqual(expect.arrayContaining(['channel:credentials', 'chat:message:send']))
    expect(defaultKuaishouScopes.join(',')).toBe('user_info,user_video_live')
  })

  it('round-trips a partial update across a restart with the same data dir', () => {
    const dir = tempDir()
    open(dir).update({ language: 'ru', vk: { clientId: 'vkapp', redirectUri: 'https://localhost/cb' }, kuaishou: { bizId: 'biz-7' } })
    const view = open(dir, 'zh').view()
    expect(view.language).toBe('ru')
    expect(view.vk).toMatchObject({ clientId: 'vkapp', redirectUri: 'https://localhost/cb', scopes: defaultVkScopes })
    expect(view.kuaishou.bizId).toBe('biz-7')
  })

  it('keeps dashboard preferences (theme, split) across a restart and refuses out-of-range values', () => {
    const dir = tempDir()
    expect(open(dir).view().ui).toEqual({ theme: 'system', split: 0.5 })
    open(dir).update({ ui: { split: 0.62 } })
    open(dir).update({ ui: { theme: 'dark' } })
    expect(open(dir).view().ui).toEqual({ theme: 'dark', split: 0.62 })
    expect(() => open(dir).update({ ui: { split: 0.95 } })).toThrow()
    expect(open(dir).view().ui.split).toBe(0.62)
  })

  it('de-duplicates scopes', () => {
    const view = open(tempDir()).update({ vk: { scopes: ['chat:settings', 'chat:settings'] } })
    expect(view.vk.scopes).toEqual(['chat:settings'])
  })

  it('stores secrets encrypted: configured in the view, readable by main only, never on disk in clear', async () => {
    const dir = tempDir()
    const settings = open(dir)
    const view = await settings.setSecret('vk.clientSecret', 'VK-CLIENT-SECRET-123\n')
    expect(view.vk.clientSecretConfigured).toBe(true)
    expect(JSON.stringify(view)).not.toContain('VK-CLIENT-SECRET-123')
    expect(await settings.getSecret('vk.clientSecret')).toBe('VK-CLIENT-SECRET-123')
    expect(allFilesText(dir)).not.toContain('VK-CLIENT-SECRET-123')
    const stored = JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')) as { secrets: Record<string, string> }
    expect(stored.secrets['vk.clientSecret']).toMatch(/^[A-Za-z0-9+/]+=*$/)

    const restarted = open(dir)
    expect(restarted.view().vk.clientSecretConfigured).toBe(true)
    expect(await restarted.getSecret('vk.clientSecret')).toBe('VK-CLIENT-SECRET-123')
  })

  it('clears a secret', async () => {
    const settings = open(tempDir())
    await settings.setSecret('kuaishou.appSecret', 'KS-SECRET')
    expect(settings.clearSecret('kuaishou.appSecret').kuaishou.appSecretConfigured).toBe(false)
    expect(await settings.getSecret('kuaishou.appSecret')).toBeNull()
  })

  it('refuses an empty secret', async () => {
    await expect(open(tempDir()).setSecret('vk.clientSecret', '  \n')).rejects.toSatisfy(
      (e) => e instanceof AppError && e.code === 'invalid_input'
    )
  })

  it('turns an undecryptable secret (key changed) into "not configured" instead of an error', async () => {
    const dir = tempDir()
    await open(dir).setSecret('vk.clientSecret', 'VK-SECRET')
    writeFileSync(join(dir, KEY_FILE_NAME), Buffer.alloc(32, 7))
    const settings = open(dir)
    const seen: SettingsView[] = []
    settings.onChange((v) => seen.push(v))
    expect(await settings.getSecret('vk.clientSecret')).toBeNull()
    expect(settings.view().vk.clientSecretConfigured).toBe(false)
    expect(seen.at(-1)?.vk.clientSecretConfigured).toBe(false)
  })

  it('notifies listeners on every change', async () => {
    const settings = open(tempDir())
    const seen: SettingsView[] = []
    const off = settings.onChange((v) => seen.push(v))
    settings.update({ language: 'zh' })
    await settings.setSecret('vk.clientSecret', 'x')
    off()
    settings.update({ language: 'en' })
    expect(seen.map((v) => v.language)).toEqual(['zh', 'zh'])
    expect(seen[1]?.vk.clientSecretConfigured).toBe(true)
  })

  it('prefills blank fields only, keeping what the user typed', async () => {
    const dir = tempDir()
    const settings = open(dir)
    settings.update({ vk: { clientId: 'mine' } })
    await settings.setSecret('vk.clientSecret', 'MY-SECRET')
    const view = await settings.prefill({
      vk: { clientId: 'sandbox-vk', clientSecret: 'SANDBOX-VK-SECRET', redirectUri: 'http://127.0.0.1:9/cb' },
      kuaishou: { appId: 'ks_app', appSecret: 'SANDBOX-KS-SECRET', redirectUri: 'http://127.0.0.1:9/ks' }
    })
    expect(view.vk).toMatchObject({ clientId: 'mine', redirectUri: 'http://127.0.0.1:9/cb' })
    expect(await settings.getSecret('vk.clientSecret')).toBe('MY-SECRET')
    expect(view.kuaishou).toMatchObject({ appId: 'ks_app', redirectUri: 'http://127.0.0.1:9/ks', appSecretConfigured: true })
    expect(await settings.getSecret('kuaishou.appSecret')).toBe('SANDBOX-KS-SECRET')
    expect(allFilesText(dir)).not.toMatch(/SANDBOX-KS-SECRET|MY-SECRET/)
  })
})
