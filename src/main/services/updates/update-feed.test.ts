import { describe, expect, it } from 'vitest'
import { resolveUpdateFeed } from './update-feed'

describe('update feed', () => {
  it('is off unless configured, and off in unpackaged runs', () => {
    expect(resolveUpdateFeed({}, true)).toBeNull()
    expect(resolveUpdateFeed({ LIVEDECK_UPDATE_URL: '  ' }, true)).toBeNull()
    expect(resolveUpdateFeed({ LIVEDECK_UPDATE_URL: 'https://updates.example.org/livedeck/' }, false)).toBeNull()
  })

  it('takes an https generic feed URL', () => {
    expect(resolveUpdateFeed({ LIVEDECK_UPDATE_URL: 'https://updates.example.org/livedeck/' }, true)).toBe('https://updates.example.org/livedeck/')
  })

  it('refuses plain http, credentials in the URL and garbage', () => {
    expect(resolveUpdateFeed({ LIVEDECK_UPDATE_URL: 'http://updates.example.org/' }, true)).toBeNull()
    expect(resolveUpdateFeed({ LIVEDECK_UPDATE_URL: 'https://user:pw@updates.example.org/' }, true)).toBeNull()
    expect(resolveUpdateFeed({ LIVEDECK_UPDATE_URL: 'not a url' }, true)).toBeNull()
  })
})
