/**
 * Offline check of electron-builder.yml against electron-builder's own schema (packaging itself needs
 * the network to fetch Electron). Deep-imports app-builder-lib internals, which have no `exports` map
 * in 26.17.0: re-check this when upgrading electron-builder.
 *
 * Usage: node scripts/validate-builder-config.cjs [config file]
 */
'use strict'
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config')
const { DebugLogger } = require('builder-util')

/** Loads and validates the config; rejects with electron-builder's "Invalid configuration" error. */
async function validateBuilderConfig(projectDir, configPath = null) {
  const config = await getConfig(projectDir, configPath, null)
  await validateConfiguration(config, new DebugLogger(false))
  return config
}

module.exports = { validateBuilderConfig }

if (require.main === module) {
  validateBuilderConfig(process.cwd(), process.argv[2] ?? null)
    .then(() => console.log('electron-builder config OK'))
    .catch((err) => {
      const lines = String(err.message).split('\n').filter((l) => l.startsWith(' - ') || l.startsWith('Invalid'))
      console.error(lines.join('\n') || err)
      process.exit(1)
    })
}
