/**
 * Every VK platform code main can send has its own sentence in every language. The codes are read from
 * main's sources, so a new code there fails this test until it gets a text: the literal codes given to
 * `AppError`, the keys of the API client's message table, and the codes main's VK README documents
 * (those main passes through from VK's answer, e.g. OAuth's `invalid_grant`).
 */
import i18next from 'i18next'
import { describe, expect, it } from 'vitest'
import { languages } from '../../../../shared/ipc/domain'
import { catalogues } from '../../i18n/catalogues'
import { knownPlatformCodes, vkErrorText } from './vk-error'

// Read as text at build time (Vite), since the renderer's tests run without Node's fs.
const vkSources = import.meta.glob<string>(['../../../../main/platforms/vk/**/*.ts', '!**/*.test.ts', '!**/test-support/**'], {
  query: '?raw',
  import: 'default',
  eager: true
})
const readme = import.meta.glob<string>('../../../../main/platforms/vk/README.md', { query: '?raw', import: 'default', eager: true })
const sourceOf = (name: string): string => Object.entries(vkSources).find(([path]) => path.endsWith(`/vk/${name}`))?.[1] ?? ''

function mainPlatformCodes(): Set<string> {
  const codes = new Set<string>()
  for (const text of Object.values(vkSources)) {
    for (const m of text.matchAll(/new AppError\(\s*'[a-z_]+',\s*(?:'[^']*'|`[^`]*`|[a-zA-Z_.]+),\s*'([a-z0-9_]+)'\s*\)/g)) codes.add(m[1]!)
  }
  const client = sourceOf('api-client.ts')
  const table = /const messages: Record<string, string> = \{([\s\S]*?)\n\}/.exec(client)?.[1] ?? ''
  for (const m of table.matchAll(/^\s*([a-z_]+):/gm)) codes.add(m[1]!)
  const section = /## Error codes for the renderer to translate([\s\S]*?)- Codes without platformCode/.exec(Object.values(readme)[0] ?? '')?.[1] ?? ''
  for (const m of section.matchAll(/`([a-z_]+)`/g)) codes.add(m[1]!)
  // Names the README uses in passing: the shared error code and the body field, not VK codes.
  for (const word of ['platform', 'error']) codes.delete(word)
  return codes
}

describe('VK error texts', () => {
  const codes = mainPlatformCodes()

  it('finds the codes main produces (the extraction itself works)', () => {
    expect(Object.keys(vkSources).length).toBeGreaterThan(10)
    for (const code of ['state_mismatch', 'bad_response', 'no_channel', 'not_live', 'chat_closed', 'invalid_scope', 'invalid_grant', 'access_denied']) {
      expect(codes, code).toContain(code)
    }
  })

  it('has a sentence for every one of them in en, ru and zh', async () => {
    for (const language of languages) {
      const t = await i18next.createInstance().init({ lng: language, resources: { [language]: { translation: catalogues[language] } } })
      for (const code of codes) {
        expect(knownPlatformCodes, code).toContain(code)
        const text = vkErrorText(t, { code: 'platform', message: 'x', platformCode: code })
        expect(text, `${language}: ${code}`).not.toContain(`vk.errors.`)
        expect(text, `${language}: ${code}`).not.toContain(code)
      }
    }
  })

  it('falls back to the generic text with the code for an unknown VK code', async () => {
    const t = await i18next.createInstance().init({ lng: 'en', resources: { en: { translation: catalogues.en } } })
    expect(vkErrorText(t, { code: 'platform', message: 'x', platformCode: 'http_418' })).toContain('(VK: http_418)')
  })
})
