/**
 * Images from VK arrive from main as `livedeck-img://` URLs (main fetched and vetted them); anything else
 * is not shown, so a platform value can never make the page load a remote URL directly.
 */
export function safeImageSrc(url: string | null | undefined): string | undefined {
  return url && url.startsWith('livedeck-img://') ? url : undefined
}
