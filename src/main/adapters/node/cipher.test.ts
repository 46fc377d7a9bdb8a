import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { CipherError } from '../../ports/cipher'
import { createNodeCipher, KEY_FILE_NAME } from './cipher'

const dirs: string[] = []
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'livedeck-cipher-'))
  dirs.push(d)
  return d
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })))

describe('Node cipher (AES-256-GCM, key file in the data dir)', () => {
  it('round-trips text and never outputs the plaintext', async () => {
    const cipher = createNodeCipher(tempDir())
    const blob = await cipher.encrypt('super-secret-value ✓')
    expect(Buffer.from(blob).includes(Buffer.from('super-secret-value'))).toBe(false)
    expect(await cipher.decrypt(blob)).toBe('super-secret-value ✓')
    expect(await cipher.isProtected()).toBe(false)
  })

  it('creates a 32-byte key file readable only by the owner, and reuses it after a restart', async () => {
    const dir = tempDir()
    const blob = await createNodeCipher(dir).encrypt('x')
    const keyPath = join(dir, KEY_FILE_NAME)
    expect(statSync(keyPath).mode & 0o777).toBe(0o600)
    expect(readFileSync(keyPath).length).toBe(32)
    expect(await createNodeCipher(dir).decrypt(blob)).toBe('x')
  })

  it('rejects with CipherError under another key (data dir moved without its key)', async () => {
    const blob = await createNodeCipher(tempDir()).encrypt('x')
    await expect(createNodeCipher(tempDir()).decrypt(blob)).rejects.toBeInstanceOf(CipherError)
  })

  it('rejects with CipherError for tampered or truncated bytes', async () => {
    const cipher = createNodeCipher(tempDir())
    const blob = await cipher.encrypt('hello world')
    const tampered = Uint8Array.from(blob)
    tampered[tampered.length - 1]! ^= 1
    await expect(cipher.decrypt(tampered)).rejects.toBeInstanceOf(CipherError)
    await expect(cipher.decrypt(blob.subarray(0, 10))).rejects.toBeInstanceOf(CipherError)
  })

  it('refuses a damaged key file instead of encrypting with it', () => {
    const dir = tempDir()
    writeFileSync(join(dir, KEY_FILE_NAME), 'short')
    expect(() => createNodeCipher(dir)).toThrow(CipherError)
  })
})
