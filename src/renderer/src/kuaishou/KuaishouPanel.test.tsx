import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { I18nextProvider } from 'react-i18next'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fail, ok } from '../../../shared/ipc/result'
import { createI18n } from '../i18n/setup'
import { idleChecklist, useDraftStore } from './golive/draft-store'
import { useKuaishouStore } from './kuaishou-store'
import { KuaishouPanel } from './KuaishouPanel'
import { connectedAccount, installScriptedLivedeck, liveView, type ScriptedLivedeck } from './testing/scripted-livedeck'

const coverBytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])

function renderPanel(): void {
  render(
    <I18nextProvider i18n={createI18n('en')}>
      <KuaishouPanel />
    </I18nextProvider>
  )
}

/** jsdom cannot decode images: the tests start from a converted cover (the pipeline is tested in Chromium). */
function withReadyCover(): void {
  useDraftStore.setState({
    cover: { kind: 'ready', name: 'cover.png', cover: { bytes: coverBytes, quality: 1, source: { kind: 'png', width: 1920, height: 1080, size: 1 } } }
  })
}

const getPushUrl = () => screen.getByTestId('ks-get-push-url')
const step = (id: string) => document.querySelector(`[data-step="${id}"]`)!

let fake: ScriptedLivedeck

beforeEach(() => {
  URL.createObjectURL = vi.fn(() => 'blob:cover')
  URL.revokeObjectURL = vi.fn()
  useKuaishouStore.setState({ account: null, live: null, liveLoaded: false, upload: null })
  useDraftStore.setState({ caption: '', panoramic: 0, shopLive: false, deviceName: '', fit: 'crop', source: null, cover: { kind: 'empty' }, checklist: idleChecklist })
})
afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

describe('Kuaishou panel: account', () => {
  it('explains a missing live permission and offers Reconnect', async () => {
    fake = installScriptedLivedeck({ 'kuaishou.getAccount': () => ok({ ...connectedAccount, missingScopes: ['user_video_live'] }) })
    renderPanel()
    expect((await screen.findByTestId('ks-missing-scopes')).textContent).toContain('user_video_live')
    expect(screen.getByRole('button', { name: 'Reconnect Kuaishou' })).toBeTruthy()
    expect(step('account').getAttribute('data-state')).toBe('failed')
  })

  it('shows "Reconnect Kuaishou" when the sign-in died, and an unconfigured app points to settings', async () => {
    fake = installScriptedLivedeck({
      'kuaishou.getAccount': () => ok({ ...connectedAccount, state: 'needsReconnect' }),
      'kuaishou.connect': () => fail('not_configured', 'x')
    })
    renderPanel()
    fireEvent.click(await screen.findByRole('button', { name: 'Reconnect Kuaishou' }))
    expect(await screen.findByText(/Add the app id and app secret in Settings/)).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Open settings' })).toBeTruthy()
  })
})

