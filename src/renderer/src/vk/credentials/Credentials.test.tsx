import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { I18nextProvider } from 'react-i18next'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createI18n } from '../../i18n/setup'
import { createVkFake } from '../../testing/vk-fake'
import { Toast } from '../common/Toast'
import { Credentials, REVEAL_MS } from './Credentials'

const KEY_URL = 'rtmp://ingest.example/live/sk-Secret-123'

afterEach(() => {
  cleanup()
  vi.useRealTimers()
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
      <Toast />
    </I18nextProvider>
  )
  return { fake, view }
}

describe('RTMP credentials', () => {
  it('is masked; reveal shows the value, which hides itself after 30 s', async () => {
    const { view } = setup()
    const value = screen.getByTestId('vk-credentials-value')
    expect(value.textContent).toMatch(/^•+$/)
    expect(view.container.innerHTML).not.toContain('sk-Secret')

    vi.useFakeTimers({ shouldAdvanceTime: true })
    fireEvent.click(await screen.findByRole('button', { name: 'Reveal' }))
    await screen.findByText(KEY_URL)
    act(() => {
      vi.advanceTimersByTime(REVEAL_MS - 1000)
    })
    expect(value.textContent).toBe(KEY_URL)
    act(() => {
      vi.advanceTimersByTime(1000)
    })
    await waitFor(() => expect(value.textContent).toMatch(/^•+$/))
    expect(view.container.innerHTML).not.toContain('sk-Secret')
  })

  it('copies through main by ref (the page never holds the key) and confirms with a toast', async () => {
    const { fake, view } = setup()
    fireEvent.click(await screen.findByRole('button', { name: 'Copy stream key' }))
    await screen.findByText('Stream key copied')
    fireEvent.click(screen.getByRole('button', { name: 'Copy server' }))
    await screen.findByText('RTMP server copied')
    fireEvent.click(screen.getByRole('button', { name: 'Copy both' }))
    await screen.findByText('Server and stream key copied')
    expect(fake.calls.filter((c) => c.channel === 'sensitive.copy').map((c) => c.input)).toEqual([
      { ref: 'vk:cred1', part: 'key' },
      { ref: 'vk:cred1', part: 'server' },
      { ref: 'vk:cred1', part: 'whole' }
    ])
    expect(fake.calls.map((c) => c.channel)).not.toContain('sensitive.reveal')
    expect(view.container.innerHTML).not.toContain('sk-Secret')
  })
})
