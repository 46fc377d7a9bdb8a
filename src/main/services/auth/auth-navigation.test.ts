import { describe, expect, it } from 'vitest'
import { decideAuthNavigation, isRedirectTo, redirectRequestFilter } from './auth-navigation'

const rules = {
  redirectUri: 'https://example.org/livedeck/callback',
  allowedHosts: ['auth.live.vkvideo.ru', '*.vk.com', '127.0.0.1:4100']
}

describe('auth navigation decisions', () => {
  it('recognises the redirect with any query or fragment, and nothing else', () => {
    expect(isRedirectTo('https://example.org/livedeck/callback?code=abc&state=s', rules.redirectUri)).toBe(true)
    expect(isRedirectTo('https://EXAMPLE.org/livedeck/callback#access_token=t', rules.redirectUri)).toBe(true)
    expect(isRedirectTo('https://example.org/livedeck/callback/x?code=1', rules.redirectUri)).toBe(false)
    expect(isRedirectTo('http://example.org/livedeck/callback?code=1', rules.redirectUri)).toBe(false)
    expect(isRedirectTo('https://example.org:8443/livedeck/callback?code=1', rules.redirectUri)).toBe(false)
    expect(isRedirectTo('https://evil.io/?u=https://example.org/livedeck/callback', rules.redirectUri)).toBe(false)
    expect(isRedirectTo('https://example.org', 'https://example.org/')).toBe(true)
  })

  it('ends the flow on the redirect even though its host is not an allowed host', () => {
    const url = 'https://example.org/livedeck/callback?code=abc'
    expect(decideAuthNavigation(url, rules)).toEqual({ kind: 'redirect', url })
  })

  it('allows https on the allowed hosts, http only on loopback, and denies the rest', () => {
    const d = (url: string): string => decideAuthNavigation(url, rules).kind
    expect(d('https://auth.live.vkvideo.ru/app/oauth2/authorize?x=1')).toBe('allow')
    expect(d('https://id.vk.com/auth')).toBe('allow')
    expect(d('about:blank')).toBe('allow')
    expect(d('http://127.0.0.1:4100/oauth/authorize')).toBe('allow')
    expect(d('http://id.vk.com/auth')).toBe('deny')
    expect(d('https://vk.com/')).toBe('deny')
    expect(d('https://evil.io/phish')).toBe('deny')
    expect(d('https://user:pw@id.vk.com/')).toBe('deny')
    expect(d('file:///etc/passwd')).toBe('deny')
    expect(d('javascript:alert(1)')).toBe('deny')
    expect(d('not a url')).toBe('deny')
  })

  it('builds a prefix request filter for the redirect URI', () => {
    expect(redirectRequestFilter('https://example.org/cb?x=1')).toEqual(['https://example.org/cb*'])
    expect(redirectRequestFilter('http://127.0.0.1:4100')).toEqual(['http://127.0.0.1:4100/*'])
    expect(redirectRequestFilter('::')).toEqual([])
  })
})
