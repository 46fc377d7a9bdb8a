/**
 * Cipher on Electron's safeStorage (Keychain, DPAPI, libsecret/kwallet). On Linux without a keyring
 * Electron falls back to `basic_text`, a hard-coded key: it still works but protects nothing, so
 * `isProtected()` says so and the UI can warn.
 */
import { safeStorage } from 'electron'
import { CipherError, type Cipher } from '../../ports/cipher'

export function createElectronCipher(): Cipher {
  return {
    async isProtected() {
      if (!(await safeStorage.isAsyncEncryptionAvailable())) return false
      return process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text'
    },
    async encrypt(plaintext) {
      return new Uint8Array(await safeStorage.encryptStringAsync(plaintext))
    },
    async decrypt(ciphertext) {
      try {
        return (await safeStorage.decryptStringAsync(Buffer.from(ciphertext))).result
      } catch {
        // Keyring changed or profile moved to another machine: callers turn this into "reconnect".
        throw new CipherError()
      }
    }
  }
}
