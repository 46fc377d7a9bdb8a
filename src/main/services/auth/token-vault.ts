/**
 * Per-account OAuth tokens (`vk`, `kuaishou`, …), encrypted at rest with the Cipher port, one blob per
 * account in `<dataDir>/vault/<account>.bin`, written atomically (temp file + rename).
 *
 * Refresh is single-flight: platforms rotate refresh tokens (the old one dies on use), so two
 * concurrent refreshes would log the user out. Concurrent callers share one in-flight promise, and the
 * new pair is on disk before anyone gets it. A refresh that fails for good, or a blob this machine
 * cannot decrypt, puts the account in `needsReconnect`: no crash, no retry loop, just a state the UI
 * shows as "Reconnect" until the user signs in again (`save`).
 */
import { randomBytes } from 'node:crypto'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { AppError, isAppError } from '../../errors'
import { CipherError, type Cipher } from '../../ports/cipher'
import type { Clock } from '../../ports/clock'
import type { Logger } from '../../ports/logger'

export const tokenRecordSchema = z.strictObject({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1).optional(),
  /** Epoch milliseconds. */
  expiresAt: z.number().finite(),
  scopes: z.array(z.string()).optional(),
  extra: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional()
})
export type TokenRecord = z.infer<typeof tokenRecordSchema>

export type VaultState = 'disconnected' | 'connected' | 'needsReconnect'
export type DoRefresh = (current: TokenRecord) => Promise<TokenRecord>

export interface TokenVault {
  get(account: string): Promise<TokenRecord | null>
  save(account: string, tokens: TokenRecord): Promise<void>
  clear(account: string): Promise<void>
  expiresAt(account: string): Promise<number | null>
  state(account: string): Promise<VaultState>
  /**
   * Single-flight refresh. With `ifAccessToken` (the token a 401 came back for), a refresh that some
   * other caller already completed is not repeated: the current record is returned.
   */
  refresh(account: string, doRefresh: DoRefresh, options?: { ifAccessToken?: string }): Promise<TokenRecord>
  /** The record, refreshed first when it expires within `refreshBeforeMs` (needs `doRefresh`). */
  getFresh(account: string, options: { refreshBeforeMs: number; doRefresh?: DoRefresh }): Promise<TokenRecord>
  markNeedsReconnect(account: string): Promise<void>
  /** Returns the unsubscribe function. */
  onStateChange(listener: (account: string, state: VaultState) => void): () => void
}

export interface TokenVaultDeps {
  readonly dataDir: string
  readonly cipher: Cipher
  readonly clock: Clock
  readonly logger: Logger
}

interface Slot {
  record: TokenRecord | null
  state: VaultState
  /** Bumped by save/clear, so a refresh that started before a new sign-in does not overwrite it. */
  generation: number
  inflight: Promise<TokenRecord> | null
  /** Writes to one file happen in order. */
  writes: Promise<void>
}

const accountPattern = /^[a-z0-9_-]{1,32}$/
const BLOB_VERSION = 1

/** Transient failures leave the tokens alone: the next attempt may well succeed. */
const isTransient = (e: unknown) => isAppError(e) && (e.code === 'network' || e.code === 'timed_out')

