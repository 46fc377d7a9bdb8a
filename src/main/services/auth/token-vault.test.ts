import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createNodeCipher, KEY_FILE_NAME } from '../../adapters/node/cipher'
import { AppError } from '../../errors'
import type { Clock } from '../../ports/clock'
import type { Logger } from '../../ports/logger'
import { createTokenVault, type TokenRecord, type VaultState } from './token-vault'

const dirs: string[] = []
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} }

function setup(dataDir = mkdtempSync(join(tmpdir(), 'livedeck-vault-'))) {
  if (!dirs.includes(dataDir)) dirs.push(dataDir)
  let now = 1_700_000_000_000
  const clock: Clock = { now: () => now, setTimeout: () => ({ cancel() {} }) }
  const vault = createTokenVault({ dataDir, cipher: createNodeCipher(dataDir), clock, logger: quiet })
  const states: Array<[string, VaultState]> = []
  vault.onStateChange((account, state) => states.push([account, state]))
  return { dataDir, vault, states, advance: (ms: number) => (now += ms), now: () => now }
}

const tokens = (n: number, expiresAt: number): TokenRecord => ({
  accessToken: `ACCESS-TOKEN-${n}`,
  refreshToken: `REFRESH-TOKEN-${n}`,
  expiresAt,
  scopes: ['chat:message:send']
})

/** Every byte in the data dir, to search for plaintext. */
const diskText = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((p) => statSync(p).isFile())
    .map((p) => readFileSync(p).toString('latin1'))
    .join('\n')

/** A refresh the test resolves by hand, counting calls. */
function manualRefresh() {
  const calls: TokenRecord[] = []
  let resolve!: (t: TokenRecord) => void
  let reject!: (e: unknown) => void
  const doRefresh = (current: TokenRecord) => {
    calls.push(current)
    return new Promise<TokenRecord>((res, rej) => {
      resolve = res
      reject = rej
    })
  }
  return { calls, doRefresh, resolve: (t: TokenRecord) => resolve(t), reject: (e: unknown) => reject(e) }
}

const until = async (cond: () => boolean, timeoutMs = 2000) => {
  const start = Date.now()
  while (!cond()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time')
    await new Promise((r) => setImmediate(r))
  }
}

