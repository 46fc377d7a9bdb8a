/**
 * The virtualized chat list in jsdom, with just enough layout faked (jsdom has none): the list is
 * 200 px tall, every row 20 px, and scrolling moves `scrollTop` and fires `scroll` like a browser.
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { I18nextProvider } from 'react-i18next'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createI18n } from '../../i18n/setup'
import { vkMessage } from '../../testing/vk-fake'
import { useVkChat } from './chat-store'
import { ChatList } from './ChatList'

const LIST_PX = 200
const ROW_PX = 20
const tops = new WeakMap<Element, number>()
const isList = (el: Element): boolean => el.getAttribute('data-testid') === 'vk-chat-list'
const contentHeight = (el: Element): number => parseFloat((el.firstElementChild as HTMLElement | null)?.style.height ?? '0') || 0
const maxTop = (el: Element): number => Math.max(0, contentHeight(el) - LIST_PX)
const saved: [string, PropertyDescriptor | undefined][] = []

function stub(name: string, descriptor: PropertyDescriptor): void {
  saved.push([name, Object.getOwnPropertyDescriptor(HTMLElement.prototype, name)])
  Object.defineProperty(HTMLElement.prototype, name, { configurable: true, ...descriptor })
}

beforeAll(() => {
  stub('clientHeight', { get(this: Element) { return isList(this) ? LIST_PX : 0 } })
  stub('clientWidth', { get(this: Element) { return isList(this) ? 400 : 0 } })
  stub('offsetHeight', { get(this: Element) { return this.hasAttribute('data-index') ? ROW_PX : 0 } })
  stub('scrollHeight', { get(this: Element) { return isList(this) ? Math.max(LIST_PX, contentHeight(this)) : 0 } })
  stub('scrollTop', {
    get(this: Element) { return tops.get(this) ?? 0 },
    set(this: Element, v: number) { tops.set(this, Math.min(Math.max(0, v), maxTop(this))) }
  })
  stub('scrollTo', {
    value(this: HTMLElement, opts: { top?: number }) {
      if (opts.top === undefined) return
      this.scrollTop = opts.top
      this.dispatchEvent(new Event('scroll'))
    }
  })
})
afterAll(() => {
  for (const [name, d] of saved.reverse()) {
    if (d) Object.defineProperty(HTMLElement.prototype, name, d)
    else delete (HTMLElement.prototype as unknown as Record<string, unknown>)[name]
  }
})
beforeEach(() => useVkChat.setState({ lines: [], received: 0, status: null, outbox: [] }))
afterEach(cleanup)

function push(from: number, count: number): void {
  act(() => useVkChat.getState().applyBatch({ lines: Array.from({ length: count }, (_, i) => vkMessage(from + i, `message ${from + i}`)), deleted: [], reset: false }))
}

function renderList() {
  const view = render(
    <I18nextProvider i18n={createI18n()}>
      <ChatList onLink={() => {}} onAuthor={() => {}} />
    </I18nextProvider>
  )
  return { ...view, list: screen.getByTestId('vk-chat-list') }
}

const rows = (list: HTMLElement) => list.querySelectorAll('[data-index]')

function userScrollsTo(list: HTMLElement, top: number): void {
  list.scrollTop = top
  fireEvent.scroll(list)
}

describe('chat list', () => {
  it('renders only the rows in view, and stays at the bottom as lines arrive', async () => {
    const { list } = renderList()
    push(0, 300)
    await waitFor(() => expect([list.scrollTop, maxTop(list)]).toEqual([maxTop(list), maxTop(list)]))
    await waitFor(() => expect(list.textContent).toContain('message 299'))
    expect(list.textContent).not.toContain('message 0 ')
    // 10 visible rows plus overscan, never the whole 300.
    expect(rows(list).length).toBeGreaterThan(5)
    expect(rows(list).length).toBeLessThanOrEqual(30)
    push(300, 5)
    await waitFor(() => expect([list.scrollTop, maxTop(list)]).toEqual([maxTop(list), maxTop(list)]))
    await waitFor(() => expect(list.textContent).toContain('message 304'))
  })

  it('scrolled up, it pauses: the view holds still and "N new messages" counts arrivals; the button returns to the bottom', async () => {
    const { list } = renderList()
    // A full buffer: new lines push the oldest out, which would shift a list that did not hold still.
    push(0, 1000)
    userScrollsTo(list, 600)
    const shown = list.textContent
    expect(screen.getByRole('button', { name: 'Back to the latest ↓' })).toBeTruthy()

    push(1000, 7)
    // Give a following list every chance to move (its scrolling settles over animation frames).
    for (let i = 0; i < 5; i++) await act(() => new Promise<void>((r) => requestAnimationFrame(() => r())))
    expect(list.scrollTop).toBe(600)
    expect(list.textContent).toBe(shown)
    expect(list.textContent).toContain('message 30')
    expect(list.textContent).not.toContain('message 1006')
    fireEvent.click(screen.getByRole('button', { name: 'New messages: 7 ↓' }))

    await waitFor(() => expect([list.scrollTop, maxTop(list)]).toEqual([maxTop(list), maxTop(list)]))
    await waitFor(() => expect(list.textContent).toContain('message 1006'))
    expect(screen.queryByRole('button', { name: /New messages/ })).toBeNull()
    push(1007, 1)
    await waitFor(() => expect([list.scrollTop, maxTop(list)]).toEqual([maxTop(list), maxTop(list)]))
    await waitFor(() => expect(list.textContent).toContain('message 1007'))
  })

  it('scrolling back down to the end resumes following', async () => {
    const { list } = renderList()
    push(0, 50)
    userScrollsTo(list, 100)
    push(50, 3)
    expect(screen.getByRole('button', { name: 'New messages: 3 ↓' })).toBeTruthy()
    userScrollsTo(list, maxTop(list))
    expect(screen.queryByRole('button', { name: /New messages/ })).toBeNull()
    push(53, 2)
    await waitFor(() => expect([list.scrollTop, maxTop(list)]).toEqual([maxTop(list), maxTop(list)]))
    await waitFor(() => expect(list.textContent).toContain('message 54'))
  })

  it('keeps at most 1000 lines however many arrive', () => {
    renderList()
    for (let i = 0; i < 12; i++) push(i * 100, 100)
    const { lines, received } = useVkChat.getState()
    expect(lines).toHaveLength(1000)
    expect(received).toBe(1200)
  })
})
