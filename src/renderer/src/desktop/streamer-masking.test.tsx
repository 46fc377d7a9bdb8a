import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { I18nextProvider } from 'react-i18next'
import { afterEach, describe, expect, it } from 'vitest'
import type { ObsStatusView } from '../../../shared/ipc/obs'
import { createI18n } from '../i18n/setup'
import { createVkFake } from '../testing/vk-fake'
import { Credentials } from '../vk/credentials/Credentials'
import { useStreamerStore } from './streamer-store'

const KEY_URL = 'rtmp://ingest.example/live/sk-Secret-123'
const obs = (patch: Partial<ObsStatusView>): ObsStatusView => ({
  address: 'ws://127.0.0.1:4455', passwordConfigured: false, connection: 'disconnected', error: null,
  obsVersion: null, stream: 'inactive', sentServer: null, ...patch
})

const revealButton = (): HTMLButtonElement => screen.getByRole<HTMLButtonElement>('button', { name: 'Reveal' })

afterEach(() => {
  cleanup()
  useStreamerStore.setState({ chosen: false, obs: null })
})

function setup() {
  const fake = createVkFake({
    'vk.getCredentials': () => ({ ref: 'vk:cred1' }),
    'sensitive.reveal': () => ({ value: KEY_URL }),
    'sensitive.copy': () => null
  })
  fake.install()
  const view = render(
    <I18nextProvider i18n={createI18n()}>
      <Credentials />
    </I18nextProvider>
  )
  return { fake, view }
}

describe('streamer mode on the RTMP credentials', () => {
  it('hides a revealed key the moment it turns on and allows no reveal while on', async () => {
    const { view } = setup()
    fireEvent.click(await screen.findByRole('button', { name: 'Reveal' }))
    await screen.findByText(KEY_URL)
    act(() => useStreamerStore.getState().choose(true))
    await waitFor(() => expect(view.container.innerHTML).not.toContain('sk-Secret'))
    const reveal = revealButton()
    expect(reveal.disabled).toBe(true)
    fireEvent.click(reveal)
    expect(screen.getByTestId('vk-credentials-value').textContent).toMatch(/^•+$/)
  })

  it('is forced on while OBS is connected, even if the user switched it off', async () => {
    setup()
    await screen.findByRole('button', { name: 'Reveal' })
    act(() => useStreamerStore.setState({ chosen: false, obs: obs({ connection: 'connected' }) }))
    expect(revealButton().disabled).toBe(true)
    act(() => useStreamerStore.getState().setObs(obs({ connection: 'disconnected' })))
    await waitFor(() => expect(revealButton().disabled).toBe(false))
  })
})
