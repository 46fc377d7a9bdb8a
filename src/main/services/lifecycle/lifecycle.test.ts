import { describe, expect, it, vi } from 'vitest'
import { createEventHub } from '../../ipc/events'
import type { Clock } from '../../ports/clock'
import type { Logger } from '../../ports/logger'
import type { SystemSignals } from '../../ports/system-signals'
import type { KuaishouLiveView } from '../../../shared/ipc/kuaishou'
import { createAppLifecycle, type ResumeReason } from './app-lifecycle'
import { createLiveActivity } from './live-activity'
import { createPowerSaveService } from './power-save'
import { createQuitGuard, decideQuit } from './quit-guard'

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} }

/** Signals a test drives by hand, like powerMonitor and the online watcher would. */
function fakeSignals(initiallyOnline = true) {
  let online = initiallyOnline
  const suspend = new Set<() => void>()
  const resume = new Set<() => void>()
  const change = new Set<(online: boolean) => void>()
  const sub = <T>(set: Set<T>, l: T) => (set.add(l), () => void set.delete(l))
  const signals: SystemSignals = {
    onSuspend: (l) => sub(suspend, l),
    onResume: (l) => sub(resume, l),
    onOnlineChange: (l) => sub(change, l),
    isOnline: () => online
  }
  return {
    signals,
    suspend: () => suspend.forEach((l) => l()),
    wake: () => resume.forEach((l) => l()),
    setOnline(next: boolean) {
      online = next
      change.forEach((l) => l(next))
    },
    listenerCount: () => suspend.size + resume.size + change.size
  }
}

function manualClock(): Clock & { advance(ms: number): void } {
  let now = 1_000_000
  return { now: () => now, setTimeout: () => ({ cancel() {} }), advance: (ms) => void (now += ms) }
}

/** Resolves once `n` resumes were delivered, or rejects after 2 s. */
function collect() {
  const reasons: ResumeReason[] = []
  const waiters: Array<() => void> = []
  return {
    reasons,
    listener: (r: ResumeReason) => {
      reasons.push(r)
      waiters.splice(0).forEach((w) => w())
    },
    async until(n: number) {
      const deadline = Date.now() + 2000
      while (reasons.length < n) {
        if (Date.now() > deadline) throw new Error(`expected ${n} resumes, got ${reasons.length}`)
        await new Promise<void>((res) => {
          waiters.push(res)
          setTimeout(res, 50)
        })
      }
    }
  }
}

describe('app lifecycle: resume hook', () => {
  it('wake while online resumes every subscriber once', async () => {
    const s = fakeSignals()
    const life = createAppLifecycle({ signals: s.signals, clock: manualClock(), logger: silent })
    const a = collect()
    const b = collect()
    life.onResume(a.listener)
    life.onResume(b.listener)
    s.suspend()
    s.wake()
    await a.until(1)
    await b.until(1)
    expect(a.reasons).toEqual(['wake'])
    expect(b.reasons).toEqual(['wake'])
  })

  it('wake while offline waits for the network, then resumes once', async () => {
    const s = fakeSignals(false)
    const life = createAppLifecycle({ signals: s.signals, clock: manualClock(), logger: silent })
    const a = collect()
    life.onResume(a.listener)
    s.wake()
    await Promise.resolve()
    expect(a.reasons).toEqual([])
    s.setOnline(true)
    await a.until(1)
    expect(a.reasons).toEqual(['online'])
  })

  it('wake and network-back in quick succession resume once; a later drop resumes again', async () => {
    const s = fakeSignals()
    const clock = manualClock()
    const life = createAppLifecycle({ signals: s.signals, clock, logger: silent, coalesceMs: 5000 })
    const a = collect()
    life.onResume(a.listener)
    s.wake()
    clock.advance(1000)
    s.setOnline(false)
    s.setOnline(true)
    await a.until(1)
    clock.advance(10_000)
    s.setOnline(false)
    s.setOnline(true)
    await a.until(2)
    expect(a.reasons).toEqual(['wake', 'online'])
  })

  it('going to sleep right after a resume does not swallow the next wake', async () => {
    const s = fakeSignals()
    const life = createAppLifecycle({ signals: s.signals, clock: manualClock(), logger: silent })
    const a = collect()
    life.onResume(a.listener)
    s.wake()
    s.suspend()
    s.wake()
    await a.until(2)
  })

  it('a failing subscriber is logged and does not stop the others', async () => {
    const s = fakeSignals()
    const warn = vi.fn()
    const life = createAppLifecycle({ signals: s.signals, clock: manualClock(), logger: { ...silent, warn } })
    const b = collect()
    life.onResume(() => Promise.reject(new Error('refresh refused')))
    life.onResume(b.listener)
    s.wake()
    await b.until(1)
    await vi.waitFor(() => expect(warn).toHaveBeenCalledWith('a resume subscriber failed', { reason: 'wake', error: 'Error: refresh refused' }))
  })

  it('unsubscribe and dispose stop delivery and release the OS listeners', async () => {
    const s = fakeSignals()
    const clock = manualClock()
    const life = createAppLifecycle({ signals: s.signals, clock, logger: silent, coalesceMs: 0 })
    const a = collect()
    const b = collect()
    const off = life.onResume(a.listener)
    life.onResume(b.listener)
    off()
    s.wake()
    await b.until(1)
    expect(a.reasons).toEqual([])
    life.dispose()
    expect(s.listenerCount()).toBe(0)
  })
})

