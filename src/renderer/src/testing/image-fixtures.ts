/**
 * Image files generated inside the page (canvas), so the cover pipeline is fed exactly what a user's
 * browser would hand it. Runs in the page (bundled there by the cover lab), never in Node.
 */
import type { FixtureName } from './cover-lab'

/** Builds one named fixture as a File. */
export async function makeFixture(name: FixtureName): Promise<File> {
  const canvasBlob = async (w: number, h: number, type: string, paint: (c: OffscreenCanvasRenderingContext2D) => void, quality?: number) => {
    const canvas = new OffscreenCanvas(w, h)
    paint(canvas.getContext('2d')!)
    return canvas.convertToBlob({ type, quality })
  }
  const gradient = (w: number, h: number) => (c: OffscreenCanvasRenderingContext2D) => {
    const g = c.createLinearGradient(0, 0, w, h)
    g.addColorStop(0, '#ff3b30')
    g.addColorStop(1, '#1e88e5')
    c.fillStyle = g
    c.fillRect(0, 0, w, h)
    c.fillStyle = '#fff'
    c.font = `${Math.round(h / 8)}px sans-serif`
    c.fillText('Livedeck', w / 10, h / 2)
  }
  /**
   * Random RGB in two layers: the low 7 bits change every pixel (so PNG cannot compress them and the
   * file is huge), the top bit changes per 4×4 block (so the detail survives the downscale to 720×1280
   * and the JPEG is hard to fit into 2,000,000 bytes).
   */
  const noise = (w: number, h: number) => (c: OffscreenCanvasRenderingContext2D) => {
    const data = c.createImageData(w, h)
    const px = data.data
    const fine = new Uint8Array(w * 4)
    const coarse = new Uint8Array(Math.ceil(w / 4) * 4)
    for (let y = 0; y < h; y++) {
      crypto.getRandomValues(fine)
      if (y % 4 === 0) crypto.getRandomValues(coarse)
      for (let x = 0; x < w; x++) {
        const at = (y * w + x) * 4
        const block = (x >> 2) * 4
        for (let ch = 0; ch < 3; ch++) px[at + ch] = (coarse[block + ch]! & 0x80) | (fine[x * 4 + ch]! & 0x7f)
        px[at + 3] = 255
      }
    }
    c.putImageData(data, 0, 0)
  }
  const file = (parts: BlobPart[], fileName: string, type: string) => new File(parts, fileName, { type })

  switch (name) {
    case 'png4000x3000':
      return file([await canvasBlob(4000, 3000, 'image/png', gradient(4000, 3000))], 'big.png', 'image/png')
    case 'png100x100':
      return file([await canvasBlob(100, 100, 'image/png', gradient(100, 100))], 'tiny.png', 'image/png')
    case 'noise30MB':
      return file([await canvasBlob(3500, 3500, 'image/png', noise(3500, 3500))], 'noise.png', 'image/png')
    case 'pngNamedJpg':
      return file([await canvasBlob(300, 200, 'image/png', gradient(300, 200))], 'photo.jpg', 'image/jpeg')
    case 'textNamedJpg':
      return file(['This is a shopping list, not a picture.\n'], 'photo.jpg', 'image/jpeg')
    case 'truncatedJpeg': {
      const whole = new Uint8Array(await (await canvasBlob(800, 600, 'image/jpeg', noise(800, 600), 0.9)).arrayBuffer())
      return file([whole.slice(0, Math.floor(whole.length * 0.6))], 'cut.jpg', 'image/jpeg')
    }
    case 'exifOrientation6': {
      // Stored landscape: left half red, right half blue. Orientation 6 = rotate 90° clockwise to
      // display, so the upright picture is portrait with red on top and blue below.
      const jpeg = new Uint8Array(
        await (
          await canvasBlob(400, 200, 'image/jpeg', (c) => {
            c.fillStyle = '#ff0000'
            c.fillRect(0, 0, 200, 200)
            c.fillStyle = '#0000ff'
            c.fillRect(200, 0, 200, 200)
          }, 0.95)
        ).arrayBuffer()
      )
      // APP1 "Exif": big-endian TIFF header, IFD0 with one entry, Orientation (0x0112) SHORT = 6.
      const app1 = [
        0xff, 0xe1, 0x00, 0x22, 0x45, 0x78, 0x69, 0x66, 0x00, 0x00, 0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08,
        0x00, 0x01, 0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x06, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00
      ]
      return file([jpeg.slice(0, 2), new Uint8Array(app1), jpeg.slice(2)], 'rotated.jpg', 'image/jpeg')
    }
    case 'gif1x1': {
      const gif = Uint8Array.from(atob('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw=='), (ch) => ch.charCodeAt(0))
      return file([gif], 'dot.gif', 'image/gif')
    }
    case 'webp':
      return file([await canvasBlob(640, 480, 'image/webp', gradient(640, 480), 0.8)], 'pic.webp', 'image/webp')
    case 'heic': {
      // The start of an iPhone photo: an ISO-BMFF `ftyp` box with the `heic` brand.
      const head = [0, 0, 0, 24, ...'ftypheic'].map((v) => (typeof v === 'number' ? v : v.charCodeAt(0)))
      const rest = [0, 0, 0, 0, ...'mif1heic'].map((v) => (typeof v === 'number' ? v : v.charCodeAt(0)))
      return file([new Uint8Array([...head, ...rest]), new Uint8Array(4096)], 'IMG_0001.HEIC', '')
    }
  }
}
