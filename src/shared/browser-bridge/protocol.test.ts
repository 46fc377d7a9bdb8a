import { describe, expect, it } from 'vitest'
import { decodeMessage, encodeMessage } from './protocol'

describe('bridge wire codec', () => {
  it('carries Uint8Array as base64 and restores it, nested anywhere', () => {
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 31) % 256)
    const frame = encodeMessage({ t: 'event', name: 'x', payload: { image: bytes, list: [new Uint8Array([0, 255])] } })
    expect(frame).toContain('"$bytes":"')
    expect(frame).not.toContain('"0":')
    const back = decodeMessage(frame) as { payload: { image: Uint8Array; list: Uint8Array[] } }
    expect(back.payload.image).toBeInstanceOf(Uint8Array)
    expect(Array.from(back.payload.image)).toEqual(Array.from(bytes))
    expect(Array.from(back.payload.list[0]!)).toEqual([0, 255])
  })

  it('leaves ordinary objects alone, including ones that merely have a $bytes key among others', () => {
    const payload = { $bytes: 'AA==', other: 1 }
    expect(decodeMessage(encodeMessage({ t: 'event', name: 'x', payload }))).toEqual({ t: 'event', name: 'x', payload })
  })
})
