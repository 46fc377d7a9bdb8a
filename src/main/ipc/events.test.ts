import { describe, expect, it } from 'vitest'
import type { AppInfo } from '../../shared/ipc/domain'
import { createEventHub } from './events'

const info: AppInfo = { version: '1.0.0', platform: 'linux', sandbox: { active: true } }

describe('event hub', () => {
  it('delivers typed events to every subscriber until it unsubscribes', () => {
    const hub = createEventHub()
    const a: unknown[] = []
    const b: unknown[] = []
    const offA = hub.subscribe((name, payload) => a.push([name, payload]))
    hub.subscribe((name) => b.push(name))
    hub.emit('app.info', info)
    offA()
    hub.emit('app.info', info)
    expect(a).toEqual([['app.info', info]])
    expect(b).toEqual(['app.info', 'app.info'])
  })

  it('keeps delivering when one subscriber throws, and reports the error', () => {
    const errors: unknown[] = []
    const hub = createEventHub((e) => errors.push(e))
    const got: string[] = []
    hub.subscribe(() => {
      throw new Error('window gone')
    })
    hub.subscribe((name) => got.push(name))
    expect(() => hub.emit('app.info', info)).not.toThrow()
    expect(got).toEqual(['app.info'])
    expect(errors).toHaveLength(1)
  })
})
