/**
 * VK through the real IPC router and composition root (createNodeMainApp) against the sandbox: what the
 * renderer sends, what it gets back, which events it sees, and that no token or secret ever crosses.
 */
import { afterEach, describe, expect, it } from 'vitest'
import type { EventName } from '../../../shared/ipc/contract'
import type { VkChatBatch, VkChatMessageView, VkChannelView, VkCredentialsView } from '../../../shared/ipc/domain'
import type { Result } from '../../../shared/ipc/result'
import { createNodeMainApp } from '../../app/node-app'
import { defaultVkScopes } from '../../settings/schema'
import { createRouter, type SenderInfo } from '../../ipc/router'
import { LIVE, startHarness, USERS, waitFor, type Harness } from './test-support/sandbox-harness'

let h: Harness | undefined
afterEach(async () => {
  await h?.stop()
  h = undefined
})

const PAGE = 'http://127.0.0.1:1/'
const sender: SenderInfo = { url: PAGE, isTopFrame: true, webContentsId: null }

async function start() {
  h = await startHarness()
  const events: Array<{ name: EventName; payload: unknown }> = []
  h.app.events.subscribe((name, payload) => events.push({ name, payload }))
  const router = createRouter(h.app.handlers, { allows: (s) => s.url === PAGE }, h.app.services.logger)
  const results: unknown[] = []
  const invoke = async (channel: string, input?: unknown): Promise<Result<unknown>> => {
    const r = await router.dispatch(channel, input, sender)
    results.push(r)
    return r
  }
  return { h, events, invoke, results }
}
const value = <T>(r: Result<unknown>): T => {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`)
  return r.value as T
}

describe('VK over IPC', () => {
  it('a fresh data dir with the sandbox connects with the default scopes and can edit the stream', async () => {
    h = await startHarness({ scopes: 'defaults' })
    expect(h.app.services.settings.view().vk.scopes).toEqual(defaultVkScopes)
    const router = createRouter(h.app.handlers, { allows: (s) => s.url === PAGE }, h.app.services.logger)
    value(await router.dispatch('vk.connect', undefined, sender))
    const requested = new URL(h.authRequests[0]!.authorizeUrl).searchParams.get('scope')
    expect(requested?.split(',').sort()).toEqual([...defaultVkScopes].sort())
    const [cs] = value<Array<{ id: string }>>(await router.dispatch('vk.searchCategories', { query: 'counter', type: 'game' }, sender))
    const edited = value<VkChannelView>(await router.dispatch('vk.editStream', { title: 'Default scopes', categoryId: cs!.id }, sender))
    expect(edited.stream?.title).toBe('Default scopes')
  })

  it('connect, channel, stream edit, credentials, chat send + echo, sign-out; no secret crosses', async () => {
    const { h, events, invoke, results } = await start()
    const account = value<{ state: string }>(await invoke('vk.connect'))
    expect(account.state).toBe('connected')
    await waitFor(() => events.some((e) => e.name === 'vk.account'), 'the account event')

    const channel = value<VkChannelView>(await invoke('vk.getChannel'))
    expect(channel).toMatchObject({ url: LIVE, isLive: true })
    const [cs] = value<Array<{ id: string }>>(await invoke('vk.searchCategories', { query: 'counter', type: 'game' }))
    const edited = value<VkChannelView>(await invoke('vk.editStream', { title: 'From IPC', categoryId: cs!.id }))
    expect(edited.stream?.title).toBe('From IPC')

    const { ref } = value<VkCredentialsView>(await invoke('vk.getCredentials'))
    value(await invoke('sensitive.copy', { ref, part: 'key' }))
    const key = h.copied[0]!

    value(await invoke('vkChat.open'))
    await waitFor(() => events.some((e) => e.name === 'vkChat.status' && (e.payload as { transport: string }).transport === 'live'), 'live chat')
    await h.control('/vk/chat', { channel_url: LIVE, user: { nick: '<img src=x onerror=alert(1)>' }, parts: [{ text: { content: '<script>alert(1)</script>' } }] })
    value(await invoke('vkChat.send', { clientId: 'm1', parts: [{ kind: 'text', text: 'hello from ipc' }] }))
    const lines = () => events.filter((e) => e.name === 'vkChat.batch').flatMap((e) => (e.payload as VkChatBatch).lines) as VkChatMessageView[]
    await waitFor(() => lines().some((l) => l.parts.some((p) => p.kind === 'text' && p.text === 'hello from ipc')), 'the echo')
    // Platform text stays text: the payload is carried verbatim, for the renderer to show as text.
    expect(lines().find((l) => l.author.nick.startsWith('<img'))?.parts[0]).toEqual({ kind: 'text', text: '<script>alert(1)</script>' })
    expect(events.filter((e) => e.name === 'vkChat.sendState').map((e) => (e.payload as { state: string }).state)).toEqual(['sending', 'sent'])

    const tokens = (await h.app.services.vault.get('vk'))!
    const out = value<{ revoked: boolean }>(await invoke('vk.disconnect'))
    expect(out.revoked).toBe(true)
    await waitFor(() => events.some((e) => e.name === 'vkChat.status' && (e.payload as { transport: string }).transport === 'idle'), 'chat closed')
    expect((await invoke('sensitive.reveal', { ref })).ok).toBe(false)

    // Nothing the renderer received holds a token, the secret or the stream key.
    const crossed = JSON.stringify([events, results])
    expect(crossed).not.toContain(tokens.accessToken)
    expect(crossed).not.toContain(tokens.refreshToken)
    expect(crossed).not.toContain(key)
    expect(crossed).not.toContain('sandbox-vk-client-secret-0001')
    expect(crossed).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}/)
    expect(h.logLines.join('\n')).not.toContain(key)
  })

  it('validates input; errors carry a stable code + platformCode', async () => {
    const { h, invoke } = await start()
    expect(await invoke('vk.editStream', { title: '', categoryId: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await invoke('vkChat.send', { clientId: 'bad id!', parts: [] })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await invoke('vkChat.send', { clientId: 'x', parts: [{ kind: 'link', url: 'javascript:alert(1)' }] })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await invoke('vk.getChannel')).toMatchObject({ ok: false, error: { code: 'not_connected' } })
    h.consent = { user: USERS.quietOwner }
    value(await invoke('vk.connect'))
    value(await invoke('vkChat.open'))
    expect(await invoke('vkChat.send', { clientId: 'x', parts: [{ kind: 'text', text: 'hi' }] })).toMatchObject({
      ok: false,
      error: { code: 'platform', platformCode: 'not_live' }
    })
  })

  it('at start-up a stored sign-in is checked with GET /v1/token; a dead one shows "Reconnect VK"', async () => {
    const { h, invoke } = await start()
    value(await invoke('vk.connect'))
    const restart = async () => {
      const paths: string[] = []
      const app = await createNodeMainApp({
        dataDir: h.app.dataDir,
        endpoints: h.app.services.endpoints,
        logger: h.app.services.logger,
        clock: h.clock,
        fetch: (input, init) => (paths.push(new URL(String(input)).pathname), fetch(input, init))
      })
      return { app, paths }
    }
    const first = await restart()
    await waitFor(() => first.paths.includes('/v1/token'), 'the start-up check')
    expect((await first.app.vk.account.view()).state).toBe('connected')
    await first.app.dispose()
    // Both tokens die at VK (signed out elsewhere): the check's refresh fails → reconnect, not a crash or a loop.
    const record = (await h.app.services.vault.get('vk'))!
    const basic = `Basic ${Buffer.from('livedeck-sandbox:sandbox-vk-client-secret-0001').toString('base64')}`
    for (const token of [record.accessToken, record.refreshToken!]) {
      await fetch(h.app.services.endpoints.vk.revokeUrl, { method: 'POST', headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' }, body: `token=${token}` })
    }
    const second = await restart()
    await waitFor(async () => (await second.app.vk.account.view()).state === 'needsReconnect', 'the reconnect state')
    expect(second.paths.filter((p) => p === '/oauth/server/token')).toHaveLength(1)
    await second.app.dispose()
  })
})
