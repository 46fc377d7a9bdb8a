/**
 * Dates, times and numbers in the UI language (not the OS locale): a Russian UI shows 24-hour times
 * and "1 234", a Chinese one 2025/1/2 — whatever the machine's region is.
 */
import { useTranslation } from 'react-i18next'

export interface Formatters {
  readonly dateTime: (epochMs: number) => string
  readonly date: (epochMs: number) => string
  readonly time: (epochMs: number) => string
  readonly number: (n: number) => string
}

const numericDate = { year: 'numeric', month: 'numeric', day: 'numeric' } as const

export function formatters(locale: string): Formatters {
  return {
    // The same fields as toLocaleString()/toLocaleDateString(), but in the UI language.
    dateTime: (ms) => new Intl.DateTimeFormat(locale, { ...numericDate, hour: 'numeric', minute: '2-digit', second: '2-digit' }).format(ms),
    date: (ms) => new Intl.DateTimeFormat(locale, numericDate).format(ms),
    time: (ms) => new Intl.DateTimeFormat(locale, { timeStyle: 'medium' }).format(ms),
    number: (n) => new Intl.NumberFormat(locale).format(n)
  }
}

/** Formatters for the current UI language (re-rendered when it changes). */
export function useFormat(): Formatters {
  const { i18n } = useTranslation()
  return formatters(i18n.language || 'en')
}
