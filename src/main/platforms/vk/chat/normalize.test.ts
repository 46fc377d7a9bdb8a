/** VK chat data → view: defensive parsing (reference §11) and the marks the UI shows. */
import { describe, expect, it } from 'vitest'
import { ELECTRON_IMAGE_BASE, imageUrlOf } from '../../../services/images/image-url'
import { messageView, systemLine } from './normalize'

const img = imageUrlOf(ELECTRON_IMAGE_BASE)

const NOW = 1_790_000_000_000
const author = { id: 7, nick: 'n', nick_color: 3, avatar_url: '', is_owner: false, is_moderator: false, badges: [], roles: [] }

describe('messageView', () => {
  it('maps the documented shape (TWIR-like publication) and marks mentions of me', () => {
    const view = messageView(
      {
        id: 627867254,
        created_at: 1785110751,
        is_private: false,
        author: { ...author, badges: [{ id: 'b', name: '', achievement_name: 'subscription_01', small_url: 'https://i/s.png', medium_url: 'https://i/m.png', large_url: '' }] },
        parts: [{ mention: { id: 42, nick: 'me' } }, { text: { content: ' hi' } }, { link: { content: '', url: 'https://x.test/' } }],
        unknown_field: { ignored: true }
      },
      42,
      NOW,
      img
    )
    expect(view).toMatchObject({ key: 'm627867254', id: 627867254, createdAt: 1785110751000, mentionsMe: true, deleted: false })
    expect(view!.author).toMatchObject({ isSubscriber: true, isBot: false, isOwner: false, avatarUrl: null })
    expect(view!.author.badges[0]!.imageUrl).toMatch(/^livedeck-img:\/\/img\//)
    // A link without display text shows its URL.
    expect(view!.parts[2]).toEqual({ kind: 'link', text: 'https://x.test/', url: 'https://x.test/' })
  })

  it('tolerates missing optionals, ms timestamps, string ids and out-of-range colours', () => {
    const view = messageView({ id: '15', created_at: 1785110751000, author: { id: '9', nick: 'x', nick_color: 17 }, parts: [{ smile: { id: 5, name: 'wave' } }, {}] }, null, NOW, img)
    expect(view).toMatchObject({ id: 15, createdAt: 1785110751000, isPrivate: false, author: { id: 9, nickColor: 1, badges: [], roles: [] } })
    expect(view!.parts).toEqual([{ kind: 'smile', id: '5', name: 'wave', imageUrl: null, animated: false }])
    expect(messageView({ id: 1, author }, null, NOW, img)!.createdAt).toBe(NOW)
  })

  it('marks the platform bot and the owner badge; rejects what is not a message', () => {
    const bot = messageView({ id: 1, author: { ...author, badges: [{ id: 'b', name: '', achievement_name: 'internal_chatbot', small_url: '', medium_url: '', large_url: '' }] }, parts: [] }, null, NOW, img)
    expect(bot!.author.isBot).toBe(true)
    const owner = messageView({ id: 2, author: { ...author, badges: [{ id: 'o', name: '', achievement_name: 'owner', small_url: '', medium_url: '', large_url: '' }] }, parts: [] }, null, NOW, img)
    expect(owner!.author.isOwner).toBe(true)
    expect(messageView({ id: 'abc', author }, null, NOW, img)).toBeNull()
    expect(messageView({ text: 'hi' }, null, NOW, img)).toBeNull()
    // Only http(s) images go through the image protocol.
    expect(messageView({ id: 3, author: { ...author, avatar_url: 'javascript:alert(1)' } }, null, NOW, img)!.author.avatarUrl).toBeNull()
  })
})

describe('systemLine', () => {
  it('follow, raid and subscription (MOBLIN shapes); others are not system lines', () => {
    expect(systemLine('channel_follow_create', { follow: { follower: { id: 1, nick: 'f', nick_color: 2 } } }, NOW, 0)).toMatchObject({ event: 'follow', nick: 'f', nickColor: 2 })
    expect(systemLine('channel_raid_income', { raid: { source: { owner: { id: 1, nick: 'r', nick_color: 0 } }, raiders_count: 12 } }, NOW, 1)).toMatchObject({ event: 'raid', raiders: 12 })
    expect(systemLine('channel_subscription_create', { subscription: { subscriber: { nick: 's', nick_color: 1 }, level: { name: 'Gold' } } }, NOW, 2)).toMatchObject({ event: 'subscription', level: 'Gold' })
    expect(systemLine('channel_points_reward_demand_create', {}, NOW, 3)).toBeNull()
    expect(systemLine('channel_follow_create', { follow: {} }, NOW, 4)).toBeNull()
  })
})
