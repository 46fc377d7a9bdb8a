import { describe, expect, it } from 'vitest'
import { LruCache } from './lru-cache'

describe('LruCache', () => {
  it('evicts the least recently used entry past the entry limit', () => {
    const cache = new LruCache<string>(2, 100, (v) => v.length)
    cache.set('a', 'x')
    cache.set('b', 'y')
    expect(cache.get('a')).toBe('x') // a is now the youngest
    cache.set('c', 'z')
    expect(cache.get('b')).toBeUndefined()
    expect(cache.get('a')).toBe('x')
    expect(cache.get('c')).toBe('z')
  })

  it('evicts by total size, keeps the count right on overwrite, and skips values larger than the cap', () => {
    const cache = new LruCache<string>(10, 10, (v) => v.length)
    cache.set('a', '12345')
    cache.set('a', '1234')
    expect(cache.totalSize).toBe(4)
    cache.set('b', '123456')
    expect(cache.totalSize).toBe(10)
    cache.set('c', '1')
    expect(cache.get('a')).toBeUndefined()
    expect(cache.totalSize).toBe(7)
    cache.set('huge', '12345678901')
    expect(cache.get('huge')).toBeUndefined()
    expect(cache.size).toBe(2)
  })
})
