import { describe, expect, it } from 'vitest'
import { buildLivedeckApi } from './build-api'
import { eventNames, invokeChannelNames, type EventName } from './contract'
import { ok } from './result'

describe('buildLivedeckApi', () => {
  it('has one method per contract channel, grouped by namespace, plus on()', async () => {
    const sent: Array<[string, unknown]> = []
    const api = buildLivedeckApi(
      async (channel, input) => {
        sent.push([channel, input])
        return Promise.resolve(ok(channel))
      },
      () => () => undefined
    )
    const namespaces = new Set(invokeChannelNames.map((c) => c.split('.')[0]))
    expect(Object.keys(api).sort()).toEqual([...namespaces, 'on'].sort())
    for (const channel of invokeChannelNames) {
      const [ns, method] = channel.split('.') as [string, string]
      const fn = (api as unknown as Record<string, Record<string, (i?: unknown) => Promise<unknown>>>)[ns]?.[method]
      expect(typeof fn, channel).toBe('function')
      expect(await fn?.({ probe: channel })).toEqual(ok(channel))
    }
    expect(sent.map(([c]) => c)).toEqual(invokeChannelNames)
    expect(sent[0]?.[1]).toEqual({ probe: invokeChannelNames[0] })
  })

  it('forwards exactly one argument and is frozen', async () => {
    const sent: unknown[][] = []
    const api = buildLivedeckApi(
      async (...args) => {
        sent.push(args)
        return Promise.resolve(ok(null))
      },
      () => () => undefined
    )
    const update = api.settings.update as unknown as (...a: unknown[]) => Promise<unknown>
    await update({ language: 'ru' }, 'extra', { more: true })
    expect(sent).toEqual([['settings.update', { language: 'ru' }]])
    expect(Object.isFrozen(api)).toBe(true)
    expect(Object.isFrozen(api.settings)).toBe(true)
    expect(() => {
      ;(api as unknown as Record<string, unknown>).ipcRenderer = {}
    }).toThrow(TypeError)
  })

  it('subscribes to known events only, passes only the payload, and unsubscribes', () => {
    const listeners = new Map<EventName, (payload: unknown) => void>()
    const api = buildLivedeckApi(
      async () => Promise.resolve(ok(null)),
      (event, listener) => {
        listeners.set(event, listener)
        return () => listeners.delete(event)
      }
    )
    const got: unknown[][] = []
    const off = api.on('app.info', (...args: unknown[]) => got.push(args))
    listeners.get('app.info')?.({ version: '1' })
    expect(got).toEqual([[{ version: '1' }]])
    off()
    expect(listeners.has('app.info')).toBe(false)
    expect(() => api.on('nope' as EventName, () => undefined)).toThrow('unknown event')
    expect(() => api.on(eventNames[0] as EventName, 'x' as never)).toThrow('listener must be a function')
  })
})
