import { describe, expect, it } from 'vitest'
import { isSafeExternalUrl } from './external-url'

describe('isSafeExternalUrl', () => {
  it('accepts http(s) links only', () => {
    expect(isSafeExternalUrl('https://live.vkvideo.ru/help')).toBe(true)
    expect(isSafeExternalUrl('http://example.org/')).toBe(true)
    for (const bad of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'ms-msdt:/id',
      'https://user:pw@example.org/',
      'not a url',
      `https://example.org/${'a'.repeat(2048)}`
    ]) {
      expect(isSafeExternalUrl(bad), bad).toBe(false)
    }
  })
})
