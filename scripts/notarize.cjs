/**
 * electron-builder `afterSign` hook: notarizes the macOS app with Apple's notary service, only when
 * its credentials are set — APPLE_ID + APPLE_APP_SPECIFIC_PASSWORD + APPLE_TEAM_ID, or an App Store
 * Connect API key (APPLE_API_KEY path + APPLE_API_KEY_ID + APPLE_API_ISSUER). Otherwise it does
 * nothing, so local and unsigned builds work (Gatekeeper then warns on first open).
 */
'use strict'
const { join } = require('node:path')

/** The notarize() credentials from the environment, or null when none are complete. */
function notarizeCredentials(env) {
  if (env.APPLE_API_KEY && env.APPLE_API_KEY_ID && env.APPLE_API_ISSUER) {
    return { appleApiKey: env.APPLE_API_KEY, appleApiKeyId: env.APPLE_API_KEY_ID, appleApiIssuer: env.APPLE_API_ISSUER }
  }
  if (env.APPLE_ID && env.APPLE_APP_SPECIFIC_PASSWORD && env.APPLE_TEAM_ID) {
    return { appleId: env.APPLE_ID, appleIdPassword: env.APPLE_APP_SPECIFIC_PASSWORD, teamId: env.APPLE_TEAM_ID }
  }
  return null
}

async function afterSign(context) {
  if (context.electronPlatformName !== 'darwin') return
  const credentials = notarizeCredentials(process.env)
  if (credentials === null) {
    console.log('  • notarization skipped: no Apple credentials in the environment')
    return
  }
  const { notarize } = require('@electron/notarize')
  const appPath = join(context.appOutDir, `${context.packager.appInfo.productFilename}.app`)
  await notarize({ tool: 'notarytool', appPath, ...credentials })
}

module.exports = afterSign
module.exports.default = afterSign
module.exports.notarizeCredentials = notarizeCredentials
