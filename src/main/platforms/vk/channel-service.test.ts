/** Channel view, category search, stream edit and RTMP credentials against the sandbox. */
import { afterEach, describe, expect, it } from 'vitest'
import { isAppError } from '../../errors'
import { startHarness, USERS, type Harness } from './test-support/sandbox-harness'
import { vkServicesFor } from './test-support/services'

let h: Harness | undefined
afterEach(async () => {
  await h?.stop()
  h = undefined
})

const errorOf = async (p: Promise<unknown>) => {
  try {
    await p
  } catch (e) {
    if (isAppError(e)) return { code: e.code, platformCode: e.platformCode }
    throw e
  }
  throw new Error('expected a rejection')
}

async function connected(user: number = USERS.owner, options: Parameters<typeof startHarness>[0] = {}) {
  h = await startHarness(options)
  h.consent = { user }
  const vk = vkServicesFor(h)
  await vk.account.connect()
  return { h, ...vk }
}

describe('VK channel', () => {
  it('shows the live channel: avatar, nick, status, subscribers, current stream', async () => {
    const { channel } = await connected()
    const view = await channel.getChannel()
    expect(view).toMatchObject({ url: 'live_channel', nick: 'streamer_live', status: 'online', subscribers: 1520, isLive: true })
    expect(view.avatarUrl).toMatch(/^\/livedeck-img\/img\//)
    expect(view.stream).toMatchObject({ isLive: true, category: { type: expect.any(String) as string } })
    expect(view.stream!.viewers).toBeGreaterThan(0)
    expect(view.stream!.startedAt! % 1000).toBe(0)
    expect(Math.abs(view.stream!.startedAt! - Date.now())).toBeLessThan(366 * 24 * 3600 * 1000)
  })

  it('an offline channel has no live stream; an account without a channel gets a clear error', async () => {
    const { channel, h, account } = await connected(USERS.quietOwner)
    const view = await channel.getChannel()
    expect(view).toMatchObject({ url: 'quiet_channel', isLive: false, status: 'offline' })
    expect(view.stream?.isLive ?? false).toBe(false)
    h.consent = { user: USERS.viewer }
    await account.connect()
    expect(await errorOf(channel.getChannel())).toMatchObject({ code: 'not_found', platformCode: 'no_channel' })
  })

  it('searches categories of both types and maps covers to the image protocol', async () => {
    const { channel } = await connected()
    const found = await channel.searchCategories('a')
    expect(found.map((c) => c.type).sort()).toContain('game')
    expect(found.map((c) => c.type)).toContain('irl')
    expect(found.every((c) => c.coverUrl?.startsWith('/livedeck-img/img/'))).toBe(true)
    expect((await channel.searchCategories('dota', 'game')).map((c) => c.title)).toEqual(['Dota 2'])
    expect(await channel.searchCategories('   ')).toEqual([])
  })

  it('edits title, category and planned time (unix seconds) and reads them back', async () => {
    const { channel, h } = await connected()
    const [dota] = await channel.searchCategories('dota', 'game')
    const plannedAt = Date.UTC(2030, 0, 2, 18, 30)
    const view = await channel.editStream({ title: 'New title ✨', categoryId: dota!.id, plannedAt })
    expect(view.stream).toMatchObject({ title: 'New title ✨', category: { id: dota!.id, title: 'Dota 2' } })
    const edit = h.requests.find((r) => r.path === '/v1/channel/stream/edit')!
    expect(JSON.parse(edit.body)).toMatchObject({ stream: { title: 'New title ✨', planned_at: plannedAt / 1000, category: { id: dota!.id } } })
  })

  it('a non-owner cannot edit: forbidden from VK, mapped', async () => {
    const { channel, h } = await connected(USERS.moderator)
    // The moderator has no own channel: the service says so before asking VK.
    expect(await errorOf(channel.editStream({ title: 't', categoryId: 'x' }))).toMatchObject({ code: 'not_found' })
    expect(h.requests.some((r) => r.path === '/v1/channel/stream/edit')).toBe(false)
  })

  it('missing scope → invalid_scope platform error', async () => {
    const { channel } = await connected(USERS.owner, { scopes: ['chat:message:send'] })
    const [cs] = await channel.searchCategories('counter', 'game')
    expect(await errorOf(channel.editStream({ title: 't', categoryId: cs!.id }))).toMatchObject({ code: 'platform', platformCode: 'invalid_scope' })
    expect(await errorOf(channel.getCredentials())).toMatchObject({ code: 'platform', platformCode: 'invalid_scope' })
  })

  it('RTMP credentials are a sensitive ref: copy server / key / whole; never logged', async () => {
    const { channel, h } = await connected()
    const { ref } = await channel.getCredentials()
    expect(ref).toMatch(/^vkrtmp:/)
    const sensitive = h.app.services.sensitive
    await sensitive.copy(ref, 'server')
    await sensitive.copy(ref, 'key')
    await sensitive.copy(ref, 'whole')
    const [server, key, whole] = h.copied
    expect(server).toMatch(/^rtmp:\/\/127\.0\.0\.1:\d+\/vk$/)
    expect(key!.length).toBeGreaterThan(8)
    expect(whole).toBe(`${server}/${key}`)
    expect(h.logLines.join('\n')).not.toContain(key)
    // A second read replaces the ref; the old one is gone.
    const again = await channel.getCredentials()
    expect(() => sensitive.reveal(ref)).toThrow()
    expect(sensitive.reveal(again.ref)).toBe(whole)
  })
})