describe('Kuaishou panel: get push URL', () => {
  it('counts code points, refuses more than 13, and sends deviceName only when typed', async () => {
    fake = installScriptedLivedeck({ 'kuaishou.createLive': () => ok(liveView()) })
    withReadyCover()
    renderPanel()
    await screen.findByText('Signed in as 小鹿主播')
    const title = screen.getByLabelText('Title')
    fireEvent.change(title, { target: { value: '🎉'.repeat(14) } })
    expect((screen.getByTestId('ks-caption-counter')).textContent).toContain('14 / 13 characters')
    expect((getPushUrl() as HTMLButtonElement).disabled).toBe(true)
    fireEvent.change(title, { target: { value: '🎉'.repeat(13) } })
    expect((getPushUrl() as HTMLButtonElement).disabled).toBe(false)
    fireEvent.click(getPushUrl())
    await screen.findByTestId('ks-push-url')
    const [input] = fake.callsOf('kuaishou.createLive') as Record<string, unknown>[]
    expect(input).toEqual({ cover: coverBytes, caption: '🎉'.repeat(13), panoramic: 0, shopLive: false })
    expect(input).not.toHaveProperty('deviceName')
  })

  it('sends the options and a typed device name', async () => {
    fake = installScriptedLivedeck({ 'kuaishou.createLive': () => ok(liveView()) })
    withReadyCover()
    renderPanel()
    await screen.findByText('Signed in as 小鹿主播')
    fireEvent.change(screen.getByLabelText('Picture type'), { target: { value: '2' } })
    fireEvent.click(screen.getByLabelText(/Shop live/))
    fireEvent.change(screen.getByLabelText('Device name (optional)'), { target: { value: '  KS-Cam-01 ' } })
    fireEvent.click(getPushUrl())
    await screen.findByTestId('ks-push-url')
    expect(fake.callsOf('kuaishou.createLive')[0]).toMatchObject({ panoramic: 2, shopLive: true, deviceName: 'KS-Cam-01' })
  })

  it('a failed upload is retryable from its step', async () => {
    let attempts = 0
    fake = installScriptedLivedeck({
      'kuaishou.createLive': () => {
        attempts++
        if (attempts === 1) {
          fake.emit('kuaishou.uploadProgress', { sent: 100, total: 1000 })
          return fail('network', 'reset')
        }
        return ok(liveView())
      }
    })
    withReadyCover()
    renderPanel()
    await screen.findByText('Signed in as 小鹿主播')
    fireEvent.click(getPushUrl())
    await waitFor(() => expect(step('upload').getAttribute('data-state')).toBe('failed'))
    expect(step('pushUrl').getAttribute('data-state')).toBe('pending')
    expect(within(step('upload') as HTMLElement).getByText(/could not be reached/)).toBeTruthy()
    fireEvent.click(within(step('upload') as HTMLElement).getByRole('button', { name: 'Retry' }))
    await screen.findByTestId('ks-push-url')
    expect(attempts).toBe(2)
  })

  it('a lost answer is explained and not retried blindly', async () => {
    fake = installScriptedLivedeck({
      'kuaishou.createLive': () => {
        fake.emit('kuaishou.uploadProgress', { sent: 1000, total: 1000 })
        return fail('unknown_outcome', 'lost')
      }
    })
    withReadyCover()
    renderPanel()
    await screen.findByText('Signed in as 小鹿主播')
    fireEvent.click(getPushUrl())
    await waitFor(() => expect(step('pushUrl').getAttribute('data-state')).toBe('failed'))
    expect(step('upload').getAttribute('data-state')).toBe('done')
    expect(screen.getByText(/answer was lost: a live may have been created/)).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull()
    expect(fake.callsOf('kuaishou.createLive')).toHaveLength(1)
    expect(screen.getByTestId('ks-request-anyway')).toBeTruthy()
  })

  it('face verification (400020): the vetted link is shown and opened in the system browser', async () => {
    const verifyUrl = 'https://verify.kuaishou.com/face?token=abc'
    fake = installScriptedLivedeck({
      'kuaishou.createLive': () => ({ ok: false, error: { code: 'verification_required', message: 'x', platformCode: 400020, params: { verifyUrl } } }),
      'shell.openExternal': () => ok(null)
    })
    withReadyCover()
    renderPanel()
    await screen.findByText('Signed in as 小鹿主播')
    fireEvent.click(getPushUrl())
    const link = await screen.findByRole('link', { name: 'Open the face verification page' })
    expect(screen.getByText(verifyUrl)).toBeTruthy()
    fireEvent.click(link)
    await waitFor(() => expect(fake.callsOf('shell.openExternal')).toEqual([{ url: verifyUrl }]))
  })
})

