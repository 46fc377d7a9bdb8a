import { describe, expect, it } from 'vitest'
import type { KuaishouAccountView } from '../../../../shared/ipc/kuaishou'
import { idleChecklist, type CoverState } from './draft-store'
import { accountReady, stepOfError, stepStates } from './steps'

const account = (over: Partial<KuaishouAccountView> = {}): KuaishouAccountView => ({
  state: 'connected',
  user: { name: 'u', avatarUrl: null },
  scopes: [],
  missingScopes: [],
  expiresAt: null,
  ...over
})
const ready: CoverState = {
  kind: 'ready',
  name: 'c.png',
  cover: { bytes: new Uint8Array([0xff, 0xd8, 0xff]), quality: 1, source: { kind: 'png', width: 1, height: 1, size: 1 } }
}

describe('checklist steps', () => {
  it('needs the live permission, not only a sign-in', () => {
    expect(accountReady(account())).toBe(true)
    expect(accountReady(account({ missingScopes: ['user_video_live'] }))).toBe(false)
    expect(accountReady(account({ state: 'needsReconnect' }))).toBe(false)
    expect(accountReady(null)).toBe(false)
  })

  it('puts an error on the step the user has to fix', () => {
    expect(stepOfError({ code: 'scope_missing', message: '' }, false)).toBe('account')
    expect(stepOfError({ code: 'needs_reconnect', message: '' }, true)).toBe('account')
    expect(stepOfError({ code: 'invalid_cover', message: '' }, false)).toBe('cover')
    expect(stepOfError({ code: 'network', message: '' }, false)).toBe('upload')
    expect(stepOfError({ code: 'unknown_outcome', message: '' }, true)).toBe('pushUrl')
  })

  it('shows the upload done and the answer awaited once main reports every byte sent', () => {
    const running = { ...idleChecklist, running: true, upload: 'active' as const }
    expect(stepStates(account(), ready, running, { sent: 10, total: 100 })).toEqual({ account: 'done', cover: 'done', upload: 'active', pushUrl: 'pending' })
    expect(stepStates(account(), ready, running, { sent: 100, total: 100 })).toEqual({ account: 'done', cover: 'done', upload: 'done', pushUrl: 'active' })
  })

  it('marks the failed step from the error, and an empty or converting cover honestly', () => {
    const failed = { ...idleChecklist, upload: 'done' as const, pushUrl: 'failed' as const, error: { code: 'unknown_outcome' as const, message: '' } }
    expect(stepStates(account(), ready, failed, { sent: 5, total: 5 }).pushUrl).toBe('failed')
    expect(stepStates(account(), { kind: 'empty' }, idleChecklist, null).cover).toBe('pending')
    expect(stepStates(account(), { kind: 'converting', name: 'x' }, idleChecklist, null).cover).toBe('active')
    expect(stepStates(account(), { kind: 'failed', name: 'x', problem: 'heic' }, idleChecklist, null).cover).toBe('failed')
  })
})
