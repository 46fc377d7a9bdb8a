import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { I18nextProvider } from 'react-i18next'
import { afterEach, describe, expect, it } from 'vitest'
import type { VkChatLine } from '../../../../shared/ipc/domain'
import { createI18n } from '../../i18n/setup'
import { createVkFake, vkAuthor, vkMessage } from '../../testing/vk-fake'
import { ChatLine } from './ChatLine'
import { LinkConfirm } from './LinkConfirm'

afterEach(cleanup)

const XSS_NICK = '<img src=x onerror="globalThis.__xss=1">'
const XSS_TEXT = '<script>globalThis.__xss=2</script><b>bold</b>'

function renderLine(line: VkChatLine, onLink: (url: string) => void = () => {}) {
  return render(
    <I18nextProvider i18n={createI18n()}>
      <ChatLine line={line} onLink={onLink} />
    </I18nextProvider>
  )
}

describe('chat line rendering', () => {
  it('shows markup from VK literally: no element, no script, no handler', () => {
    const line = vkMessage(1, XSS_TEXT, {
      author: vkAuthor(1, { nick: XSS_NICK }),
      parts: [
        { kind: 'text', text: XSS_TEXT },
        { kind: 'mention', userId: 9, nick: '<i>m</i>', mine: false },
        { kind: 'smile', id: 's', name: '"><svg onload=1>', imageUrl: 'https://evil.invalid/x.png', animated: false },
        { kind: 'link', text: '<u>link</u>', url: 'javascript:alert(1)' }
      ]
    })
    const { container } = renderLine(line)
    expect(container.textContent).toContain(XSS_NICK)
    expect(container.textContent).toContain(XSS_TEXT)
    expect(container.textContent).toContain('@<i>m</i>')
    expect(container.textContent).toContain('<u>link</u>')
    expect(container.querySelectorAll('script, b, i, u, svg, img[src="x"]')).toHaveLength(0)
    // A smile URL that did not come through the image protocol is never loaded.
    expect(container.querySelector('img[src^="https:"]')).toBeNull()
    expect(screen.getByRole('img', { name: ':"><svg onload=1>:' })).toBeTruthy()
    expect((globalThis as { __xss?: number }).__xss).toBeUndefined()
  })

  it('renders smiles at a fixed size with alt text, through the image protocol', () => {
    const { container } = renderLine(vkMessage(2, '', { parts: [{ kind: 'smile', id: 's1', name: 'kekw', imageUrl: 'livedeck-img://img/eA', animated: false }] }))
    const img = container.querySelector('img')!
    expect(img.getAttribute('alt')).toBe(':kekw:')
    expect([img.getAttribute('width'), img.getAttribute('height')]).toEqual(['24', '24'])
  })

  it('marks my mentions, owner/moderator/bot authors, deleted messages and the nick colour', () => {
    const line = vkMessage(3, '', {
      author: vkAuthor(3, { isOwner: true, isModerator: true, isBot: true, nickColor: 7, roles: [{ id: 'r', name: 'VIP', achievement: '', imageUrl: null }] }),
      parts: [{ kind: 'mention', userId: 1, nick: 'me', mine: true }],
      mentionsMe: true,
      deleted: true
    })
    const { container } = renderLine(line)
    const row = container.querySelector('.vk-message')!
    expect(row.className).toContain('vk-deleted')
    expect(row.className).toContain('vk-bot')
    expect(row.className).toContain('vk-mentions-me')
    expect(container.querySelector('.vk-mention-mine')?.textContent).toBe('@me')
    expect(screen.getByText('Owner')).toBeTruthy()
    expect(screen.getByText('Mod')).toBeTruthy()
    expect(screen.getByText('Bot')).toBeTruthy()
    expect(screen.getByText('VIP')).toBeTruthy()
    expect(screen.getByText('(deleted)')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'viewer3' }).style.color).toBe('rgb(32, 187, 161)')
  })

  it('shows follows, raids and subscriptions as system lines, nick as text', () => {
    renderLine({ kind: 'system', key: 's1', event: 'raid', createdAt: 0, nick: '<b>raider</b>', nickColor: 1, raiders: 42 })
    expect(screen.getByText('<b>raider</b> is raiding with 42 viewers')).toBeTruthy()
  })

  it('a link opens only after confirmation, through shell.openExternal, and never for non-http(s)', () => {
    const fake = createVkFake({ 'shell.openExternal': () => null })
    fake.install()
    let asked: string | null = null
    renderLine(vkMessage(4, '', { parts: [{ kind: 'link', text: 'docs', url: 'https://vk.com/docs' }] }), (url) => (asked = url))
    fireEvent.click(screen.getByRole('button', { name: 'docs' }))
    expect(asked).toBe('https://vk.com/docs')
    expect(fake.calls).toEqual([])

    const closed: string[] = []
    const i18n = createI18n()
    const { unmount } = render(
      <I18nextProvider i18n={i18n}>
        <LinkConfirm url={asked!} onClose={() => closed.push('x')} />
      </I18nextProvider>
    )
    fireEvent.click(screen.getByRole('button', { name: 'Open in browser' }))
    expect(fake.calls).toEqual([{ channel: 'shell.openExternal', input: { url: 'https://vk.com/docs' } }])
    unmount()

    render(
      <I18nextProvider i18n={i18n}>
        <LinkConfirm url="javascript:alert(1)" onClose={() => {}} />
      </I18nextProvider>
    )
    expect(screen.queryByRole('button', { name: 'Open in browser' })).toBeNull()
    expect(screen.getByText('Only web links (http or https) can be opened.')).toBeTruthy()
  })
})