describe('TokenVault', () => {
  it('saves, reads back, and restores after a restart on the same data dir', async () => {
    const { vault, dataDir, now } = setup()
    expect(await vault.state('vk')).toBe('disconnected')
    await vault.save('vk', tokens(1, now() + 3_600_000))
    expect(await vault.get('vk')).toMatchObject({ accessToken: 'ACCESS-TOKEN-1' })
    expect(await vault.expiresAt('vk')).toBe(now() + 3_600_000)

    const restarted = setup(dataDir).vault
    expect(await restarted.get('vk')).toEqual(tokens(1, now() + 3_600_000))
    expect(await restarted.state('vk')).toBe('connected')
    expect(await restarted.get('kuaishou')).toBeNull()
  })

  it('never writes the plaintext tokens to disk, and keeps the blob private', async () => {
    const { vault, dataDir, now } = setup()
    await vault.save('vk', tokens(1, now() + 1000))
    await vault.save('kuaishou', tokens(2, now() + 1000))
    const text = diskText(dataDir)
    expect(text).not.toMatch(/ACCESS-TOKEN|REFRESH-TOKEN/)
    expect(statSync(join(dataDir, 'vault', 'vk.bin')).mode & 0o777).toBe(0o600)
    expect(readdirSync(join(dataDir, 'vault')).sort()).toEqual(['kuaishou.bin', 'vk.bin'])
  })

  it('clears an account from memory and disk', async () => {
    const { vault, dataDir, now, states } = setup()
    await vault.save('vk', tokens(1, now() + 1000))
    await vault.clear('vk')
    expect(await vault.get('vk')).toBeNull()
    expect(readdirSync(join(dataDir, 'vault'))).toEqual([])
    expect(states).toEqual([['vk', 'connected'], ['vk', 'disconnected']])
    expect(await setup(dataDir).vault.get('vk')).toBeNull()
  })

  it('runs one refresh for concurrent callers and persists the new pair before returning it', async () => {
    const { vault, dataDir, now } = setup()
    await vault.save('vk', tokens(1, now() + 10_000))
    const r = manualRefresh()
    const callers = [
      vault.refresh('vk', r.doRefresh),
      vault.refresh('vk', r.doRefresh),
      vault.getFresh('vk', { refreshBeforeMs: 60_000, doRefresh: r.doRefresh })
    ]
    await until(() => r.calls.length > 0)
    expect(r.calls).toHaveLength(1)
    expect(r.calls[0]?.refreshToken).toBe('REFRESH-TOKEN-1')
    r.resolve(tokens(2, now() + 3_600_000))
    const results = await Promise.all(callers)
    expect(results.map((t) => t.accessToken)).toEqual(['ACCESS-TOKEN-2', 'ACCESS-TOKEN-2', 'ACCESS-TOKEN-2'])
    expect(r.calls).toHaveLength(1)
    // Already on disk: a new instance sees the rotated pair.
    expect((await setup(dataDir).vault.get('vk'))?.refreshToken).toBe('REFRESH-TOKEN-2')
  })

  it('does not refresh again for a 401 on a token that was already replaced', async () => {
    const { vault, now } = setup()
    await vault.save('vk', tokens(1, now() + 10_000))
    let calls = 0
    const doRefresh = () => Promise.resolve(tokens(++calls + 1, now() + 3_600_000))
    await vault.refresh('vk', doRefresh, { ifAccessToken: 'ACCESS-TOKEN-1' })
    const again = await vault.refresh('vk', doRefresh, { ifAccessToken: 'ACCESS-TOKEN-1' })
    expect(calls).toBe(1)
    expect(again.accessToken).toBe('ACCESS-TOKEN-2')
  })

  it('getFresh refreshes only shortly before expiry (fake clock)', async () => {
    const { vault, now, advance } = setup()
    await vault.save('vk', tokens(1, now() + 10 * 60_000))
    let calls = 0
    const doRefresh = () => Promise.resolve(tokens(++calls + 1, now() + 10 * 60_000))
    expect((await vault.getFresh('vk', { refreshBeforeMs: 60_000, doRefresh })).accessToken).toBe('ACCESS-TOKEN-1')
    advance(8 * 60_000)
    expect((await vault.getFresh('vk', { refreshBeforeMs: 60_000, doRefresh })).accessToken).toBe('ACCESS-TOKEN-1')
    advance(90_000) // 30 s before expiry
    expect((await vault.getFresh('vk', { refreshBeforeMs: 60_000, doRefresh })).accessToken).toBe('ACCESS-TOKEN-2')
    expect(calls).toBe(1)
  })

  it('turns a failed refresh into needsReconnect, once, with no further refresh attempts', async () => {
    const { vault, now, states, dataDir } = setup()
    await vault.save('vk', tokens(1, now() + 1000))
    const r = manualRefresh()
    const first = vault.refresh('vk', r.doRefresh)
    await until(() => r.calls.length === 1)
    r.reject(new AppError('platform', 'invalid_grant', 'invalid_grant'))
    await expect(first).rejects.toMatchObject({ code: 'needs_reconnect', platformCode: 'invalid_grant' })
    expect(await vault.state('vk')).toBe('needsReconnect')
    await expect(vault.refresh('vk', r.doRefresh)).rejects.toMatchObject({ code: 'needs_reconnect' })
    await expect(vault.getFresh('vk', { refreshBeforeMs: 0, doRefresh: r.doRefresh })).rejects.toMatchObject({
      code: 'needs_reconnect'
    })
    expect(r.calls).toHaveLength(1)
    expect(states).toEqual([['vk', 'connected'], ['vk', 'needsReconnect']])
    // The state survives a restart: no refresh is retried at start-up.
    const restarted = setup(dataDir)
    expect(await restarted.vault.state('vk')).toBe('needsReconnect')
    await expect(restarted.vault.refresh('vk', r.doRefresh)).rejects.toMatchObject({ code: 'needs_reconnect' })
    expect(r.calls).toHaveLength(1)
    // Signing in again recovers, across restarts too.
    await vault.save('vk', tokens(3, now() + 1000))
    expect(await vault.state('vk')).toBe('connected')
    expect(await setup(dataDir).vault.state('vk')).toBe('connected')
  })

  it('keeps the tokens on a transient (network) refresh failure', async () => {
    const { vault, now } = setup()
    await vault.save('vk', tokens(1, now() + 1000))
    await expect(vault.refresh('vk', () => Promise.reject(new AppError('network', 'offline')))).rejects.toMatchObject({
      code: 'network'
    })
    expect(await vault.state('vk')).toBe('connected')
    const next = await vault.refresh('vk', () => Promise.resolve(tokens(2, now() + 1000)))
    expect(next.accessToken).toBe('ACCESS-TOKEN-2')
  })

  it('reports needsReconnect (not a crash) for a blob it cannot decrypt', async () => {
    const { vault, dataDir, now } = setup()
    await vault.save('vk', tokens(1, now() + 1000))
    writeFileSync(join(dataDir, KEY_FILE_NAME), Buffer.alloc(32, 9)) // another machine's key
    const other = setup(dataDir)
    expect(await other.vault.get('vk')).toBeNull()
    expect(await other.vault.state('vk')).toBe('needsReconnect')
    await until(() => other.states.length > 0)
    expect(other.states).toEqual([['vk', 'needsReconnect']])
    await expect(other.vault.getFresh('vk', { refreshBeforeMs: 0 })).rejects.toMatchObject({ code: 'needs_reconnect' })
  })

  it('reports needsReconnect for a damaged blob', async () => {
    const { vault, dataDir, now } = setup()
    await vault.save('vk', tokens(1, now() + 1000))
    writeFileSync(join(dataDir, 'vault', 'vk.bin'), 'garbage')
    expect(await setup(dataDir).vault.state('vk')).toBe('needsReconnect')
  })

  it('expires a token it cannot refresh (implicit flow) into needsReconnect', async () => {
    const { vault, now, advance } = setup()
    await vault.save('vk', { accessToken: 'IMPLICIT', expiresAt: now() + 60_000 })
    expect((await vault.getFresh('vk', { refreshBeforeMs: 120_000 })).accessToken).toBe('IMPLICIT')
    advance(60_000)
    await expect(vault.getFresh('vk', { refreshBeforeMs: 0 })).rejects.toMatchObject({ code: 'needs_reconnect' })
    expect(await vault.state('vk')).toBe('needsReconnect')
  })

  it('does not let a refresh that started before a new sign-in overwrite it', async () => {
    const { vault, dataDir, now } = setup()
    await vault.save('vk', tokens(1, now() + 1000))
    const r = manualRefresh()
    const pending = vault.refresh('vk', r.doRefresh)
    await until(() => r.calls.length === 1)
    await vault.save('vk', tokens(5, now() + 1000))
    r.resolve(tokens(2, now() + 1000))
    expect((await pending).accessToken).toBe('ACCESS-TOKEN-5')
    expect((await setup(dataDir).vault.get('vk'))?.accessToken).toBe('ACCESS-TOKEN-5')
  })

  it('rejects unsafe account names and not-connected refreshes', async () => {
    const { vault } = setup()
    await expect(vault.get('../x')).rejects.toThrow(/account/)
    await expect(vault.refresh('vk', () => Promise.resolve(tokens(1, 0)))).rejects.toMatchObject({ code: 'not_connected' })
  })
})
