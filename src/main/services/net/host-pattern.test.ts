import { describe, expect, it } from 'vitest'
import { hostAllowed, hostMatches } from './host-pattern'

const u = (s: string): URL => new URL(s)

describe('host patterns', () => {
  it('matches exact hosts case-insensitively, default port only', () => {
    expect(hostMatches(u('https://Auth.Live.VKVideo.ru/x'), 'auth.live.vkvideo.ru')).toBe(true)
    expect(hostMatches(u('https://auth.live.vkvideo.ru:8443/x'), 'auth.live.vkvideo.ru')).toBe(false)
    expect(hostMatches(u('https://live.vkvideo.ru/'), 'auth.live.vkvideo.ru')).toBe(false)
  })

  it('matches wildcards on subdomains only, never on look-alike suffixes', () => {
    expect(hostMatches(u('https://id.vk.com/'), '*.vk.com')).toBe(true)
    expect(hostMatches(u('https://a.b.vk.com/'), '*.vk.com')).toBe(true)
    expect(hostMatches(u('https://vk.com/'), '*.vk.com')).toBe(false)
    expect(hostMatches(u('https://evilvk.com/'), '*.vk.com')).toBe(false)
    expect(hostMatches(u('https://vk.com.evil.io/'), '*.vk.com')).toBe(false)
  })

  it('matches host:port patterns on that port only', () => {
    expect(hostMatches(u('http://127.0.0.1:4100/a'), '127.0.0.1:4100')).toBe(true)
    expect(hostMatches(u('http://127.0.0.1:4101/a'), '127.0.0.1:4100')).toBe(false)
    expect(hostMatches(u('http://127.0.0.1/a'), '127.0.0.1:4100')).toBe(false)
  })

  it('refuses URLs without a host', () => {
    expect(hostAllowed(u('file:///etc/passwd'), ['*.vk.com', ''])).toBe(false)
    expect(hostAllowed(u('data:text/plain,hi'), ['*.vk.com'])).toBe(false)
    expect(hostAllowed(u('https://x.kwimgs.com/a.png'), ['*.vk.com', '*.kwimgs.com'])).toBe(true)
  })
})
