import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react'
import { I18nextProvider } from 'react-i18next'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { VkChatSend, VkChatStatus, VkMemberView, VkSendState } from '../../../../shared/ipc/domain'
import { createI18n } from '../../i18n/setup'
import { createVkFake, type VkHandlers } from '../../testing/vk-fake'
import { useVkChat } from './chat-store'
import { ChatInput } from './ChatInput'

const live: VkChatStatus = { channelUrl: 'live_channel', transport: 'live', streamId: 'stream-1', canModerate: true }
const members: VkMemberView[] = [
  { id: 1000003, nick: 'mod_masha', nickColor: 6, avatarUrl: null, isOwner: false, isModerator: true },
  { id: 1000004, nick: 'sub_sasha', nickColor: 9, avatarUrl: null, isOwner: false, isModerator: false }
]

beforeEach(() => useVkChat.setState({ lines: [], received: 0, status: live, outbox: [] }))
afterEach(cleanup)

function renderInput(handlers: VkHandlers) {
  const fake = createVkFake(handlers)
  fake.install()
  render(
    <I18nextProvider i18n={createI18n()}>
      <ChatInput members={members} onNeedMembers={() => {}} />
    </I18nextProvider>
  )
  return fake
}

const box = () => screen.getByRole('textbox', { name: 'Message' })
function type(text: string): void {
  fireEvent.change(box(), { target: { value: text } })
}
const outbox = () => screen.getByRole('list', { name: 'Your messages' })

describe('chat input', () => {
  it('is disabled with "Chat opens when you go live" when there is no live stream', () => {
    useVkChat.setState({ status: { ...live, streamId: null } })
    renderInput({})
    expect(box()).toHaveProperty('disabled', true)
    expect(screen.getByRole('status').textContent).toBe('Chat opens when you go live')
    expect(screen.getByRole('button', { name: 'Send' })).toHaveProperty('disabled', true)
  })

  it('completes @mentions from members and sends them as mention parts; the message shows sending → sent', async () => {
    let sent: VkChatSend | null = null
    let finish: (s: VkSendState) => void = () => {}
    renderInput({
      'vkChat.send': (message) => {
        sent = message
        return new Promise<VkSendState>((resolve) => (finish = resolve))
      }
    })
    type('hi @mo')
    fireEvent.click(within(screen.getByRole('listbox', { name: 'Mention someone' })).getByRole('option', { name: '@mod_masha' }))
    expect(box()).toHaveProperty('value', 'hi @mod_masha ')
    type('hi @mod_masha welcome')
    fireEvent.click(screen.getByRole('button', { name: 'Send' }))

    await within(outbox()).findByText('sending…')
    expect(box()).toHaveProperty('value', '')
    expect(sent!.parts).toEqual([
      { kind: 'text', text: 'hi ' },
      { kind: 'mention', userId: 1000003 },
      { kind: 'text', text: ' welcome' }
    ])
    act(() => finish({ clientId: sent!.clientId, state: 'sent' }))
    await within(outbox()).findByText('sent')
  })

  it.each([
    ['same_message', 'You already sent this message. Write something different.'],
    ['message_too_long', 'The message is too long for VK.'],
    ['forbidden', 'VK does not allow this for your account here (for example, the chat settings do not let you write).']
  ])('a %s refusal says why in words', async (code, words) => {
    renderInput({ 'vkChat.send': () => ({ code: 'platform', message: 'refused', platformCode: code }) })
    type('hello')
    fireEvent.click(screen.getByRole('button', { name: 'Send' }))
    await within(outbox()).findByText(`failed: ${words}`)
  })

  it('send_too_fast starts a cooldown: the button counts down and sending is blocked until it ends', async () => {
    renderInput({})
    type('again')
    act(() => {
      useVkChat.getState().queue('c1', 'again')
      useVkChat.getState().sendState({
        clientId: 'c1',
        state: 'failed',
        error: { code: 'platform', message: 'too fast', platformCode: 'send_too_fast' },
        retryAt: Date.now() + 1_500
      })
    })
    const wait = await screen.findByRole('button', { name: /^Wait \d s$/ })
    expect(wait).toHaveProperty('disabled', true)
    expect(within(outbox()).getByText('failed: You are sending messages too fast. Wait a moment.')).toBeTruthy()
    expect(await screen.findByRole('button', { name: 'Send' }, { timeout: 5_000 })).toHaveProperty('disabled', false)
  })
})
