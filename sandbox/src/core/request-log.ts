/**
 * The request log behind `GET <control>/requests`: every request a platform server received, secrets
 * redacted at the moment of recording (the raw values are never stored).
 */
import { redactDeep } from './redact'

export interface LoggedFile {
  field: string
  filename: string
  size: number
  contentType: string
}

export interface LoggedRequest {
  /** Sandbox clock, milliseconds since the epoch. */
  at: number
  platform: string
  method: string
  path: string
  query: Record<string, unknown>
  headers: Record<string, unknown>
  body: unknown
  files: LoggedFile[]
}

export interface RequestLog {
  record(entry: LoggedRequest): void
  list(platform?: string): LoggedRequest[]
  clear(): void
}

/** Keeps the newest `max` entries so a firehose or a long demo cannot grow memory without bound. */
export function createRequestLog(max = 10_000): RequestLog {
  let entries: LoggedRequest[] = []
  return {
    record(entry) {
      entries.push({
        ...entry,
        query: redactDeep(entry.query) as Record<string, unknown>,
        headers: redactDeep(entry.headers) as Record<string, unknown>,
        body: redactDeep(entry.body)
      })
      if (entries.length > max) entries = entries.slice(entries.length - max)
    },
    list: (platform) => (platform === undefined ? [...entries] : entries.filter((e) => e.platform === platform)),
    clear() {
      entries = []
    }
  }
}
