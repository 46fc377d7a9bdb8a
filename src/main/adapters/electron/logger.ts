/**
 * Logger port on electron-log (file in the app's logs folder + console). A hook runs every entry's
 * arguments through `redact()` before any transport sees them, so nothing unredacted is written.
 */
import log from 'electron-log/main'
import type { Logger } from '../../ports/logger'
import { redact } from '../../security/redact'

let hooked = false

export function createElectronLogger(): Logger {
  if (!hooked) {
    log.hooks.push((message) => ({ ...message, data: message.data.map((d: unknown) => redact(d)) }))
    hooked = true
  }
  const write = (level: 'debug' | 'info' | 'warn' | 'error') => (message: string, meta?: Record<string, unknown>) =>
    meta === undefined ? log[level](message) : log[level](message, meta)
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') }
}
