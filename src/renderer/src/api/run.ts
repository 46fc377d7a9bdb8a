import type { Result } from '../../../shared/ipc/result'
import { useUiStore } from '../store/ui-store'

/**
 * Awaits a Result; on failure records the error for the banner and returns null. On success clears a
 * stale error so the banner reflects the latest attempt.
 */
export async function run<T>(request: Promise<Result<T>>): Promise<T | null> {
  let result: Result<T>
  try {
    result = await request
  } catch {
    // The transport itself failed (bridge closed); the message of such an exception is never shown.
    result = { ok: false, error: { code: 'internal', message: 'transport failed' } }
  }
  const { setError } = useUiStore.getState()
  if (!result.ok) {
    setError(result.error)
    return null
  }
  setError(null)
  return result.value
}
