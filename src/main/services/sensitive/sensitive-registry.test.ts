import { describe, expect, it } from 'vitest'
import { sensitiveRefSchema } from '../../../shared/ipc/domain-schemas'
import { AppError } from '../../errors'
import type { Clock } from '../../ports/clock'
import { splitRtmpUrl } from './rtmp-split'
import { createSensitiveRegistry } from './sensitive-registry'

const PUSH = 'rtmp://host:1935/gifshow/abc?sign=x'

function setup() {
  let now = 1_000_000
  const clock: Clock = { now: () => now, setTimeout: () => ({ cancel() {} }) }
  const copied: string[] = []
  const registry = createSensitiveRegistry({ clipboard: { writeText: (t) => Promise.resolve(void copied.push(t)) }, clock })
  return { registry, copied, advance: (ms: number) => (now += ms) }
}

const code = (fn: () => unknown): string | undefined => {
  try {
    fn()
  } catch (e) {
    return e instanceof AppError ? e.code : 'not-an-AppError'
  }
  return undefined
}

describe('splitRtmpUrl', () => {
  it('splits after the app segment, keeping the query with the key', () => {
    expect(splitRtmpUrl(PUSH)).toEqual({ server: 'rtmp://host:1935/gifshow/', key: 'abc?sign=x' })
    expect(splitRtmpUrl('rtmps://a.b/live/k/x')).toEqual({ server: 'rtmps://a.b/live/', key: 'k/x' })
  })

  it('returns null without an app segment or a key', () => {
    expect(splitRtmpUrl('rtmp://host:1935/gifshow/')).toBeNull()
    expect(splitRtmpUrl('rtmp://host/')).toBeNull()
    expect(splitRtmpUrl('https://host/app/key')).toBeNull()
  })
})

describe('sensitive registry', () => {
  it('hands out opaque refs that match the contract schema and do not contain the value', () => {
    const { registry } = setup()
    const ref = registry.register('kspush', PUSH)
    expect(sensitiveRefSchema.safeParse(ref).success).toBe(true)
    expect(ref.startsWith('kspush:')).toBe(true)
    expect(ref).not.toContain('abc')
    expect(registry.register('kspush', PUSH)).not.toBe(ref)
  })

  it('reveals the value', () => {
    const { registry } = setup()
    expect(registry.reveal(registry.register('kspush', PUSH))).toBe(PUSH)
  })

  it('copies whole, server and key through the clipboard', async () => {
    const { registry, copied } = setup()
    const ref = registry.register('kspush', PUSH)
    await registry.copy(ref, 'whole')
    await registry.copy(ref, 'server')
    await registry.copy(ref, 'key')
    expect(copied).toEqual([PUSH, 'rtmp://host:1935/gifshow/', 'abc?sign=x'])
  })

  it('uses given parts for values that come split (VK url + token)', async () => {
    const { registry, copied } = setup()
    const ref = registry.register('vkrtmp', 'rtmp://vk/live/TOKEN', { split: { server: 'rtmp://vk/live', key: 'TOKEN' } })
    await registry.copy(ref, 'server')
    await registry.copy(ref, 'key')
    expect(copied).toEqual(['rtmp://vk/live', 'TOKEN'])
  })

  it('refuses server/key for a value without parts', async () => {
    const { registry, copied } = setup()
    const ref = registry.register('token', 'opaque')
    await expect(registry.copy(ref, 'key')).rejects.toMatchObject({ code: 'invalid_input' })
    expect(copied).toEqual([])
  })

  it('hands OBS the server and key parts of a push URL or of split credentials (rtmpParts)', () => {
    const { registry, advance } = setup()
    expect(registry.rtmpParts(registry.register('kspush', PUSH))).toEqual({ server: 'rtmp://host:1935/gifshow/', key: 'abc?sign=x' })
    const vk = registry.register('vkrtmp', 'rtmp://vk/live/TOKEN', { split: { server: 'rtmp://vk/live', key: 'TOKEN' } })
    expect(registry.rtmpParts(vk)).toEqual({ server: 'rtmp://vk/live', key: 'TOKEN' })
    expect(code(() => registry.rtmpParts(registry.register('token', 'opaque')))).toBe('invalid_input')
    const expiring = registry.register('kspush', PUSH, { expiresAt: 1_000_000 + 5_000 })
    advance(5_000)
    expect(code(() => registry.rtmpParts(expiring))).toBe('not_found')
  })

  it('answers not_found for unknown, forgotten, cleared and expired refs', async () => {
    const { registry, advance } = setup()
    expect(code(() => registry.reveal('kspush:unknown'))).toBe('not_found')
    const forgotten = registry.register('kspush', PUSH)
    registry.forget(forgotten)
    expect(code(() => registry.reveal(forgotten))).toBe('not_found')
    const cleared = registry.register('kspush', PUSH)
    registry.clear()
    expect(code(() => registry.reveal(cleared))).toBe('not_found')
    const expiring = registry.register('kspush', PUSH, { expiresAt: 1_000_000 + 5_000 })
    expect(registry.reveal(expiring)).toBe(PUSH)
    advance(5_000)
    expect(code(() => registry.reveal(expiring))).toBe('not_found')
    await expect(registry.copy(expiring, 'whole')).rejects.toMatchObject({ code: 'not_found' })
  })

  it('refuses a kind the ref schema would reject', () => {
    expect(() => setup().registry.register('Bad Kind', 'x')).toThrow(/kind/)
  })
})
