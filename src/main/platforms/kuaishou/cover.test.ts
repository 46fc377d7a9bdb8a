import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isAppError } from '../../errors'
import { checkCover } from './cover'
import { readJpegSize } from './jpeg'

let dir: string
const images: Record<string, Uint8Array> = {}

/** Real encoder output, so the parser is checked against what browsers and ffmpeg actually write. */
function ffmpeg(name: string, args: string[]): Uint8Array {
  const out = join(dir, name)
  execFileSync('ffmpeg', ['-loglevel', 'error', '-y', ...args, out])
  return new Uint8Array(readFileSync(out))
}

/** A valid 720×1280 JPEG padded past 2,000,000 bytes with comment (COM) segments before the frame. */
function withComments(jpeg: Uint8Array, count: number): Uint8Array {
  const segment = new Uint8Array(2 + 65_535).fill(0x20)
  segment.set([0xff, 0xfe, 0xff, 0xff])
  const out = new Uint8Array(jpeg.length + count * segment.length)
  out.set(jpeg.subarray(0, 2))
  for (let i = 0; i < count; i++) out.set(segment, 2 + i * segment.length)
  out.set(jpeg.subarray(2), 2 + count * segment.length)
  return out
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ks-cover-'))
  images.cover = ffmpeg('cover.jpg', ['-f', 'lavfi', '-i', 'color=c=blue:s=720x1280', '-frames:v', '1'])
  images.landscape = ffmpeg('landscape.jpg', ['-f', 'lavfi', '-i', 'color=c=red:s=1280x720', '-frames:v', '1'])
  images.tiny = ffmpeg('tiny.jpg', ['-f', 'lavfi', '-i', 'testsrc=s=100x100', '-frames:v', '1'])
  images.png = ffmpeg('png.png', ['-f', 'lavfi', '-i', 'color=c=blue:s=720x1280', '-frames:v', '1'])
  images.huge = withComments(images.cover, 31)
}, 60_000)

afterAll(() => rmSync(dir, { recursive: true, force: true }))

const reasonOf = (bytes: Uint8Array): unknown => {
  try {
    checkCover(bytes)
    return 'ok'
  } catch (e) {
    return isAppError(e) ? { code: e.code, ...e.params } : e
  }
}

describe('readJpegSize', () => {
  it('reads the frame size of real JPEGs', () => {
    expect(readJpegSize(images.cover!)).toEqual({ width: 720, height: 1280 })
    expect(readJpegSize(images.landscape!)).toEqual({ width: 1280, height: 720 })
    expect(readJpegSize(images.tiny!)).toEqual({ width: 100, height: 100 })
  })

  it('skips an APP1 (EXIF) segment and fill bytes before the frame header', () => {
    const original = images.cover!
    const exif = [0xff, 0xe1, 0x00, 0x0a, 0x45, 0x78, 0x69, 0x66, 0, 0, 1, 2]
    const withExif = new Uint8Array([0xff, 0xd8, 0xff, ...exif, ...original.subarray(2)])
    expect(readJpegSize(withExif)).toEqual({ width: 720, height: 1280 })
  })

  it('reads a progressive (SOF2) header and refuses DHT as a frame', () => {
    const dht = [0xff, 0xc4, 0x00, 0x04, 0x00, 0x00]
    const sof2 = [0xff, 0xc2, 0x00, 0x11, 0x08, 0x05, 0x00, 0x02, 0xd0, 0x03]
    expect(readJpegSize(new Uint8Array([0xff, 0xd8, ...dht, ...sof2, ...Array<number>(12).fill(0)]))).toEqual({ width: 720, height: 1280 })
  })

  it('returns null for a PNG, text, and a JPEG cut before its frame header', () => {
    expect(readJpegSize(images.png!)).toBeNull()
    expect(readJpegSize(new TextEncoder().encode('not an image at all'))).toBeNull()
    expect(readJpegSize(images.cover!.subarray(0, 30))).toBeNull()
  })
})

describe('checkCover', () => {
  it('accepts a 720×1280 JPEG within the size limit', () => {
    expect(images.cover!.length).toBeLessThan(2_000_000)
    expect(reasonOf(images.cover!)).toBe('ok')
  })

  it('refuses wrong dimensions with the dimensions found', () => {
    expect(reasonOf(images.landscape!)).toMatchObject({ code: 'invalid_cover', reason: 'dimensions', width: 1280, height: 720 })
    expect(reasonOf(images.tiny!)).toMatchObject({ reason: 'dimensions', width: 100, height: 100 })
  })

  it('refuses a PNG, an empty file and a truncated JPEG', () => {
    expect(reasonOf(images.png!)).toMatchObject({ code: 'invalid_cover', reason: 'not_jpeg' })
    expect(reasonOf(new Uint8Array())).toMatchObject({ reason: 'empty' })
    expect(reasonOf(images.cover!.subarray(0, 40))).toMatchObject({ reason: 'not_jpeg' })
  })

  it('refuses more than 2,000,000 bytes', () => {
    expect(images.huge!.length).toBeGreaterThan(2_000_000)
    expect(readJpegSize(images.huge!)).toEqual({ width: 720, height: 1280 })
    expect(reasonOf(images.huge!)).toMatchObject({ reason: 'too_large', bytes: images.huge!.length, maxBytes: 2_000_000 })
  })
})
