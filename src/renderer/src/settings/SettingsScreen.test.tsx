import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { useUiStore } from '../store/ui-store'
import { createFakeLivedeck } from '../testing/fake-livedeck'
import { renderApp } from '../testing/render-app'

const SECRET = 'vk-secret-Zq81xLmP'

afterEach(cleanup)

async function openSettings(): Promise<void> {
  fireEvent.click(await screen.findByRole('button', { name: 'Settings' }))
  await screen.findByRole('heading', { name: 'Settings' })
}

describe('settings screen', () => {
  it('sends a secret write-only: saved to main, dropped from the page, shown as "Configured"', async () => {
    const fake = createFakeLivedeck()
    const { container } = renderApp(fake)
    await openSettings()
    const vk = screen.getByTestId('settings-vk')

    const input = within(vk).getByLabelText('Client secret')
    expect(input).toHaveProperty('type', 'password')
    fireEvent.change(input, { target: { value: SECRET } })
    fireEvent.click(within(vk).getByRole('button', { name: 'Save secret' }))

    await within(vk).findByText('Configured')
    expect(fake.secrets.get('vk.clientSecret')).toBe(SECRET)
    expect(fake.calls).toContainEqual({ channel: 'secrets.set', input: { key: 'vk.clientSecret', value: SECRET } })
    // The value is gone from the DOM (text, attributes, input values) and from UI state.
    expect(container.innerHTML).not.toContain(SECRET)
    for (const el of container.querySelectorAll('input')) expect(el.value).not.toContain(SECRET)
    expect(JSON.stringify(useUiStore.getState())).not.toContain(SECRET)
    // Kuaishou's secret is independent.
    expect(within(screen.getByTestId('settings-kuaishou')).getByText('Not configured')).toBeTruthy()

    // Clearing brings back an empty input: the typed value was not kept anywhere in the page.
    fireEvent.click(within(vk).getByRole('button', { name: 'Clear' }))
    await within(vk).findByRole('button', { name: 'Save secret' })
    expect(within(vk).getByLabelText('Client secret')).toHaveProperty('value', '')
  })

  it('clears a configured secret and offers the input again', async () => {
    const fake = createFakeLivedeck()
    fake.secrets.set('kuaishou.appSecret', 'ks-secret-1')
    renderApp(fake)
    await openSettings()
    const ks = screen.getByTestId('settings-kuaishou')

    fireEvent.click(within(ks).getByRole('button', { name: 'Clear' }))
    await within(ks).findByRole('button', { name: 'Save secret' })
    expect(fake.secrets.has('kuaishou.appSecret')).toBe(false)
    expect(fake.calls).toContainEqual({ channel: 'secrets.clear', input: { key: 'kuaishou.appSecret' } })
    expect(within(ks).getByLabelText('App secret')).toHaveProperty('value', '')
  })

  it('Enter in the secret input saves the secret, not the settings form', async () => {
    const fake = createFakeLivedeck()
    renderApp(fake)
    await openSettings()
    const ks = screen.getByTestId('settings-kuaishou')
    const input = within(ks).getByLabelText('App secret')
    fireEvent.change(input, { target: { value: 'ks-secret-2' } })
    fireEvent.keyDown(input, { key: 'Enter' })
    await within(ks).findByText('Configured')
    expect(fake.calls.map((c) => c.channel)).not.toContain('settings.update')
  })

  it('saves the non-secret fields as one patch, splitting scopes', async () => {
    const fake = createFakeLivedeck()
    renderApp(fake)
    await openSettings()
    const vk = screen.getByTestId('settings-vk')
    const ks = screen.getByTestId('settings-kuaishou')
    fireEvent.change(within(vk).getByLabelText('Client ID'), { target: { value: 'vk-app-1' } })
    fireEvent.change(within(vk).getByLabelText('Scopes'), { target: { value: 'chat, stream  channel' } })
    fireEvent.change(within(ks).getByLabelText('bizId (optional)'), { target: { value: 'biz-7' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))

    await screen.findByText('Settings saved')
    const update = fake.calls.find((c) => c.channel === 'settings.update')
    expect(update?.input).toMatchObject({ vk: { clientId: 'vk-app-1', scopes: ['chat', 'stream', 'channel'] }, kuaishou: { bizId: 'biz-7' } })
  })

  it('flags a value main would refuse and does not send it', async () => {
    const fake = createFakeLivedeck()
    renderApp(fake)
    await openSettings()
    const vk = screen.getByTestId('settings-vk')
    const uri = within(vk).getByLabelText('Redirect URI')
    fireEvent.change(uri, { target: { value: 'not a url' } })
    expect(uri.getAttribute('aria-invalid')).toBe('true')
    expect(screen.getByRole('button', { name: 'Save' })).toHaveProperty('disabled', true)
  })

  it('shows a refused request translated by its error code', async () => {
    const fake = createFakeLivedeck()
    renderApp(fake)
    await openSettings()
    // A value the contract rejects (over 512 chars) reaches the fake's schema check and comes back invalid_input.
    const vk = screen.getByTestId('settings-vk')
    fireEvent.change(within(vk).getByLabelText('Client secret'), { target: { value: 'x'.repeat(600) } })
    fireEvent.click(within(vk).getByRole('button', { name: 'Save secret' }))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('Some values are not valid')
    expect(within(vk).getByText('Not configured')).toBeTruthy()
  })
})

describe('shell', () => {
  it('shows the SANDBOX badge only while the sandbox is active, and both platform slots', async () => {
    renderApp(createFakeLivedeck({ version: '1', platform: 'web', sandbox: { active: true } }))
    expect(await screen.findByTestId('sandbox-badge')).toBeTruthy()
    expect(screen.getByTestId('slot-vk').textContent).toContain('Not connected')
    expect(screen.getByTestId('slot-kuaishou').textContent).toContain('Not connected')
    cleanup()
    renderApp(createFakeLivedeck())
    await screen.findByTestId('slot-vk')
    expect(screen.queryByTestId('sandbox-badge')).toBeNull()
  })

  it('switching the language asks main and re-renders in that language', async () => {
    const fake = createFakeLivedeck()
    renderApp(fake)
    fireEvent.change(await screen.findByLabelText('Language'), { target: { value: 'ru' } })
    expect(await screen.findByRole('button', { name: 'Настройки' })).toBeTruthy()
    expect(fake.calls).toContainEqual({ channel: 'settings.update', input: { language: 'ru' } })
    fireEvent.change(screen.getByLabelText('Язык'), { target: { value: 'zh' } })
    expect(await screen.findByRole('button', { name: '设置' })).toBeTruthy()
  })

  it('follows settings.changed pushed by main', async () => {
    const fake = createFakeLivedeck()
    renderApp(fake)
    await screen.findByTestId('slot-vk')
    const view = useUiStore.getState().settings!
    fake.emit('settings.changed', { ...view, vk: { ...view.vk, clientSecretConfigured: true } })
    await openSettings()
    await waitFor(() => expect(within(screen.getByTestId('settings-vk')).getByText('Configured')).toBeTruthy())
  })
})
