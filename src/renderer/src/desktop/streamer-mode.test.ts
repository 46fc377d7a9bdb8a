import { describe, expect, it } from 'vitest'
import type { ObsStatusView } from '../../../shared/ipc/obs'
import { obsForcesStreamerMode, streamerModeOn } from './streamer-mode'

const obs = (patch: Partial<ObsStatusView>): ObsStatusView => ({
  address: 'ws://127.0.0.1:4455', passwordConfigured: false, connection: 'disconnected', error: null,
  obsVersion: null, stream: 'inactive', sentServer: null, ...patch
})

describe('streamer mode decision', () => {
  it('follows the user while OBS is away', () => {
    expect(streamerModeOn(false, null)).toBe(false)
    expect(streamerModeOn(true, null)).toBe(true)
    expect(streamerModeOn(false, obs({ connection: 'connecting' }))).toBe(false)
    expect(streamerModeOn(false, obs({ error: 'unreachable' }))).toBe(false)
  })

  it('is forced on while OBS is connected or streaming, whatever the user chose', () => {
    expect(obsForcesStreamerMode(obs({ connection: 'connected' }))).toBe(true)
    expect(streamerModeOn(false, obs({ connection: 'connected' }))).toBe(true)
    // A dropped websocket while OBS still streams must not unmask the key.
    expect(streamerModeOn(false, obs({ connection: 'disconnected', stream: 'reconnecting' }))).toBe(true)
    expect(streamerModeOn(false, obs({ connection: 'connected', stream: 'active' }))).toBe(true)
  })
})
