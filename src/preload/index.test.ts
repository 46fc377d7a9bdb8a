/**
 * The preload against a fake contextBridge/ipcRenderer: exactly one object is exposed, invokes go out
 * under `livedeck:` with only the input, and listeners see only the payload, never the IPC event.
 */
import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import { invokeChannelNames, type LivedeckApi } from '../shared/ipc/contract'

const exposed: Array<[string, unknown]> = []
const invoked: unknown[][] = []
const ipcRenderer = Object.assign(new EventEmitter(), {
  invoke: (...args: unknown[]) => {
    invoked.push(args)
    return Promise.resolve({ ok: true, value: null })
  }
})

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.push([key, api]) },
  ipcRenderer
}))
await import('./index')

describe('preload', () => {
  it('exposes exactly one object, window.livedeck, with no transport on it', () => {
    expect(exposed.map(([key]) => key)).toEqual(['livedeck'])
    const api = exposed[0]?.[1] as Record<string, unknown>
    expect(Object.values(api)).not.toContain(ipcRenderer)
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/ipc|invoke|send/i)
  })

  it('invokes every channel under its livedeck: name with the input only', async () => {
    const api = exposed[0]?.[1] as LivedeckApi
    await api.settings.update({ language: 'zh' })
    expect(invoked.at(-1)).toEqual(['livedeck:settings.update', { language: 'zh' }])
    await api.app.getInfo()
    expect(invoked.at(-1)).toEqual(['livedeck:app.getInfo', undefined])
    expect(invokeChannelNames.length).toBeGreaterThan(0)
  })

  it('delivers only the payload to listeners, and unsubscribes', () => {
    const api = exposed[0]?.[1] as LivedeckApi
    const got: unknown[][] = []
    const off = api.on('app.info', (...args: unknown[]) => got.push(args))
    const info = { version: '1', platform: 'linux', sandbox: { active: false } }
    ipcRenderer.emit('livedeck:app.info', { sender: ipcRenderer, ports: [] }, info)
    expect(got).toEqual([[info]])
    off()
    expect(ipcRenderer.listenerCount('livedeck:app.info')).toBe(0)
    ipcRenderer.emit('livedeck:app.info', {}, info)
    expect(got).toHaveLength(1)
  })
})
