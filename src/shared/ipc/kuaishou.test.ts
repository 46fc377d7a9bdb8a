import { describe, expect, it } from 'vitest'
import { codePointLength } from './kuaishou'
import { kuaishouCreateLiveSchema } from './kuaishou-schemas'

const cover = new Uint8Array([0xff, 0xd8, 0xff])

describe('kuaishou.createLive input', () => {
  it('counts the caption in code points: 13 emoji or CJK characters pass, 14 do not', () => {
    expect(codePointLength('🌟'.repeat(13))).toBe(13)
    expect(kuaishouCreateLiveSchema.safeParse({ cover, caption: '🌟'.repeat(13) }).success).toBe(true)
    expect(kuaishouCreateLiveSchema.safeParse({ cover, caption: '一二三四五六七八九十一二三' }).success).toBe(true)
    expect(kuaishouCreateLiveSchema.safeParse({ cover, caption: '一二三四五六七八九十一二三四' }).success).toBe(false)
  })

  it('fills defaults and refuses out-of-range options', () => {
    expect(kuaishouCreateLiveSchema.parse({ cover })).toEqual({ cover, caption: '', panoramic: 0, shopLive: false })
    expect(kuaishouCreateLiveSchema.safeParse({ cover, panoramic: 3 }).success).toBe(false)
    expect(kuaishouCreateLiveSchema.safeParse({ cover, shopLive: 'true' }).success).toBe(false)
    expect(kuaishouCreateLiveSchema.safeParse({ cover, deviceName: '   ' }).success).toBe(false)
    expect(kuaishouCreateLiveSchema.safeParse({ cover, extra: 1 }).success).toBe(false)
  })

  it('takes the cover only as bytes', () => {
    expect(kuaishouCreateLiveSchema.safeParse({ cover: 'data:image/jpeg;base64,/9j/' }).success).toBe(false)
    expect(kuaishouCreateLiveSchema.safeParse({ cover: [255, 216, 255] }).success).toBe(false)
  })
})
