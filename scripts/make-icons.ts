/**
 * Generates every app icon from the one source image, resources/icon.png (square, ≥ 1024 px, RGBA):
 *   resources/icons/<n>x<n>.png   Linux (electron-builder picks sizes from this folder)
 *   resources/icon.ico            Windows: PNG-compressed entries 16…256
 *   resources/icon.icns           macOS: PNG entries 16…1024 (icp4…ic10)
 * Pure JS (pngjs + an area-averaging downscale), so it runs the same on every OS without ImageMagick.
 *
 * Usage: tsx scripts/make-icons.ts [resources dir]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { PNG } from 'pngjs'

export interface Rgba {
  readonly width: number
  readonly height: number
  readonly data: Uint8Array
}

export const linuxSizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const
export const icoSizes = [16, 24, 32, 48, 64, 128, 256] as const
/** ICNS element types holding PNG data, by pixel size. */
export const icnsTypes: ReadonlyArray<readonly [string, number]> = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024]
]

export function decodePng(bytes: Uint8Array): Rgba {
  const png = PNG.sync.read(Buffer.from(bytes))
  return { width: png.width, height: png.height, data: new Uint8Array(png.data) }
}

export function encodePng(image: Rgba): Buffer {
  const png = new PNG({ width: image.width, height: image.height })
  Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength).copy(png.data)
  return PNG.sync.write(png)
}

/**
 * Downscales a square image by area averaging in premultiplied alpha, so transparent pixels do not
 * darken the edges of the shape.
 */
export function resize(src: Rgba, size: number): Rgba {
  const out = new Uint8Array(size * size * 4)
  const scale = src.width / size
  for (let y = 0; y < size; y++) {
    const y0 = y * scale
    const y1 = y0 + scale
    for (let x = 0; x < size; x++) {
      const x0 = x * scale
      const x1 = x0 + scale
      let r = 0, g = 0, b = 0, a = 0, weight = 0
      for (let sy = Math.floor(y0); sy < Math.ceil(y1); sy++) {
        const wy = Math.min(y1, sy + 1) - Math.max(y0, sy)
        for (let sx = Math.floor(x0); sx < Math.ceil(x1); sx++) {
          const w = wy * (Math.min(x1, sx + 1) - Math.max(x0, sx))
          const i = (sy * src.width + sx) * 4
          const alpha = src.data[i + 3]! * w
          r += src.data[i]! * alpha
          g += src.data[i + 1]! * alpha
          b += src.data[i + 2]! * alpha
          a += alpha
          weight += w
        }
      }
      const o = (y * size + x) * 4
      if (a > 0) {
        out[o] = Math.round(r / a)
        out[o + 1] = Math.round(g / a)
        out[o + 2] = Math.round(b / a)
      }
      out[o + 3] = Math.round(a / weight)
    }
  }
  return { width: size, height: size, data: out }
}

/** An ICO file whose entries are PNGs (supported since Windows Vista; required for 256 px). */
export function encodeIco(pngs: ReadonlyArray<{ size: number; png: Buffer }>): Buffer {
  const header = Buffer.alloc(6)
  header.writeUInt16LE(0, 0)
  header.writeUInt16LE(1, 2) // 1 = icon
  header.writeUInt16LE(pngs.length, 4)
  const directory = Buffer.alloc(16 * pngs.length)
  let offset = header.length + directory.length
  pngs.forEach(({ size, png }, i) => {
    const e = i * 16
    directory.writeUInt8(size >= 256 ? 0 : size, e) // 0 means 256
    directory.writeUInt8(size >= 256 ? 0 : size, e + 1)
    directory.writeUInt8(0, e + 2) // no palette
    directory.writeUInt8(0, e + 3)
    directory.writeUInt16LE(1, e + 4) // colour planes
    directory.writeUInt16LE(32, e + 6) // bits per pixel
    directory.writeUInt32LE(png.length, e + 8)
    directory.writeUInt32LE(offset, e + 12)
    offset += png.length
  })
  return Buffer.concat([header, directory, ...pngs.map((p) => p.png)])
}

/** An ICNS file: 'icns' + total length, then (type, length incl. 8-byte header, PNG) elements. */
export function encodeIcns(elements: ReadonlyArray<{ type: string; png: Buffer }>): Buffer {
  const parts = elements.map(({ type, png }) => {
    const head = Buffer.alloc(8)
    head.write(type, 0, 'latin1')
    head.writeUInt32BE(png.length + 8, 4)
    return Buffer.concat([head, png])
  })
  const body = Buffer.concat(parts)
  const head = Buffer.alloc(8)
  head.write('icns', 0, 'latin1')
  head.writeUInt32BE(body.length + 8, 4)
  return Buffer.concat([head, body])
}

export function makeIcons(resourcesDir: string): string[] {
  const source = decodePng(readFileSync(join(resourcesDir, 'icon.png')))
  if (source.width !== source.height || source.width < 1024) throw new Error('resources/icon.png must be square and at least 1024 px')
  const pngOf = new Map<number, Buffer>()
  const png = (size: number): Buffer => {
    if (!pngOf.has(size)) pngOf.set(size, encodePng(size === source.width ? source : resize(source, size)))
    return pngOf.get(size)!
  }
  const written: string[] = []
  const write = (path: string, bytes: Buffer): void => {
    writeFileSync(path, bytes)
    written.push(path)
  }
  mkdirSync(join(resourcesDir, 'icons'), { recursive: true })
  for (const size of linuxSizes) write(join(resourcesDir, 'icons', `${size}x${size}.png`), png(size))
  write(join(resourcesDir, 'icon.ico'), encodeIco(icoSizes.map((size) => ({ size, png: png(size) }))))
  write(join(resourcesDir, 'icon.icns'), encodeIcns(icnsTypes.map(([type, size]) => ({ type, png: png(size) }))))
  return written
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const dir = resolve(process.argv[2] ?? 'resources')
  for (const path of makeIcons(dir)) console.log(`wrote ${path}`)
}
