import { describe, expect, it } from 'vitest'
import { looksComplete, sniffImage } from './sniff-image'

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)))
/** An ISO-BMFF `ftyp` box: size, 'ftyp', major brand, minor version, compatible brands. */
const ftyp = (major: string, ...compatible: string[]): Uint8Array =>
  bytes([0, 0, 0, 16 + 4 * compatible.length], 'ftyp', major, [0, 0, 0, 0], ...compatible)

describe('sniffImage', () => {
  it.each([
    ['jpeg', bytes([0xff, 0xd8, 0xff, 0xe0])],
    ['png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
    ['gif', bytes('GIF89a')],
    ['gif', bytes('GIF87a')],
    ['webp', bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 ')],
    ['heic', ftyp('heic', 'mif1', 'heic')],
    ['heic', ftyp('mif1', 'heic')],
    ['avif', ftyp('avif', 'mif1', 'avif')],
    ['avif', ftyp('mif1', 'avif')]
  ])('recognises %s from its bytes', (kind, head) => {
    expect(sniffImage(head)).toBe(kind)
  })

  it('does not trust a name: text, an mp4 and half a signature are not images', () => {
    expect(sniffImage(bytes('hello, I am a .jpg'))).toBeNull()
    expect(sniffImage(ftyp('isom', 'mp41'))).toBeNull()
    expect(sniffImage(bytes([0xff, 0xd8]))).toBeNull()
    expect(sniffImage(new Uint8Array())).toBeNull()
  })
})

describe('looksComplete', () => {
  it('wants the JPEG end marker, allowing trailing bytes after it', () => {
    expect(looksComplete('jpeg', bytes([1, 2, 0xff, 0xd9]))).toBe(true)
    expect(looksComplete('jpeg', bytes([0xff, 0xd9, 0, 0, 0]))).toBe(true)
    expect(looksComplete('jpeg', bytes([0xff, 0xd8, 0x12, 0x34]))).toBe(false)
  })

  it('wants the PNG IEND chunk', () => {
    expect(looksComplete('png', bytes([0, 0, 0, 0], 'IEND', [0xae, 0x42, 0x60, 0x82]))).toBe(true)
    expect(looksComplete('png', bytes([0, 0, 0, 0], 'IDAT', [1, 2, 3]))).toBe(false)
  })
})
