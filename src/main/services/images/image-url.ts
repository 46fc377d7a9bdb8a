/**
 * Platform images reach the renderer only as `livedeck-img://img/<base64url of the target URL>`.
 * Base64url keeps the target opaque to Chromium's URL canonicalisation (no `%2F`, `?` or `#`
 * surprises) and to the CSP, which allows `livedeck-img:` but no platform host.
 */
export const IMAGE_SCHEME = 'livedeck-img'
const PREFIX = `${IMAGE_SCHEME}://img/`

/** The renderer-safe URL for a platform image URL. Services call this before sending URLs to the renderer. */
export function toImageUrl(target: string): string {
  return PREFIX + Buffer.from(target, 'utf8').toString('base64url')
}

/** The target URL carried by a `livedeck-img://` URL, or null when it is not one of ours. */
export function targetOf(imageUrl: string): string | null {
  if (!imageUrl.startsWith(PREFIX)) return null
  const encoded = imageUrl.slice(PREFIX.length).replace(/[?#].*$/, '').replace(/\/+$/, '')
  if (!/^[A-Za-z0-9_-]{1,8192}$/.test(encoded)) return null
  return Buffer.from(encoded, 'base64url').toString('utf8')
}
