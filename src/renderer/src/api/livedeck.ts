import type { LivedeckApi } from '../../../shared/ipc/contract'

/** The app's single gateway to main. Read lazily so tests can install a fake before rendering. */
export function livedeck(): LivedeckApi {
  return window.livedeck
}
