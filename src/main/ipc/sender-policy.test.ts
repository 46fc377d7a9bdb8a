import { describe, expect, it } from 'vitest'
import { createAppSenderPolicy, originOf } from './sender-policy'

describe('app sender policy', () => {
  it('rebuilds origins of custom schemes (WHATWG says "null")', () => {
    expect(originOf('app://livedeck/index.html?x=1#y')).toBe('app://livedeck')
    expect(originOf('http://localhost:5173/')).toBe('http://localhost:5173')
    expect(originOf('file:///etc/passwd')).toBeNull()
    expect(originOf('about:blank')).toBeNull()
    expect(originOf('garbage')).toBeNull()
  })

  it('allows the dev server origin only when configured, and without a window check off Electron', () => {
    const policy = createAppSenderPolicy({ origins: ['app://livedeck', 'http://localhost:5173/'] })
    const top = { isTopFrame: true, webContentsId: null }
    expect(policy.allows({ ...top, url: 'http://localhost:5173/index.html' })).toBe(true)
    expect(policy.allows({ ...top, url: 'http://localhost:5174/index.html' })).toBe(false)
    expect(policy.allows({ ...top, url: 'http://127.0.0.1:5173/' })).toBe(false)
    expect(policy.allows({ ...top, url: 'file:///index.html' })).toBe(false)
    expect(policy.allows({ ...top, url: 'app://livedeck.evil/index.html' })).toBe(false)
  })

  it('checks the window id against the known windows at call time', () => {
    const known = new Set<number>()
    const policy = createAppSenderPolicy({ origins: ['app://livedeck'], isKnownWebContents: (id) => known.has(id) })
    const sender = { url: 'app://livedeck/', isTopFrame: true, webContentsId: 3 }
    expect(policy.allows(sender)).toBe(false)
    known.add(3)
    expect(policy.allows(sender)).toBe(true)
    expect(policy.allows({ ...sender, webContentsId: null })).toBe(false)
  })
})
