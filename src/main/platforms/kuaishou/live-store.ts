/**
 * The active live on disk, so a close, crash or reboot loses nothing: `<dataDir>/kuaishou/live.json`,
 * written atomically (temp file + rename) the moment the push URL arrives and on every change. The
 * push URL is encrypted with the Cipher port (it is a stream key); the rest is display data.
 */
import { randomBytes } from 'node:crypto'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import type { Cipher } from '../../ports/cipher'
import type { Logger } from '../../ports/logger'
import { liveStreamNameSchema } from './schemas'

export const storedLiveSchema = z.strictObject({
  v: z.literal(1),
  liveStreamName: liveStreamNameSchema,
  /** Base64 ciphertext of the push URL. */
  pushUrl: z.string().min(1),
  createdAt: z.number().finite(),
  expiresAt: z.number().finite(),
  status: z.enum(['LIVE_NOT_START', 'LIVING', 'LIVE_END', 'UNKNOWN']),
  statusMsg: z.string(),
  checkedAt: z.number().finite().nullable(),
  /** Stop was accepted by Kuaishou (a LIVE_END after it is not "ended without Stop"). */
  stopped: z.boolean(),
  endedWithoutStop: z.boolean()
})
export type StoredLive = z.infer<typeof storedLiveSchema>

export interface LiveStore {
  load(): Promise<StoredLive | null>
  save(live: StoredLive): Promise<void>
  clear(): Promise<void>
  /** Resolves once every write asked for so far is on disk (or failed). */
  flush(): Promise<void>
  encrypt(pushUrl: string): Promise<string>
  /** The push URL, or null when this machine cannot decrypt it (keyring change). */
  decrypt(live: StoredLive): Promise<string | null>
}

export function createLiveStore(deps: { dataDir: string; cipher: Cipher; logger: Logger }): LiveStore {
  const dir = join(deps.dataDir, 'kuaishou')
  const file = join(dir, 'live.json')
  // Writes happen in call order: a late write of an older state must not win.
  let writes: Promise<void> = Promise.resolve()
  const queued = (write: () => Promise<void>): Promise<void> => {
    const done = writes.then(write, write)
    writes = done.catch(() => {})
    return done
  }

  return {
    async load() {
      let text: string
      try {
        text = await readFile(file, 'utf8')
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
        throw e
      }
      try {
        return storedLiveSchema.parse(JSON.parse(text))
      } catch {
        deps.logger.warn('the stored Kuaishou live is unreadable; ignoring it')
        return null
      }
    },
    save(live) {
      return queued(async () => {
        await mkdir(dir, { recursive: true, mode: 0o700 })
        const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`
        await writeFile(temp, JSON.stringify(storedLiveSchema.parse(live)), { mode: 0o600 })
        await rename(temp, file)
      })
    },
    clear() {
      return queued(() => rm(file, { force: true }))
    },
    flush() {
      return writes
    },
    async encrypt(pushUrl) {
      return Buffer.from(await deps.cipher.encrypt(pushUrl)).toString('base64')
    },
    async decrypt(live) {
      try {
        return await deps.cipher.decrypt(new Uint8Array(Buffer.from(live.pushUrl, 'base64')))
      } catch {
        deps.logger.warn('the stored push URL cannot be decrypted on this machine')
        return null
      }
    }
  }
}
