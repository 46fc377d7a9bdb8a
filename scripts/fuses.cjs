/**
 * electron-builder `afterPack` hook: flips Electron's fuses in the packaged binary, before signing
 * (so the signature covers them). Release builds only: an e2e build (LIVEDECK_E2E_BUILD=1) stays
 * unfused, because Playwright's _electron needs the inspect arguments and Node options.
 */
'use strict'
const { join } = require('node:path')
const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses')

/** The release fuse settings (anchors.md §3.2). */
const releaseFuses = {
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.EnableCookieEncryption]: true
}

const shouldFlipFuses = (env) => env.LIVEDECK_E2E_BUILD !== '1'

/** The Electron executable electron-builder just packed, per platform. */
function executablePath(context) {
  const { appOutDir, electronPlatformName, packager } = context
  const name = packager.appInfo.productFilename
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return join(appOutDir, `${name}.app`)
  if (electronPlatformName === 'win32') return join(appOutDir, `${name}.exe`)
  return join(appOutDir, packager.executableName)
}

async function afterPack(context) {
  if (!shouldFlipFuses(process.env)) {
    console.log('  • fuses left as they are (LIVEDECK_E2E_BUILD=1)')
    return
  }
  await flipFuses(executablePath(context), {
    version: FuseVersion.V1,
    // Rewriting the binary breaks the ad-hoc signature Apple Silicon requires; re-sign ad hoc.
    resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && context.arch === 3,
    ...releaseFuses
  })
}

module.exports = afterPack
module.exports.default = afterPack
module.exports.releaseFuses = releaseFuses
module.exports.shouldFlipFuses = shouldFlipFuses
module.exports.executablePath = executablePath
