import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { I18nextProvider } from 'react-i18next'
import { afterEach, describe, expect, it } from 'vitest'
import type { VkChatSettingsView } from '../../../../shared/ipc/domain'
import { createI18n } from '../../i18n/setup'
import { createVkFake, type VkHandlers } from '../../testing/vk-fake'
import { ChatSettingsPanel } from './ChatSettingsPanel'

const settings: VkChatSettingsView = {
  allowAccess: 'any',
  allowAccessAfter: 0,
  anyMessageTimeout: 0,
  sameMessageTimeout: 30,
  followAlert: true,
  subscriptionAlert: true,
  mode: 'general',
  capsProhibited: false,
  linksProhibited: false,
  ruEnNumbersOnly: false
}

afterEach(cleanup)

function renderPanel(handlers: VkHandlers) {
  const fake = createVkFake({ 'vkChat.getSettings': () => settings, ...handlers })
  fake.install()
  render(
    <I18nextProvider i18n={createI18n()}>
      <ChatSettingsPanel onClose={() => {}} />
    </I18nextProvider>
  )
  return fake
}

describe('chat settings panel', () => {
  it('edits every documented field and saves them as one object', async () => {
    let saved: VkChatSettingsView | null = null
    renderPanel({ 'vkChat.editSettings': (s) => (saved = s) })
    fireEvent.change(await screen.findByLabelText('Who can write'), { target: { value: 'subscribers' } })
    fireEvent.change(screen.getByLabelText('Chat mode'), { target: { value: 'only_smiles' } })
    fireEvent.change(screen.getByLabelText('Followers can write after (seconds following)'), { target: { value: '600' } })
    fireEvent.change(screen.getByLabelText('Slow mode: seconds between messages'), { target: { value: '5' } })
    fireEvent.change(screen.getByLabelText('Seconds before the same message may be repeated'), { target: { value: '999999' } })
    for (const label of ['Show follows in the chat', 'Show subscriptions in the chat', 'Forbid messages in capitals', 'Forbid links', 'Only Russian and English letters and numbers']) {
      fireEvent.click(screen.getByLabelText(label))
    }
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    await screen.findByText('Saved')
    expect(saved).toEqual({
      allowAccess: 'subscribers',
      allowAccessAfter: 600,
      anyMessageTimeout: 5,
      // Clamped to the documented maximum (one day).
      sameMessageTimeout: 86_400,
      followAlert: false,
      subscriptionAlert: false,
      mode: 'only_smiles',
      capsProhibited: true,
      linksProhibited: true,
      ruEnNumbersOnly: true
    })
  })

  it('a refusal is shown in words and the edits stay', async () => {
    renderPanel({ 'vkChat.editSettings': () => ({ code: 'platform', message: 'no', platformCode: 'forbidden' }) })
    fireEvent.click(await screen.findByLabelText('Forbid links'))
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    await screen.findByText('VK does not allow this for your account here (for example, the chat settings do not let you write).')
    expect(screen.getByLabelText('Forbid links')).toHaveProperty('checked', true)
  })
})
