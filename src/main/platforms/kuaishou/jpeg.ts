/**
 * Just enough JPEG to re-check a cover before it is uploaded: the magic bytes and the frame size from
 * the first SOF marker. The renderer converts covers; main does not trust that conversion, because
 * Kuaishou answers a bad cover with a bare 400014 and no hint why.
 */

export interface JpegSize {
  readonly width: number
  readonly height: number
}

/** SOF0–SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC), which share the range. */
const isStartOfFrame = (marker: number): boolean =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc

/** Markers with no length field: TEM and RST0–RST7 (SOI/EOI never occur between segments here). */
const isStandalone = (marker: number): boolean => marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)

export const hasJpegMagic = (bytes: Uint8Array): boolean =>
  bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff

/** The frame size, or null when the bytes are not a JPEG or end before a SOF marker. */
export function readJpegSize(bytes: Uint8Array): JpegSize | null {
  if (!hasJpegMagic(bytes)) return null
  let at = 2
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return null
    const marker = bytes[at + 1]!
    // Fill bytes: any number of 0xFF may precede a marker.
    if (marker === 0xff) {
      at += 1
      continue
    }
    if (isStandalone(marker)) {
      at += 2
      continue
    }
    // Start of scan before any frame header: not a valid JPEG.
    if (marker === 0xda || marker === 0xd9) return null
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!
    if (length < 2) return null
    if (isStartOfFrame(marker)) {
      // length(2) precision(1) height(2) width(2)
      if (at + 9 > bytes.length || length < 7) return null
      const height = (bytes[at + 5]! << 8) | bytes[at + 6]!
      const width = (bytes[at + 7]! << 8) | bytes[at + 8]!
      return { width, height }
    }
    at += 2 + length
  }
  return null
}
