import { describe, expect, it, vi } from 'vitest'
import type { VkChatStatus } from '../../shared/ipc/domain'
import type { Logger } from '../ports/logger'
import type { AppLifecycle, ResumeListener } from '../services/lifecycle/app-lifecycle'
import { resumeKuaishou, resumeVk, subscribePlatformsToResume, type ResumablePlatforms } from './resume'

const chatStatus = (over: Partial<VkChatStatus>): VkChatStatus => ({ channelUrl: null, transport: 'idle', streamId: null, canModerate: false, ...over })

function vkFake(state: 'connected' | 'needsReconnect', chat: VkChatStatus) {
  return {
    account: { checkStoredToken: vi.fn(() => Promise.resolve({ state } as never)) },
    chat: { status: () => chat, open: vi.fn(() => Promise.resolve(chat)) }
  }
}

describe('resume: what each platform does after sleep or network loss', () => {
  it('VK: re-checks the token, then reopens an open chat so pubsub gets fresh tokens', async () => {
    const vk = vkFake('connected', chatStatus({ channelUrl: 'live_channel', transport: 'live' }))
    await resumeVk(vk)
    expect(vk.account.checkStoredToken).toHaveBeenCalledTimes(1)
    expect(vk.chat.open).toHaveBeenCalledWith('live_channel')
  })

  it('VK: a closed chat stays closed; a token that needs reconnecting does not reopen it', async () => {
    const closed = vkFake('connected', chatStatus({ channelUrl: null, transport: 'idle' }))
    await resumeVk(closed)
    expect(closed.chat.open).not.toHaveBeenCalled()
    const stale = vkFake('needsReconnect', chatStatus({ channelUrl: 'live_channel', transport: 'polling' }))
    await resumeVk(stale)
    expect(stale.account.checkStoredToken).toHaveBeenCalledTimes(1)
    expect(stale.chat.open).not.toHaveBeenCalled()
  })

  it('Kuaishou: re-polls the live status only when there is a live', async () => {
    const refresh = vi.fn(() => Promise.resolve(null))
    await resumeKuaishou({ live: { view: () => null, refresh } })
    expect(refresh).not.toHaveBeenCalled()
    await resumeKuaishou({ live: { view: () => ({}) as never, refresh } })
    expect(refresh).toHaveBeenCalledTimes(1)
  })

  it('one platform failing is logged and does not stop the other', async () => {
    let listener: ResumeListener | null = null
    const lifecycle: AppLifecycle = { onResume: (l) => ((listener = l), () => (listener = null)), dispose() {} }
    const warn = vi.fn()
    const logger: Logger = { debug() {}, info() {}, warn, error() {} }
    const refresh = vi.fn(() => Promise.resolve(null))
    const platforms: ResumablePlatforms = {
      vk: { account: { checkStoredToken: () => Promise.reject(new Error('offline')) }, chat: { status: () => chatStatus({}), open: vi.fn() } },
      kuaishou: { live: { view: () => ({}) as never, refresh } }
    }
    const off = subscribePlatformsToResume(lifecycle, platforms, logger)
    await listener!('wake')
    expect(refresh).toHaveBeenCalledTimes(1)
    expect(warn).toHaveBeenCalledWith('a platform could not catch up after resume', { platform: 'vk', error: 'Error: offline' })
    off()
    expect(listener).toBeNull()
  })
})
