/**
 * Encrypts secrets at rest. Electron: `safeStorage.encryptStringAsync` / `decryptStringAsync`.
 * Node (browser host, tests): AES-256-GCM with a key file in the data dir.
 * `decrypt` rejects with `CipherError` when the ciphertext cannot be read (moved machine, keyring
 * change); callers turn that into a "reconnect" state, never a crash.
 */
export interface Cipher {
  /** Whether real OS-backed protection is available (false e.g. for Linux `basic_text`). */
  isProtected(): Promise<boolean>
  encrypt(plaintext: string): Promise<Uint8Array>
  decrypt(ciphertext: Uint8Array): Promise<string>
}

export class CipherError extends Error {
  constructor(message = 'stored secret cannot be decrypted on this machine') {
    super(message)
    this.name = 'CipherError'
  }
}
