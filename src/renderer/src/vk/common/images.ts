/** VK views use the one renderer-wide check of main-vetted image URLs. */
export { safeImageSrc } from '../../images/safe-image-src'
