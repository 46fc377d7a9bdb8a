/**
 * The one error type services throw on purpose. The IPC router passes its code and message to the
 * renderer as-is, so the message must be built from vetted fields only (never from exception text,
 * URLs or response bodies, which can carry secrets).
 */
import type { ErrorCode, IpcError } from '../shared/ipc/result'

export class AppError extends Error {
  readonly code: ErrorCode
  readonly platformCode?: string | number

  constructor(code: ErrorCode, message: string, platformCode?: string | number) {
    super(message)
    this.name = 'AppError'
    this.code = code
    if (platformCode !== undefined) this.platformCode = platformCode
  }

  /** The error as it crosses IPC. */
  toIpcError(): IpcError {
    return this.platformCode === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, platformCode: this.platformCode }
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError
