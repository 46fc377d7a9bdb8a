/**
 * The `pushUrls` body, built by hand rather than with `FormData`: the upload has to report progress
 * and know whether every byte left, and `fetch` says neither for a `FormData` body. The body is
 * streamed in chunks; bytes are counted as the transport pulls them (what is handed to the socket,
 * the closest a fetch gets to "uploaded").
 */
import { randomBytes } from 'node:crypto'

export interface MultipartFile {
  readonly field: string
  readonly filename: string
  readonly contentType: string
  readonly bytes: Uint8Array
}

export interface MultipartBody {
  readonly contentType: string
  readonly bytes: Uint8Array
}

const encoder = new TextEncoder()
/** Field names and file names are ours (ASCII identifiers); quotes and line breaks would break the framing. */
const safeName = (name: string): string => {
  if (!/^[A-Za-z0-9_.-]+$/.test(name)) throw new Error(`unsafe multipart name: ${name}`)
  return name
}

export function buildMultipart(fields: ReadonlyArray<readonly [string, string]>, file: MultipartFile): MultipartBody {
  const boundary = `----livedeck${randomBytes(12).toString('hex')}`
  const parts: Uint8Array[] = []
  for (const [name, value] of fields) {
    // Captions are Chinese: text parts are declared UTF-8, as the official SDK does.
    parts.push(
      encoder.encode(
        `--${boundary}\r\nContent-Disposition: form-data; name="${safeName(name)}"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n${value}\r\n`
      )
    )
  }
  parts.push(
    encoder.encode(
      `--${boundary}\r\nContent-Disposition: form-data; name="${safeName(file.field)}"; filename="${safeName(file.filename)}"\r\nContent-Type: ${file.contentType}\r\n\r\n`
    ),
    file.bytes,
    encoder.encode(`\r\n--${boundary}--\r\n`)
  )
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    bytes.set(p, at)
    at += p.length
  }
  return { contentType: `multipart/form-data; boundary=${boundary}`, bytes }
}

export interface CountingStream {
  readonly stream: ReadableStream<Uint8Array>
  /** Bytes pulled by the transport so far. */
  sent(): number
}

/** Streams `bytes` in chunks, calling `onProgress(sent, total)` after each one is pulled. */
export function countingStream(bytes: Uint8Array, onProgress: (sent: number, total: number) => void, chunkSize = 16 * 1024): CountingStream {
  let sent = 0
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= bytes.length) {
        controller.close()
        return
      }
      const chunk = bytes.slice(sent, Math.min(sent + chunkSize, bytes.length))
      sent += chunk.length
      controller.enqueue(chunk)
      onProgress(sent, bytes.length)
    }
  })
  return { stream, sent: () => sent }
}
