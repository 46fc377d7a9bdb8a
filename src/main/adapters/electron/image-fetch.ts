/**
 * The fetch behind `livedeck-img://` on Electron. Electron's `net.fetch` cannot hand back a manual
 * redirect (it cancels it), so images are fetched in their own in-memory session whose
 * `onBeforeRequest` checks every request — each redirect hop included — against the image URL
 * policy. The session holds no cookies of the user's and asks for no permission.
 */
import { session } from 'electron'
import type { Fetch } from '../../ports/http'
import type { ImageUrlPolicy } from '../../services/images/image-service'
import { denyAllPermissions } from './harden'

/** No `persist:` prefix: the partition lives in memory only. */
export const IMAGE_PARTITION = 'livedeck-images'

export function createImageSessionFetch(policy: ImageUrlPolicy): Fetch {
  const images = session.fromPartition(IMAGE_PARTITION)
  denyAllPermissions(images)
  images.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !policy.allows(details.url) }))
  return (input, init) => images.fetch(input instanceof URL ? input.href : input, init)
}
