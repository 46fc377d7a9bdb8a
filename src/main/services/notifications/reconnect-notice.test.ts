import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { Language } from '../../../shared/ipc/domain'
import { createNodeCipher } from '../../adapters/node/cipher'
import { createRecordingNotifier } from '../../adapters/node/sinks'
import { AppError } from '../../errors'
import type { Logger } from '../../ports/logger'
import { createTokenVault } from '../auth/token-vault'
import { reconnectNotification, watchReconnectNeeded } from './reconnect-notice'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))
const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} }

describe('reconnect notification', () => {
  it('notifies once, in the UI language, when a refused refresh puts an account in needsReconnect', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'livedeck-notice-'))
    dirs.push(dataDir)
    const now = 1_700_000_000_000
    const vault = createTokenVault({
      dataDir,
      cipher: createNodeCipher(dataDir),
      clock: { now: () => now, setTimeout: () => ({ cancel() {} }) },
      logger: quiet
    })
    const notifier = createRecordingNotifier()
    let language: Language = 'ru'
    const stop = watchReconnectNeeded({ vault, notifier, language: () => language })

    await vault.save('kuaishou', { accessToken: 'A', refreshToken: 'R', expiresAt: now + 1000 })
    expect(notifier.sent).toEqual([])
    const refused = () => Promise.reject(new AppError('platform', 'refresh refused', 100200113))
    await expect(vault.refresh('kuaishou', refused)).rejects.toMatchObject({ code: 'needs_reconnect' })
    expect(notifier.sent).toEqual([reconnectNotification('kuaishou', 'ru')])
    expect(notifier.sent[0]!.title).toBe('Переподключите Kuaishou')

    // Another account, another language; nothing after unsubscribing.
    language = 'zh'
    await vault.save('vk', { accessToken: 'B', refreshToken: 'S', expiresAt: now + 1000 })
    await expect(vault.refresh('vk', refused)).rejects.toMatchObject({ code: 'needs_reconnect' })
    expect(notifier.sent[1]).toEqual({ title: '请重新连接 VK Video Live', body: expect.stringContaining('Livedeck') as string })
    stop()
    await vault.save('vk', { accessToken: 'C', refreshToken: 'T', expiresAt: now + 1000 })
    await expect(vault.refresh('vk', refused)).rejects.toMatchObject({ code: 'needs_reconnect' })
    expect(notifier.sent).toHaveLength(2)
  })
})
