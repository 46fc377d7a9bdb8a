import { describe, expect, it } from 'vitest'
import type { VkAccountView, VkChannelView, VkChatStatus } from '../../../shared/ipc/domain'
import type { KuaishouAccountView, KuaishouLiveView } from '../../../shared/ipc/kuaishou'
import { kuaishouBadge, kuaishouCapabilities, vkBadge, vkCapabilities } from './capabilities'

const vkUser = { id: 7, nick: 'me', nickColor: 0, avatarUrl: null, isStreamer: true }
const vkAccount = (patch: Partial<VkAccountView> = {}): VkAccountView => ({
  state: 'connected', flow: 'code', user: vkUser, channelUrl: 'me', expiresAt: null, ...patch
})
const vkChannel = (patch: Partial<VkChannelView> = {}): VkChannelView => ({
  id: 7, url: 'me', nick: 'me', nickColor: 0, avatarUrl: null, status: 'offline', subscribers: 0, isLive: false, stream: null, ...patch
})
const chat = (patch: Partial<VkChatStatus> = {}): VkChatStatus => ({
  channelUrl: 'me', transport: 'live', streamId: null, canModerate: false, ...patch
})

describe('VK capability map', () => {
  it('shows nothing channel-bound while disconnected or without a channel', () => {
    expect(vkCapabilities(null, null, null)).toEqual({ channel: false, send: false, chatSettings: false, reconnect: false })
    expect(vkCapabilities(vkAccount({ channelUrl: null }), null, null).channel).toBe(false)
    expect(vkCapabilities(vkAccount({ state: 'needsReconnect' }), vkChannel(), chat())).toMatchObject({ channel: false, reconnect: true })
  })

  it('allows sending only while live', () => {
    expect(vkCapabilities(vkAccount(), vkChannel(), chat()).send).toBe(false)
    expect(vkCapabilities(vkAccount(), vkChannel(), chat({ streamId: 's1' })).send).toBe(true)
    expect(vkCapabilities(vkAccount(), vkChannel({ isLive: true }), null).send).toBe(true)
  })

  it('offers chat settings to the owner and moderators only', () => {
    expect(vkCapabilities(vkAccount(), vkChannel(), chat()).chatSettings).toBe(true)
    const viewer = vkAccount({ user: { ...vkUser, id: 99 } })
    expect(vkCapabilities(viewer, vkChannel(), chat()).chatSettings).toBe(false)
    expect(vkCapabilities(viewer, vkChannel(), chat({ canModerate: true })).chatSettings).toBe(true)
  })

  it('labels the header badge', () => {
    const account = vkAccount()
    expect(vkBadge(account, vkCapabilities(account, vkChannel(), chat({ streamId: 's' })))).toBe('live')
    expect(vkBadge(account, vkCapabilities(account, vkChannel(), chat()))).toBe('connected')
    const stale = vkAccount({ state: 'needsReconnect' })
    expect(vkBadge(stale, vkCapabilities(stale, null, null))).toBe('reconnect')
    expect(vkBadge(null, vkCapabilities(null, null, null))).toBe('disconnected')
  })
})

const ksAccount = (patch: Partial<KuaishouAccountView> = {}): KuaishouAccountView => ({
  state: 'connected', user: { name: 'me', avatarUrl: null }, scopes: [], missingScopes: [], expiresAt: null, ...patch
})
const ksLive = (patch: Partial<KuaishouLiveView> = {}): KuaishouLiveView => ({
  liveStreamName: 'n', pushUrlRef: 'push:abc', createdAt: 0, expiresAt: 1, status: 'LIVE_NOT_START', statusMsg: '',
  checkedAt: null, stop: 'idle', endedWithoutStop: false, pollError: null, ...patch
})

describe('Kuaishou capability map', () => {
  it('offers go-live only when connected, with the live scope, and no live in the way', () => {
    expect(kuaishouCapabilities(ksAccount(), null).goLive).toBe(true)
    expect(kuaishouCapabilities(ksAccount({ missingScopes: ['user_video_live'] }), null)).toMatchObject({ form: true, goLive: false })
    expect(kuaishouCapabilities(ksAccount(), ksLive()).form).toBe(false)
    expect(kuaishouCapabilities(ksAccount(), ksLive()).goLive).toBe(false)
    expect(kuaishouCapabilities(ksAccount({ state: 'disconnected' }), null).goLive).toBe(false)
  })

  it('offers stop only while a live exists that is not over, stopped or stopping', () => {
    expect(kuaishouCapabilities(ksAccount(), null).stop).toBe(false)
    expect(kuaishouCapabilities(ksAccount(), ksLive({ status: 'LIVING' })).stop).toBe(true)
    expect(kuaishouCapabilities(ksAccount(), ksLive({ status: 'LIVE_END' })).stop).toBe(false)
    expect(kuaishouCapabilities(ksAccount(), ksLive({ stop: 'stopped' })).stop).toBe(false)
    expect(kuaishouCapabilities(ksAccount(), ksLive({ stop: 'stopping' })).stop).toBe(false)
    expect(kuaishouCapabilities(ksAccount(), ksLive({ stop: 'failed' })).stop).toBe(true)
  })

  it('shows the push URL while main holds an unused one', () => {
    expect(kuaishouCapabilities(ksAccount(), ksLive()).pushUrl).toBe(true)
    expect(kuaishouCapabilities(ksAccount(), ksLive({ pushUrlRef: null })).pushUrl).toBe(false)
  })

  it('labels the header badge', () => {
    expect(kuaishouBadge(ksAccount(), ksLive({ status: 'LIVING' }))).toBe('live')
    expect(kuaishouBadge(ksAccount(), null)).toBe('connected')
    expect(kuaishouBadge(ksAccount({ state: 'needsReconnect' }), ksLive({ status: 'LIVING' }))).toBe('reconnect')
    expect(kuaishouBadge(null, null)).toBe('disconnected')
  })
})
