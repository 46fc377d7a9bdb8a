/**
 * The one error type services throw on purpose. The IPC router passes its code and message to the
 * renderer as-is, so the message must be built from vetted fields only (never from exception text,
 * URLs or response bodies, which can carry secrets).
 */
import type { ErrorCode, IpcError } from '../shared/ipc/result'

export class AppError extends Error {
  readonly code: ErrorCode
  readonly platformCode?: string | number
  readonly params?: IpcError['params']

  constructor(code: ErrorCode, message: string, platformCode?: string | number, params?: IpcError['params']) {
    super(message)
    this.name = 'AppError'
    this.code = code
    if (platformCode !== undefined) this.platformCode = platformCode
    if (params !== undefined) this.params = params
  }

  /** The error as it crosses IPC. */
  toIpcError(): IpcError {
    return {
      code: this.code,
      message: this.message,
      ...(this.platformCode === undefined ? {} : { platformCode: this.platformCode }),
      ...(this.params === undefined ? {} : { params: this.params })
    }
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError
