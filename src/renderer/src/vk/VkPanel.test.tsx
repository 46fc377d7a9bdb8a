import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { I18nextProvider } from 'react-i18next'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { VkAccountView } from '../../../shared/ipc/domain'
import { createI18n } from '../i18n/setup'
import { createVkFake, type VkHandlers } from '../testing/vk-fake'
import { useVkAccount } from './account/account-store'
import { VkPanel } from './VkPanel'

const disconnected: VkAccountView = { state: 'disconnected', flow: null, user: null, channelUrl: null, expiresAt: null }
const user = { id: 1000002, nick: 'streamer_quiet', nickColor: 3, avatarUrl: null, isStreamer: true }
// Signed in but without a channel, so the panel shows the account alone.
const connected: VkAccountView = { state: 'connected', flow: 'implicit', user, channelUrl: null, expiresAt: 2_000_000_000_000 }

beforeEach(() => useVkAccount.setState({ account: null, connecting: false, connectError: null, signedOut: null }))
afterEach(cleanup)

function renderPanel(handlers: VkHandlers) {
  const fake = createVkFake(handlers)
  fake.install()
  render(
    <I18nextProvider i18n={createI18n()}>
      <VkPanel />
    </I18nextProvider>
  )
  return fake
}

describe('VK panel account', () => {
  it('connects: "Connect VK" → waiting → connected with the nick; the slot says so', async () => {
    let finish: (v: VkAccountView) => void = () => {}
    renderPanel({ 'vk.getAccount': () => disconnected, 'vk.connect': () => new Promise<VkAccountView>((r) => (finish = r)) })
    expect(screen.getByTestId('slot-vk').textContent).toContain('Not connected')
    fireEvent.click(await screen.findByRole('button', { name: 'Connect VK' }))
    await screen.findByText('Waiting for you to sign in to VK in the browser window…')
    expect(screen.getByRole('button', { name: 'Connect VK' })).toHaveProperty('disabled', true)
    act(() => finish(connected))
    await screen.findByText('streamer_quiet')
    expect(screen.getByText('Connected')).toBeTruthy()
    expect(screen.getByText('This account has no channel yet.')).toBeTruthy()
  })

  it('a closed sign-in window is reported as cancelled, and connect is offered again', async () => {
    renderPanel({ 'vk.getAccount': () => disconnected, 'vk.connect': () => ({ code: 'cancelled', message: 'closed' }) })
    fireEvent.click(await screen.findByRole('button', { name: 'Connect VK' }))
    await screen.findByText('Sign-in was cancelled: the VK window was closed before you finished.')
    expect(screen.getByRole('button', { name: 'Connect VK' })).toHaveProperty('disabled', false)
  })

  it('a lost sign-in (event from main) shows "Reconnect VK", never a silent logout', async () => {
    const fake = renderPanel({ 'vk.getAccount': () => ({ ...connected, flow: 'code' }) })
    await screen.findByText('streamer_quiet')
    act(() => fake.emit('vk.account', { ...connected, flow: 'code', state: 'needsReconnect' }))
    await screen.findByRole('button', { name: 'Reconnect VK' })
    expect(screen.getByText('VK no longer accepts this sign-in. Reconnect VK to continue.')).toBeTruthy()
    expect(screen.getByText('streamer_quiet')).toBeTruthy()
  })

  it('signing out of an implicit sign-in says it stays valid at VK until it expires', async () => {
    let account = connected
    renderPanel({
      'vk.getAccount': () => account,
      'vk.disconnect': () => {
        account = disconnected
        return { revoked: false, validUntil: connected.expiresAt }
      }
    })
    fireEvent.click(await screen.findByRole('button', { name: 'Sign out' }))
    await screen.findByRole('button', { name: 'Connect VK' })
    const note = screen.getByRole('note')
    expect(note.textContent).toContain('stays valid at VK until')
    expect(note.textContent).toContain(new Date(connected.expiresAt!).toLocaleString())
  })
})
