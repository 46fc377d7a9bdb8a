/**
 * Platform images arrive from main as image URLs main fetched and vetted: `livedeck-img://img/…` in
 * Electron, `/livedeck-img/img/…` on the browser host's own origin. Anything else is not shown, so a
 * platform value can never make the page load a remote URL directly.
 */
const IMAGE_URL_PREFIXES = ['livedeck-img://img/', '/livedeck-img/img/']

export function safeImageSrc(url: string | null | undefined): string | undefined {
  return url && IMAGE_URL_PREFIXES.some((p) => url.startsWith(p)) ? url : undefined
}
