import { describe, expect, it } from 'vitest'
import { safeImageSrc } from './safe-image-src'

describe('safeImageSrc', () => {
  it('keeps the image URLs main hands out in Electron and on the browser host', () => {
    expect(safeImageSrc('livedeck-img://img/aHR0cHM6Ly94')).toBe('livedeck-img://img/aHR0cHM6Ly94')
    expect(safeImageSrc('/livedeck-img/img/aHR0cHM6Ly94')).toBe('/livedeck-img/img/aHR0cHM6Ly94')
  })

  it('drops anything else', () => {
    for (const url of ['https://sun9-1.userapi.com/a.png', '//evil.example/livedeck-img/img/x', 'javascript:alert(1)', '/other/x.png', '', null, undefined]) {
      expect(safeImageSrc(url), String(url)).toBeUndefined()
    }
  })
})