describe('Kuaishou panel: the live', () => {
  it('reveals the push URL for 30 s only, and copies server and key through main', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    fake = installScriptedLivedeck({
      'kuaishou.getLive': () => ok(liveView()),
      'sensitive.reveal': () => ok({ value: 'rtmp://push.example/gifshow/abc?sign=1' }),
      'sensitive.copy': () => ok(null)
    })
    renderPanel()
    fireEvent.click(await screen.findByRole('button', { name: 'Show' }))
    expect(await screen.findByText('rtmp://push.example/gifshow/abc?sign=1')).toBeTruthy()
    act(() => void vi.advanceTimersByTime(30_000))
    await waitFor(() => expect(screen.queryByText('rtmp://push.example/gifshow/abc?sign=1')).toBeNull())
    fireEvent.click(screen.getByTestId('ks-copy-server'))
    fireEvent.click(screen.getByTestId('ks-copy-key'))
    await waitFor(() => expect(fake.callsOf('sensitive.copy')).toEqual([{ ref: 'kuaishou:ref1', part: 'server' }, { ref: 'kuaishou:ref1', part: 'key' }]))
  })

  it('a failed stop is never shown as done', async () => {
    let stops = 0
    fake = installScriptedLivedeck({
      'kuaishou.getLive': () => ok(liveView({ status: 'LIVING', pushUrlRef: null })),
      'kuaishou.stopLive': () => {
        stops++
        if (stops === 1) {
          fake.emit('kuaishou.live', liveView({ status: 'LIVING', pushUrlRef: null, stop: 'failed' }))
          return fail('network', 'down')
        }
        return ok(liveView({ status: 'LIVE_END', pushUrlRef: null, stop: 'stopped' }))
      }
    })
    renderPanel()
    fireEvent.click(await screen.findByTestId('ks-stop'))
    expect(screen.getByText(/Viewers will see it end/)).toBeTruthy()
    fireEvent.click(screen.getByTestId('ks-stop-confirm'))
    expect((await screen.findByTestId('ks-stop-failed')).textContent).toContain('NOT stopped')
    expect(screen.queryByTestId('ks-stopped')).toBeNull()
    expect((screen.getByTestId('ks-live-status')).textContent).toContain('Live')
    fireEvent.click(screen.getByRole('button', { name: 'Try to stop again' }))
    fireEvent.click(screen.getByTestId('ks-stop-confirm'))
    expect(await screen.findByTestId('ks-stopped')).toBeTruthy()
    expect((screen.getByTestId('ks-live-status')).textContent).toContain('Live ended')
  })

  it('asking for a new push URL while live offers Stop first', async () => {
    fake = installScriptedLivedeck({ 'kuaishou.getLive': () => ok(liveView({ status: 'LIVING', pushUrlRef: null })) })
    renderPanel()
    fireEvent.click(await screen.findByTestId('ks-new-url'))
    expect(screen.getByText(/Stop it first, then you can get a new push URL/)).toBeTruthy()
    expect(fake.callsOf('kuaishou.dismissLive')).toHaveLength(0)
  })

  it('a live that ended without Stop is said clearly, and a new push URL is one click away', async () => {
    fake = installScriptedLivedeck({
      'kuaishou.getLive': () => ok(liveView({ status: 'LIVE_END', pushUrlRef: null, endedWithoutStop: true, statusMsg: 'stream lost' })),
      'kuaishou.dismissLive': () => ok(null)
    })
    renderPanel()
    expect((await screen.findByTestId('ks-ended-without-stop')).textContent).toContain('ended without Stop')
    expect(screen.getByText(/stream lost/)).toBeTruthy()
    fireEvent.click(screen.getByTestId('ks-new-url'))
    expect(await screen.findByTestId('ks-get-push-url')).toBeTruthy()
    expect(fake.callsOf('kuaishou.dismissLive')).toHaveLength(1)
  })

  it('follows the status main pushes', async () => {
    fake = installScriptedLivedeck({ 'kuaishou.getLive': () => ok(liveView()) })
    renderPanel()
    expect((await screen.findByTestId('ks-live-status')).textContent).toContain('Waiting for your encoder')
    act(() => fake.emit('kuaishou.live', liveView({ status: 'LIVING', pushUrlRef: null, statusMsg: '直播中' })))
    expect((screen.getByTestId('ks-live-status')).textContent).toContain('Live')
    expect(screen.getByTestId('ks-push-gone')).toBeTruthy()
  })
})
