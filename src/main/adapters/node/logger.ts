/**
 * Logger for the browser host and tests: one JSON line per entry to stderr or an append-only file.
 * Message and meta go through `redact()` first, so a URL or token response logged by mistake is safe.
 */
import { appendFileSync } from 'node:fs'
import type { Logger } from '../../ports/logger'
import { redact, redactText } from '../../security/redact'

export type LogLevel = 'debug' | 'info' | 'warn' | 'error'
const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 }

export interface NodeLoggerOptions {
  /** Append to this file instead of writing to stderr. */
  readonly file?: string
  readonly level?: LogLevel
  /** Where lines go when no file is given (tests capture them). */
  readonly write?: (line: string) => void
}

export function createNodeLogger(options: NodeLoggerOptions = {}): Logger {
  const min = rank[options.level ?? 'info']
  const write =
    options.write ??
    (options.file ? (line: string) => appendFileSync(options.file!, line, { mode: 0o600 }) : (line: string) => void process.stderr.write(line))
  const log = (level: LogLevel) => (message: string, meta?: Record<string, unknown>) => {
    if (rank[level] < min) return
    const entry = { at: new Date().toISOString(), level, message: redactText(message), ...(meta ? { meta: redact(meta) } : {}) }
    write(`${JSON.stringify(entry)}\n`)
  }
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') }
}
