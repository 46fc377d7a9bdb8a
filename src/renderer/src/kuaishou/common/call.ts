/**
 * Kuaishou calls answer a Result that the panel shows inline, next to the step that failed, with a
 * message chosen by Kuaishou's result code. (The app-wide `run()` banner would lose that context.)
 */
import type { IpcError, Result } from '../../../../shared/ipc/result'

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: IpcError }

export async function call<T>(request: Promise<Result<T>>): Promise<Outcome<T>> {
  try {
    return await request
  } catch {
    // The transport itself failed (bridge closed); its exception text is never shown.
    return { ok: false, error: { code: 'internal', message: 'transport failed' } }
  }
}
