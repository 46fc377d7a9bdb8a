/**
 * `node --import ./test/boot/register.mjs …`: resolves `electron` to the recording stub for both
 * ESM imports (loader hook) and CommonJS requires (electron-log uses `require('electron')`), so the
 * real package — which downloads a binary when loaded — is never touched.
 */
import Module, { register } from 'node:module'
import { fileURLToPath, URL } from 'node:url'

const stubUrl = new URL('./electron-stub.cjs', import.meta.url).href
const stubPath = fileURLToPath(stubUrl)

register('./electron-hooks.mjs', import.meta.url, { data: { stubUrl } })

const resolveFilename = Module._resolveFilename
Module._resolveFilename = function (request, ...rest) {
  if (request === 'electron' || request.startsWith('electron/')) return stubPath
  return resolveFilename.call(this, request, ...rest)
}
