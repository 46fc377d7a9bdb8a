import { useState } from 'react'
import { safeImageSrc } from './images'

/**
 * A platform image at a fixed size. Only main-vetted image URLs (`safeImageSrc`) are used; one that fails to load
 * (e.g. the browser host, which has no image protocol) collapses to an empty box of the same size, so
 * layout never jumps.
 */
export function VkImage({ url, alt, size, className }: { url: string | null | undefined; alt: string; size: number; className?: string }): React.JSX.Element {
  const [failed, setFailed] = useState(false)
  const src = safeImageSrc(url)
  const box = { width: size, height: size }
  if (!src || failed) return <span className={`vk-img-empty ${className ?? ''}`} style={box} role={alt ? 'img' : undefined} aria-label={alt || undefined} />
  return <img className={className} src={src} alt={alt} width={size} height={size} style={box} loading="lazy" onError={() => setFailed(true)} />
}
