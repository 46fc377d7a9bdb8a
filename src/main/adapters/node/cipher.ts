/**
 * Cipher for the browser host and tests: AES-256-GCM with a random 32-byte key kept in the data dir
 * (mode 0600). It keeps secrets out of plain text on disk, but anyone who can read the data dir can
 * read the key, so `isProtected()` is false. Blob layout: version(1) | iv(12) | tag(16) | ciphertext.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { CipherError, type Cipher } from '../../ports/cipher'

const VERSION = 1
const IV_BYTES = 12
const TAG_BYTES = 16
const KEY_BYTES = 32
export const KEY_FILE_NAME = 'livedeck.key'

/** Reads the key, creating it on first use; `wx` makes a concurrent first start keep one key. */
function loadOrCreateKey(dataDir: string): Buffer {
  const path = join(dataDir, KEY_FILE_NAME)
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  try {
    writeFileSync(path, randomBytes(KEY_BYTES), { flag: 'wx', mode: 0o600 })
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
  }
  const key = readFileSync(path)
  if (key.length !== KEY_BYTES) throw new CipherError('key file is damaged')
  return key
}

export function createNodeCipher(dataDir: string): Cipher {
  const key = loadOrCreateKey(dataDir)
  return {
    isProtected: () => Promise.resolve(false),
    encrypt(plaintext) {
      const iv = randomBytes(IV_BYTES)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
      return Promise.resolve(new Uint8Array(Buffer.concat([Buffer.of(VERSION), iv, cipher.getAuthTag(), body])))
    },
    decrypt(ciphertext) {
      const blob = Buffer.from(ciphertext)
      if (blob.length < 1 + IV_BYTES + TAG_BYTES || blob[0] !== VERSION) return Promise.reject(new CipherError())
      const iv = blob.subarray(1, 1 + IV_BYTES)
      const tag = blob.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES)
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, iv)
        decipher.setAuthTag(tag)
        const text = Buffer.concat([decipher.update(blob.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()])
        return Promise.resolve(text.toString('utf8'))
      } catch {
        // Wrong key (data dir copied without its key, key replaced) or tampered bytes.
        return Promise.reject(new CipherError())
      }
    }
  }
}
