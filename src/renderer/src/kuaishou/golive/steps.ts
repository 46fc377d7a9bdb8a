/**
 * The checklist's four steps and their honest states, derived from main's account view, the cover,
 * the request in flight and the upload progress main reports. Pure, so it is unit-tested.
 */
import type { KuaishouAccountView, KuaishouUploadProgress } from '../../../../shared/ipc/kuaishou'
import type { IpcError } from '../../../../shared/ipc/result'
import type { Checklist, CoverState, StepState } from './draft-store'

export type StepId = 'account' | 'cover' | 'upload' | 'pushUrl'
export const stepIds: readonly StepId[] = ['account', 'cover', 'upload', 'pushUrl']

/** Go live needs the `user_video_live` permission, not just a sign-in. */
export const LIVE_SCOPE = 'user_video_live'
export const accountReady = (account: KuaishouAccountView | null): boolean =>
  account?.state === 'connected' && !account.missingScopes.includes(LIVE_SCOPE)

/** Which step an error belongs to: the one the user has to fix. */
export function stepOfError(error: IpcError, uploaded: boolean): StepId {
  if (['not_connected', 'needs_reconnect', 'scope_missing', 'not_configured'].includes(error.code)) return 'account'
  if (error.code === 'invalid_cover') return 'cover'
  return uploaded ? 'pushUrl' : 'upload'
}

export const uploadComplete = (upload: KuaishouUploadProgress | null): boolean => upload !== null && upload.total > 0 && upload.sent >= upload.total

const coverStep = (cover: CoverState): StepState =>
  cover.kind === 'ready' ? 'done' : cover.kind === 'converting' ? 'active' : cover.kind === 'failed' ? 'failed' : 'pending'

export function stepStates(
  account: KuaishouAccountView | null,
  cover: CoverState,
  checklist: Checklist,
  upload: KuaishouUploadProgress | null
): Record<StepId, StepState> {
  const failedAt = checklist.error ? stepOfError(checklist.error, uploadComplete(upload)) : null
  const states: Record<StepId, StepState> = {
    account: accountReady(account) ? 'done' : account ? 'failed' : 'pending',
    cover: coverStep(cover),
    upload: checklist.upload,
    pushUrl: checklist.pushUrl
  }
  // While the request runs, the progress events say when the upload is over and the answer awaited.
  if (checklist.running && uploadComplete(upload)) {
    states.upload = 'done'
    states.pushUrl = 'active'
  }
  if (failedAt) states[failedAt] = 'failed'
  return states
}
