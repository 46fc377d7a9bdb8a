/**
 * What a file really is, read from its first bytes — never from its name or MIME type, which lie
 * (a PNG renamed `.jpg`, a text file renamed `.jpg`). Also tells a truncated JPEG/PNG from a whole one,
 * because Chromium happily decodes half a JPEG and paints the rest grey.
 */
export type ImageKind = 'jpeg' | 'png' | 'gif' | 'webp' | 'bmp' | 'avif' | 'heic'

const startsWith = (bytes: Uint8Array, at: number, sig: readonly number[]): boolean =>
  sig.every((b, i) => bytes[at + i] === b)
const ascii = (bytes: Uint8Array, at: number, length: number): string =>
  String.fromCharCode(...bytes.subarray(at, at + length))

/** ISO-BMFF brands (`ftyp` box) of HEIF/HEIC stills, which Chromium cannot decode. */
const heifBrands = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'msf1'])

function isoBrand(head: Uint8Array): ImageKind | null {
  if (ascii(head, 4, 4) !== 'ftyp') return null
  const boxSize = Math.min(((head[0]! << 24) | (head[1]! << 16) | (head[2]! << 8) | head[3]!) >>> 0, head.length)
  const brands = [ascii(head, 8, 4)]
  for (let at = 16; at + 4 <= boxSize; at += 4) brands.push(ascii(head, at, 4))
  // `mif1` is shared by AVIF and HEIC: AVIF says so with an `avif`/`avis` brand.
  if (brands.some((b) => b === 'avif' || b === 'avis')) return 'avif'
  return brands.some((b) => heifBrands.has(b)) ? 'heic' : null
}

/** The image format from the first 32 bytes, or null when it is not an image Livedeck knows. */
export function sniffImage(head: Uint8Array): ImageKind | null {
  if (startsWith(head, 0, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (startsWith(head, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a') return 'gif'
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WEBP') return 'webp'
  if (ascii(head, 0, 2) === 'BM' && head.length >= 26) return 'bmp'
  return isoBrand(head)
}

/** A JPEG is whole when its end-of-image marker (FF D9) appears in its tail (trailing bytes are allowed). */
function jpegComplete(tail: Uint8Array): boolean {
  for (let i = tail.length - 2; i >= 0; i--) if (tail[i] === 0xff && tail[i + 1] === 0xd9) return true
  return false
}

/** A PNG is whole when its IEND chunk type appears in its tail. */
function pngComplete(tail: Uint8Array): boolean {
  for (let i = tail.length - 4; i >= 0; i--) if (ascii(tail, i, 4) === 'IEND') return true
  return false
}

/** Whether the file's tail shows it was not cut short (only checked where the format makes it cheap). */
export function looksComplete(kind: ImageKind, tail: Uint8Array): boolean {
  if (kind === 'jpeg') return jpegComplete(tail)
  if (kind === 'png') return pngComplete(tail)
  return true
}
