import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { I18nextProvider } from 'react-i18next'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { VkChannelView, VkStreamEdit } from '../../../../shared/ipc/domain'
import { createI18n } from '../../i18n/setup'
import { createVkFake } from '../../testing/vk-fake'
import { useVkChannel } from '../channel/channel-store'
import { emptyDraft, useStreamDraft } from './draft-store'
import { fromLocalInput } from './planned-time'
import { StreamForm } from './StreamForm'

const channel: VkChannelView = {
  id: 1,
  url: 'live_channel',
  nick: 'streamer_live',
  nickColor: 7,
  avatarUrl: null,
  status: 'online',
  subscribers: 10,
  isLive: true,
  stream: {
    id: 's1',
    title: 'Old title',
    category: { id: 'cat-dota', title: 'Dota 2', type: 'game', coverUrl: null, viewers: null },
    viewers: 3,
    startedAt: null,
    plannedAt: null,
    isLive: true,
    slotUrl: null
  }
}

beforeEach(() => {
  useVkChannel.setState({ channel, error: null })
  useStreamDraft.setState({ channelUrl: null, draft: emptyDraft })
})
afterEach(cleanup)

const renderForm = () =>
  render(
    <I18nextProvider i18n={createI18n()}>
      <StreamForm />
    </I18nextProvider>
  )

describe('stream settings form', () => {
  it('a refused save shows VK’s reason and keeps every typed value, also across a channel refresh and a remount', async () => {
    const fake = createVkFake({ 'vk.editStream': () => ({ code: 'platform', message: 'VK rejected a parameter', platformCode: 'invalid_param' }) })
    fake.install()
    const view = renderForm()
    expect(screen.getByLabelText('Stream title')).toHaveProperty('value', 'Old title')

    fireEvent.change(screen.getByLabelText('Stream title'), { target: { value: 'My new title' } })
    fireEvent.change(screen.getByLabelText('Planned start'), { target: { value: '2026-05-01T20:15' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    await screen.findByText('Not saved: VK rejected one of the values.')

    // Main's periodic refresh brings the old title back: the form must not take it.
    act(() => useVkChannel.setState({ channel: { ...channel, subscribers: 11 } }))
    expect(screen.getByLabelText('Stream title')).toHaveProperty('value', 'My new title')
    view.unmount()
    renderForm()
    expect(screen.getByLabelText('Stream title')).toHaveProperty('value', 'My new title')
    expect(screen.getByLabelText('Planned start')).toHaveProperty('value', '2026-05-01T20:15')
  })

  it('saves title, category and the planned local time as epoch ms; "Saved" and the new channel view', async () => {
    let saved: VkStreamEdit | null = null
    const fake = createVkFake({
      'vk.searchCategories': ({ query }) =>
        query.toLowerCase().startsWith('ch') ? [{ id: 'cat-chat', title: 'Just Chatting', type: 'irl', coverUrl: 'livedeck-img://img/Yw', viewers: 5 }] : [],
      'vk.editStream': (edit) => {
        saved = edit
        return { ...channel, stream: { ...channel.stream!, title: edit.title } }
      }
    })
    fake.install()
    renderForm()
    fireEvent.change(screen.getByLabelText('Stream title'), { target: { value: 'Talk show' } })
    fireEvent.change(screen.getByRole('combobox', { name: 'Category' }), { target: { value: 'Ch' } })
    fireEvent.click(await screen.findByRole('option', { name: /Just Chatting/ }))
    expect(screen.getByText('Selected: Just Chatting')).toBeTruthy()
    fireEvent.change(screen.getByLabelText('Planned start'), { target: { value: '2026-05-01T20:15' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))

    await screen.findByText('Saved')
    expect(saved).toEqual({ title: 'Talk show', categoryId: 'cat-chat', plannedAt: fromLocalInput('2026-05-01T20:15') })
    await waitFor(() => expect(useVkChannel.getState().channel?.stream?.title).toBe('Talk show'))
  })
})
