/**
 * Main's last check of a cover before `pushUrls`: a real JPEG (magic bytes and a readable frame
 * header), at most 2,000,000 bytes (under either reading of Kuaishou's "2 MB"), exactly 720×1280.
 */
import { KUAISHOU_COVER_MAX_BYTES } from '../../../shared/ipc/kuaishou'
import { AppError } from '../../errors'
import { hasJpegMagic, readJpegSize } from './jpeg'

export const COVER_WIDTH = 720
export const COVER_HEIGHT = 1280
/** Kuaishou checks that the multipart filename ends in `.jpg` (reference §5.1, §7). */
export const COVER_FILENAME = 'cover.jpg'

export function checkCover(bytes: Uint8Array): void {
  const invalid = (reason: string, extra: Record<string, number> = {}) =>
    new AppError('invalid_cover', 'the cover must be a 720×1280 JPEG of at most 2,000,000 bytes', undefined, {
      reason,
      maxBytes: KUAISHOU_COVER_MAX_BYTES,
      ...extra
    })
  if (bytes.length === 0) throw invalid('empty')
  if (bytes.length > KUAISHOU_COVER_MAX_BYTES) throw invalid('too_large', { bytes: bytes.length })
  if (!hasJpegMagic(bytes)) throw invalid('not_jpeg')
  const size = readJpegSize(bytes)
  if (!size) throw invalid('not_jpeg')
  if (size.width !== COVER_WIDTH || size.height !== COVER_HEIGHT) {
    throw invalid('dimensions', { width: size.width, height: size.height })
  }
}