describe('power save blocker service', () => {
  it('takes the block once for the first active source and releases it after the last', () => {
    const blocker = { start: vi.fn(), stop: vi.fn() }
    const power = createPowerSaveService({ blocker, logger: silent })
    power.setActive('kuaishou', true)
    power.setActive('vk', true)
    power.setActive('kuaishou', true)
    expect(blocker.start).toHaveBeenCalledTimes(1)
    power.setActive('kuaishou', false)
    expect(blocker.stop).not.toHaveBeenCalled()
    expect(power.isBlocking()).toBe(true)
    power.setActive('vk', false)
    expect(blocker.stop).toHaveBeenCalledTimes(1)
    expect(power.isBlocking()).toBe(false)
  })

  it('an inactive report for an unknown source changes nothing; dispose releases', () => {
    const blocker = { start: vi.fn(), stop: vi.fn() }
    const power = createPowerSaveService({ blocker, logger: silent })
    power.setActive('vk', false)
    expect(blocker.stop).not.toHaveBeenCalled()
    power.setActive('vk', true)
    power.dispose()
    expect(blocker.stop).toHaveBeenCalledTimes(1)
  })
})

const liveView = (over: Partial<KuaishouLiveView>): KuaishouLiveView => ({
  liveStreamName: 'n',
  pushUrlRef: null,
  createdAt: 0,
  expiresAt: 0,
  status: 'LIVE_NOT_START',
  statusMsg: '',
  checkedAt: null,
  stop: 'idle',
  endedWithoutStop: false,
  pollError: null,
  ...over
})

describe('live activity from platform events', () => {
  it('an unused push URL and a live keep the system awake; the quit guard sees the live platforms', () => {
    const events = createEventHub()
    const blocker = { start: vi.fn(), stop: vi.fn() }
    const powerSave = createPowerSaveService({ blocker, logger: silent })
    const activity = createLiveActivity({ events, powerSave })

    events.emit('kuaishou.live', liveView({ pushUrlRef: 'push:abc' }))
    expect(powerSave.isBlocking()).toBe(true)
    expect(activity.livePlatforms()).toEqual([])

    events.emit('kuaishou.live', liveView({ status: 'LIVING' }))
    events.emit('vkChat.status', { channelUrl: 'me', transport: 'live', streamId: 's1', canModerate: true })
    expect(activity.livePlatforms()).toEqual(['Kuaishou', 'VK Video Live'])

    events.emit('kuaishou.live', liveView({ status: 'LIVE_END' }))
    expect(powerSave.isBlocking()).toBe(true)
    events.emit('vkChat.status', { channelUrl: 'me', transport: 'stopped', streamId: null, canModerate: true })
    expect(activity.livePlatforms()).toEqual([])
    expect(powerSave.isBlocking()).toBe(false)

    activity.dispose()
    events.emit('kuaishou.live', liveView({ status: 'LIVING' }))
    expect(activity.livePlatforms()).toEqual([])
  })
})

describe('quit while live', () => {
  it('decideQuit: quit when nothing is live or the user confirmed; otherwise ask, naming each platform once', () => {
    expect(decideQuit([], false)).toEqual({ kind: 'quit' })
    expect(decideQuit(['Kuaishou'], true)).toEqual({ kind: 'quit' })
    expect(decideQuit(['Kuaishou', 'Kuaishou', 'VK Video Live'], false)).toEqual({ kind: 'ask', platforms: ['Kuaishou', 'VK Video Live'] })
  })

  it('holds the quit, asks once, and quits for real after "Quit"', async () => {
    let answer!: (yes: boolean) => void
    const dialog = { confirmQuitWhileLive: vi.fn(() => new Promise<boolean>((res) => (answer = res))) }
    const quit = vi.fn()
    const guard = createQuitGuard({ livePlatforms: () => ['Kuaishou'], dialog, quit })
    expect(guard.beforeQuit()).toBe(false)
    expect(guard.beforeQuit()).toBe(false)
    expect(dialog.confirmQuitWhileLive).toHaveBeenCalledTimes(1)
    expect(dialog.confirmQuitWhileLive).toHaveBeenCalledWith(['Kuaishou'])
    answer(true)
    await vi.waitFor(() => expect(quit).toHaveBeenCalledTimes(1))
    expect(guard.beforeQuit()).toBe(true)
  })

  it('"Stay" keeps the app running and asks again next time', async () => {
    const dialog = { confirmQuitWhileLive: vi.fn(() => Promise.resolve(false)) }
    const quit = vi.fn()
    const guard = createQuitGuard({ livePlatforms: () => ['VK Video Live'], dialog, quit })
    expect(guard.beforeQuit()).toBe(false)
    await vi.waitFor(() => expect(dialog.confirmQuitWhileLive).toHaveBeenCalledTimes(1))
    await Promise.resolve()
    expect(guard.beforeQuit()).toBe(false)
    await vi.waitFor(() => expect(dialog.confirmQuitWhileLive).toHaveBeenCalledTimes(2))
    expect(quit).not.toHaveBeenCalled()
  })

  it('nothing live: quits without a dialog', () => {
    const dialog = { confirmQuitWhileLive: vi.fn(() => Promise.resolve(true)) }
    const guard = createQuitGuard({ livePlatforms: () => [], dialog, quit: vi.fn() })
    expect(guard.beforeQuit()).toBe(true)
    expect(dialog.confirmQuitWhileLive).not.toHaveBeenCalled()
  })
})
