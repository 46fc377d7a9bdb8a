import { describe, expect, it } from 'vitest'
import { formatters } from './format'

describe('locale formatting', () => {
  const at = Date.UTC(2025, 0, 2, 15, 4, 5)
  it('formats numbers per UI language', () => {
    expect(formatters('en').number(1234567)).toBe('1,234,567')
    expect(formatters('ru').number(1234567)).toBe('1\u00a0234\u00a0567')
  })
  it('formats dates per UI language', () => {
    expect(formatters('en').date(at)).toBe('1/2/2025')
    expect(formatters('ru').date(at)).toBe('02.01.2025')
    expect(formatters('zh').date(at)).toBe('2025/1/2')
    // 24-hour clock in Russian, AM/PM in English, whatever the machine's locale.
    expect(formatters('ru').dateTime(at)).toMatch(/\d{2}:04:05$/)
    expect(formatters('en').dateTime(at)).toMatch(/:04:05 [AP]M$/)
  })
})
