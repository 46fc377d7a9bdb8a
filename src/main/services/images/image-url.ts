/**
 * Platform images reach the renderer only as `<base><base64url of the target URL>`. The base is the
 * host's choice, passed to the composition root (`MainDeps.imageUrlBase`): Electron serves
 * `livedeck-img://img/` through its protocol handler, the browser host serves `/livedeck-img/img/` on
 * its own origin. Either way the same image service answers, and the CSP admits it (`livedeck-img:`
 * resp. `'self'`) without naming any platform host.
 * Base64url keeps the target opaque to Chromium's URL canonicalisation (no `%2F`, `?` or `#`
 * surprises) and to the CSP.
 */
export const IMAGE_SCHEME = 'livedeck-img'
/** Electron's base: the `livedeck-img:` protocol. */
export const ELECTRON_IMAGE_BASE = `${IMAGE_SCHEME}://img/`
/** The browser host's base: a path on the renderer's own origin. */
export const HOST_IMAGE_BASE = `/${IMAGE_SCHEME}/img/`

/** A platform image URL (possibly absent or junk) → its renderer-safe URL, or null when it is not http(s). */
export type ImageUrlOf = (url: string | null | undefined) => string | null

/** The renderer-safe URL for a platform image URL. */
export function toImageUrl(target: string, base: string): string {
  return base + Buffer.from(target, 'utf8').toString('base64url')
}

/** What services use: only http(s) targets become image URLs; anything else (javascript:, data:, '') is null. */
export function imageUrlOf(base: string): ImageUrlOf {
  return (url) => (url && /^https?:\/\//i.test(url) ? toImageUrl(url, base) : null)
}

/**
 * The target URL carried by an image URL of `base` (a full URL or, for a path base, the request
 * path), or null when it is not one of ours.
 */
export function targetOf(imageUrl: string, base: string): string | null {
  const path = base.startsWith('/') ? pathOf(imageUrl) : imageUrl
  if (path === null || !path.startsWith(base)) return null
  const encoded = path.slice(base.length).replace(/[?#].*$/, '').replace(/\/+$/, '')
  if (!/^[A-Za-z0-9_-]{1,8192}$/.test(encoded)) return null
  return Buffer.from(encoded, 'base64url').toString('utf8')
}

/** `/a/b?c` stays as is; `http://host/a/b?c` → `/a/b?c`. */
function pathOf(url: string): string | null {
  if (url.startsWith('/')) return url
  try {
    const u = new URL(url)
    return u.pathname + u.search
  } catch {
    return null
  }
}
