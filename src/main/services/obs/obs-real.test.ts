/**
 * The OBS hand-off against a real OBS Studio 29 (Debian package, under Xvfb at 640×360) and the
 * sandbox's RTMP ingest: a Kuaishou push URL goes to OBS as a sensitive ref, OBS streams to it, and the
 * Kuaishou live turns LIVING. Fails (never skips) when obs-studio or xvfb is missing.
 *
 * `npm run test:obs` runs this file inside `unshare -n` (a network namespace with only loopback), so OBS,
 * Xvfb, the sandbox ingest and this test share a private 127.0.0.1 and nothing reaches the machine's network;
 * the first test fails when it finds another interface. obs-websocket still gets a free port and a random
 * password.
 */
import { networkInterfaces } from 'node:os'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { KuaishouLiveView } from '../../../shared/ipc/kuaishou'
import type { ObsStatusView } from '../../../shared/ipc/obs'
import { KS_USERS, makeCover, startKsHarness, type KsHarness } from '../../platforms/kuaishou/test-support/harness'
import { startObs, type RunningObs } from './test-support/obs-process'

let h: KsHarness

it('runs isolated: only the loopback interface exists (npm run test:obs uses unshare -n)', () => {
  expect(Object.keys(networkInterfaces())).toEqual(['lo'])
})
let obs: RunningObs

beforeAll(async () => {
  obs = await startObs()
  h = await startKsHarness()
  h.consent = { user: KS_USERS.streamer }
  await h.app.handlers['kuaishou.connect'](undefined)
}, 60_000)
afterAll(async () => {
  await h?.stop()
  await obs?.stop()
})

const handlers = () => h.app.handlers
const errorOf = async (p: unknown): Promise<{ code: string; platformCode?: unknown }> => {
  try {
    await p
  } catch (e) {
    return e as { code: string; platformCode?: unknown }
  }
  throw new Error('expected a rejection')
}
const live = (): KuaishouLiveView | null => handlers()['kuaishou.getLive'](undefined) as KuaishouLiveView | null

/** Connects as soon as OBS's websocket listens (about 1–1.5 s after launch). */
async function connectWhenUp(): Promise<ObsStatusView> {
  return h.waitFor(async () => {
    try {
      return await handlers()['obs.connect'](undefined)
    } catch (e) {
      if ((e as { code?: string }).code === 'network') return undefined
      throw e
    }
  }, 30_000)
}

describe('OBS hand-off (real OBS)', () => {
  it('refuses a wrong password as auth_failed, then connects with the right one', async () => {
    await handlers()['obs.updateSettings']({ address: obs.address })
    await handlers()['secrets.set']({ key: 'obs.password', value: 'wrong-password' })
    const refused = await h.waitFor(async () => {
      const e = await errorOf(handlers()['obs.connect'](undefined))
      return e.code === 'network' ? undefined : e
    }, 30_000)
    expect(refused).toMatchObject({ code: 'permission_denied', platformCode: 4009 })
    expect(handlers()['obs.getStatus'](undefined)).toMatchObject({ connection: 'disconnected', error: 'auth_failed', passwordConfigured: true })

    await handlers()['secrets.set']({ key: 'obs.password', value: obs.password })
    const view = await connectWhenUp()
    expect(view).toMatchObject({ connection: 'connected', error: null, address: obs.address, stream: 'inactive' })
    expect(view.obsVersion).toMatch(/^\d+\.\d+/)
  }, 60_000)

  it('sends a Kuaishou push URL to OBS, streams until the live is LIVING, and stops', async () => {
    const created = await handlers()['kuaishou.createLive']({ cover: makeCover(), caption: 'obs', panoramic: 0, shopLive: false })
    const ref = created.pushUrlRef!
    const { server } = h.app.services.sensitive.rtmpParts(ref)

    const sent = await handlers()['obs.sendStream']({ ref })
    expect(sent.sentServer).toBe(server)
    // The status crossing IPC carries the server only, never the key.
    expect(JSON.stringify(h.eventsOf('obs.status'))).not.toContain(h.app.services.sensitive.rtmpParts(ref).key)

    const started = await handlers()['obs.startStream'](undefined)
    expect(started.stream).toBe('active')
    await h.waitFor(() => live()?.status === 'LIVING', 30_000)

    const publishes = (await h.control('/rtmp/publishes')) as Array<{ outcome: string; videoCodec?: number; audioCodec?: number }>
    expect(publishes.filter((p) => p.outcome === 'accepted')).toEqual([expect.objectContaining({ videoCodec: 7, audioCodec: 10 })])

    // OBS holds the destination while streaming: changing it now is refused, not half-applied.
    expect(await errorOf(handlers()['obs.sendStream']({ ref }))).toMatchObject({ code: 'live_active' })

    const stopped = await handlers()['obs.stopStream'](undefined)
    expect(stopped.stream).toBe('inactive')
    expect(h.eventsOf('obs.status').map((v) => v.stream)).toEqual(expect.arrayContaining(['starting', 'active', 'stopping', 'inactive']))
  }, 90_000)

  it('a refused destination is a failure, not a start (OBS replies OK to StartStream, then STOPPED)', async () => {
    // Right after a stop: the start must wait out OBS's lagging outputActive, or OBS drops it silently.
    const dead = h.app.services.sensitive.register('test', 'rtmp://127.0.0.1:9/live/nobody')
    await handlers()['obs.sendStream']({ ref: dead })
    expect(await errorOf(handlers()['obs.startStream'](undefined))).toMatchObject({ code: 'platform', platformCode: 'obs_stream_failed' })
    expect(handlers()['obs.getStatus'](undefined)).toMatchObject({ connection: 'connected', stream: 'inactive' })
  }, 60_000)

  it('disconnect, and a closed OBS is reported as closed', async () => {
    expect(await handlers()['obs.disconnect'](undefined)).toMatchObject({ connection: 'disconnected', error: null })
    await connectWhenUp()
    await obs.stop()
    await h.waitFor(() => (handlers()['obs.getStatus'](undefined) as ObsStatusView).connection === 'disconnected', 10_000)
    expect(handlers()['obs.getStatus'](undefined)).toMatchObject({ error: 'closed', stream: 'inactive' })
    expect(await errorOf(handlers()['obs.startStream'](undefined))).toMatchObject({ code: 'not_connected' })
  }, 30_000)
})
