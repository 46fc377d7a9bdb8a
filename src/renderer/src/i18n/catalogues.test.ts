import { describe, expect, it } from 'vitest'
import { languages } from '../../../shared/ipc/domain'
import { errorCodes } from '../../../shared/ipc/result'
import { catalogues } from './catalogues'

/** Every leaf key path of a catalogue, e.g. `settings.save`. */
function leafKeys(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix]
  return Object.entries(node).flatMap(([k, v]) => leafKeys(v, prefix ? `${prefix}.${k}` : k))
}

function lookup(lng: (typeof languages)[number], key: string): unknown {
  return key.split('.').reduce<unknown>((n, k) => (n as Record<string, unknown> | undefined)?.[k], catalogues[lng])
}

describe('i18n catalogues', () => {
  const reference = leafKeys(catalogues.en).sort()

  it.each(languages.filter((l) => l !== 'en'))('%s has exactly the English keys', (lng) => {
    const keys = leafKeys(catalogues[lng]).sort()
    expect({ missing: reference.filter((k) => !keys.includes(k)), extra: keys.filter((k) => !reference.includes(k)) }).toEqual({
      missing: [],
      extra: []
    })
  })

  it.each(languages)('%s has a non-empty string for every key', (lng) => {
    const empty = leafKeys(catalogues[lng]).filter((k) => {
      const v = lookup(lng, k)
      return typeof v !== 'string' || v.trim() === ''
    })
    expect(empty).toEqual([])
  })

  it.each(languages)('%s translates every IPC error code', (lng) => {
    expect(errorCodes.filter((code) => typeof lookup(lng, `errors.${code}`) !== 'string')).toEqual([])
  })

  it.each(languages)('%s names every language', (lng) => {
    expect(languages.filter((l) => typeof lookup(lng, `language.${l}`) !== 'string')).toEqual([])
  })

  it('really translates: Russian and Chinese differ from English where words are expected', () => {
    for (const key of ['nav.settings', 'slot.notConnected', 'secret.configured', 'settings.save']) {
      expect(lookup('ru', key)).not.toBe(lookup('en', key))
      expect(lookup('zh', key)).not.toBe(lookup('en', key))
    }
  })
})