export function createTokenVault(deps: TokenVaultDeps): TokenVault {
  const dir = join(deps.dataDir, 'vault')
  const slots = new Map<string, Promise<Slot>>()
  const listeners = new Set<(account: string, state: VaultState) => void>()

  const fileOf = (account: string) => {
    if (!accountPattern.test(account)) throw new Error(`invalid vault account name: ${account}`)
    return join(dir, `${account}.bin`)
  }

  const setState = (account: string, slot: Slot, state: VaultState) => {
    if (slot.state === state) return
    slot.state = state
    for (const l of [...listeners]) l(account, state)
  }

  const load = async (account: string): Promise<Slot> => {
    const slot: Slot = { record: null, state: 'disconnected', generation: 0, inflight: null, writes: Promise.resolve() }
    let blob: Buffer
    try {
      blob = await readFile(fileOf(account))
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return slot
      throw e
    }
    try {
      const parsed = z
        .object({ v: z.literal(BLOB_VERSION), tokens: tokenRecordSchema, needsReconnect: z.boolean().optional() })
        .parse(JSON.parse(await deps.cipher.decrypt(blob)))
      slot.record = parsed.tokens
      slot.state = parsed.needsReconnect ? 'needsReconnect' : 'connected'
    } catch (e) {
      if (!(e instanceof CipherError) && !(e instanceof SyntaxError) && !(e instanceof z.ZodError)) throw e
      // Moved machine, keyring reset, damaged file: the user has to sign in again.
      deps.logger.warn('stored tokens cannot be read on this machine; reconnect needed', { account })
      slot.state = 'needsReconnect'
    }
    return slot
  }

  const slotOf = (account: string): Promise<Slot> => {
    let slot = slots.get(account)
    if (!slot) {
      slot = load(account)
      slots.set(account, slot)
      // Announce a stored-but-unreadable account so the UI offers "Reconnect" from the start.
      void slot.then(
        (s) => s.state === 'needsReconnect' && listeners.forEach((l) => l(account, s.state)),
        // An unreadable vault dir (permissions) is retried on the next call, not cached as broken.
        () => slots.delete(account)
      )
    }
    return slot
  }

  /** `needsReconnect` is stored with the tokens so the state survives a restart (no refresh retried at start). */
  const persist = (account: string, slot: Slot, record: TokenRecord | null, needsReconnect = false): Promise<void> => {
    const write = async () => {
      const file = fileOf(account)
      if (record === null) return rm(file, { force: true })
      await mkdir(dir, { recursive: true, mode: 0o700 })
      const body = needsReconnect ? { v: BLOB_VERSION, tokens: record, needsReconnect } : { v: BLOB_VERSION, tokens: record }
      const blob = await deps.cipher.encrypt(JSON.stringify(body))
      const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`
      await writeFile(temp, blob, { mode: 0o600 })
      await rename(temp, file)
    }
    const done = slot.writes.then(write, write)
    slot.writes = done.catch(() => {})
    return done
  }

  const needsReconnect = (platformCode?: string | number) =>
    new AppError('needs_reconnect', 'the sign-in has expired; reconnect the account', platformCode)

  const enterNeedsReconnect = async (account: string, slot: Slot): Promise<void> => {
    if (slot.state === 'needsReconnect') return
    setState(account, slot, 'needsReconnect')
    if (!slot.record) return
    try {
      await persist(account, slot, slot.record, true)
    } catch (error) {
      // The in-memory state is what the UI shows; a failed write only costs one refresh at next start.
      deps.logger.warn('could not record the reconnect state', { account, error })
    }
  }

  const runRefresh = async (account: string, slot: Slot, current: TokenRecord, doRefresh: DoRefresh) => {
    const generation = slot.generation
    let next: TokenRecord
    try {
      next = tokenRecordSchema.parse(await doRefresh(current))
    } catch (e) {
      if (isTransient(e)) throw e
      deps.logger.warn('token refresh failed; reconnect needed', { account, error: e })
      // A sign-in that happened meanwhile is not undone by the old session's failure.
      if (slot.generation === generation) await enterNeedsReconnect(account, slot)
      throw needsReconnect(isAppError(e) ? e.platformCode : undefined)
    }
    if (slot.generation !== generation) {
      if (slot.record) return slot.record
      throw new AppError('not_connected', 'the account was signed out')
    }
    await persist(account, slot, next)
    slot.record = next
    setState(account, slot, 'connected')
    return next
  }

  const vault: TokenVault = {
    async get(account) {
      return (await slotOf(account)).record
    },
    async save(account, tokens) {
      const record = tokenRecordSchema.parse(tokens)
      const slot = await slotOf(account)
      slot.generation += 1
      await persist(account, slot, record)
      slot.record = record
      setState(account, slot, 'connected')
    },
    async clear(account) {
      const slot = await slotOf(account)
      slot.generation += 1
      await persist(account, slot, null)
      slot.record = null
      setState(account, slot, 'disconnected')
    },
    async expiresAt(account) {
      return (await slotOf(account)).record?.expiresAt ?? null
    },
    async state(account) {
      return (await slotOf(account)).state
    },
    async refresh(account, doRefresh, options = {}) {
      const slot = await slotOf(account)
      if (slot.inflight) return slot.inflight
      if (slot.state === 'needsReconnect') throw needsReconnect()
      const current = slot.record
      if (!current) throw new AppError('not_connected', 'the account is not connected')
      if (options.ifAccessToken !== undefined && options.ifAccessToken !== current.accessToken) return current
      const inflight = runRefresh(account, slot, current, doRefresh).finally(() => {
        slot.inflight = null
      })
      slot.inflight = inflight
      return inflight
    },
    async getFresh(account, { refreshBeforeMs, doRefresh }) {
      const slot = await slotOf(account)
      if (slot.inflight) return slot.inflight
      if (slot.state === 'needsReconnect') throw needsReconnect()
      const record = slot.record
      if (!record) throw new AppError('not_connected', 'the account is not connected')
      const now = deps.clock.now()
      if (now < record.expiresAt - refreshBeforeMs) return record
      if (doRefresh) return vault.refresh(account, doRefresh, { ifAccessToken: record.accessToken })
      if (now < record.expiresAt) return record
      // No way to refresh (implicit flow) and expired: the user has to sign in again.
      await enterNeedsReconnect(account, slot)
      throw needsReconnect()
    },
    async markNeedsReconnect(account) {
      await enterNeedsReconnect(account, await slotOf(account))
    },
    onStateChange(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
  }
  return vault
}
