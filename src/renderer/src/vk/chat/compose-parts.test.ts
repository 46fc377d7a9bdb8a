import { describe, expect, it } from 'vitest'
import { vkChatSendSchema } from '../../../../shared/ipc/domain-schemas'
import { composeParts, isOpenableLink } from './compose-parts'

const members = new Map([
  ['mod_masha', 1000003],
  ['小龙', 1000102]
])
const smiles = new Map([['kekw', 'smile-1']])

describe('composeParts', () => {
  it('turns known @nicks into mentions and :smiles: into smiles, the rest into merged text', () => {
    const parts = composeParts('hi @mod_masha look :kekw: and @stranger :nope:', members, smiles)
    expect(parts).toEqual([
      { kind: 'text', text: 'hi ' },
      { kind: 'mention', userId: 1000003 },
      { kind: 'text', text: ' look ' },
      { kind: 'smile', id: 'smile-1' },
      { kind: 'text', text: ' and @stranger :nope:' }
    ])
    // What it builds is what main accepts.
    expect(vkChatSendSchema.safeParse({ clientId: 'c1', parts }).success).toBe(true)
  })

  it('handles non-Latin nicks and trims whitespace-only edges', () => {
    expect(composeParts('  @小龙  ', members, smiles)).toEqual([{ kind: 'mention', userId: 1000102 }])
  })

  it('sends nothing for a blank message', () => {
    expect(composeParts('   ', members, smiles)).toEqual([])
  })

  it('keeps markup as plain text', () => {
    expect(composeParts('<b>x</b>', members, smiles)).toEqual([{ kind: 'text', text: '<b>x</b>' }])
  })
})

describe('isOpenableLink', () => {
  it('allows only http(s)', () => {
    expect(isOpenableLink('https://vk.com/x')).toBe(true)
    expect(isOpenableLink('http://example.com')).toBe(true)
    expect(isOpenableLink('javascript:alert(1)')).toBe(false)
    expect(isOpenableLink('file:///etc/passwd')).toBe(false)
    expect(isOpenableLink('not a url')).toBe(false)
  })
})
