/**
 * The Kuaishou live: get a push URL (`pushUrls` with the cover), watch its status, stop it, and keep
 * it across restarts. One live at a time: a push URL is for one live only and Kuaishou's behaviour
 * with several open is undocumented, so asking for another while one is usable is refused
 * (`live_active`: the UI offers Stop first).
 *
 * A `pushUrls` whose answer is lost after the whole request left is never retried here: it may have
 * created a live, so the caller gets `unknown_outcome` and asks the user.
 */
import type { Language } from '../../../shared/ipc/domain'
import {
  codePointLength,
  KUAISHOU_CAPTION_MAX,
  type KuaishouCreateLive,
  type KuaishouLiveStatus,
  type KuaishouLiveView,
  type KuaishouUploadProgress
} from '../../../shared/ipc/kuaishou'
import { AppError, isAppError } from '../../errors'
import type { Clock } from '../../ports/clock'
import type { Logger } from '../../ports/logger'
import type { Notifier } from '../../ports/notifier'
import type { SensitiveRegistry } from '../../services/sensitive/sensitive-registry'
import type { KuaishouAccount } from './account-service'
import type { KuaishouClient } from './api-client'
import { checkCover } from './cover'
import type { LiveStore, StoredLive } from './live-store'
import { liveEndedNotification } from './notify-text'
import { nextPollDelay } from './poll-policy'

/** Push URLs are valid for 2 days (reference §3.6). */
export const PUSH_URL_LIFETIME_MS = 2 * 24 * 3600_000
const SENSITIVE_KIND = 'kspush'

export interface KuaishouLiveDeps {
  readonly account: KuaishouAccount
  readonly client: KuaishouClient
  readonly store: LiveStore
  readonly sensitive: SensitiveRegistry
  readonly clock: Clock
  readonly logger: Logger
  readonly notifier: Notifier
  readonly language: () => Language
  readonly onLive: (view: KuaishouLiveView | null) => void
  readonly onUploadProgress: (progress: KuaishouUploadProgress) => void
  /** Waits between stopPush attempts (default 1 s, 2 s, 4 s). */
  readonly stopRetryDelaysMs?: readonly number[]
}

export interface KuaishouLive {
  /** Start-up: bring back the stored live and re-read its status. */
  restore(): Promise<KuaishouLiveView | null>
  create(input: KuaishouCreateLive): Promise<KuaishouLiveView>
  view(): KuaishouLiveView | null
  stop(): Promise<KuaishouLiveView>
  /** Read the status now (also resumes polling after a reconnect). */
  refresh(): Promise<KuaishouLiveView | null>
  /** Forget a live that ended or expired. */
  dismiss(): Promise<null>
  /** Stops polling and waits for the last state to be on disk (a quit right after a change keeps it). */
  dispose(): Promise<void>
}

const knownStatuses = new Set<KuaishouLiveStatus>(['LIVE_NOT_START', 'LIVING', 'LIVE_END'])
/** Kuaishou's samples show an empty status: unknown, keep polling. */
const statusOf = (raw: string): KuaishouLiveStatus => (knownStatuses.has(raw as KuaishouLiveStatus) ? (raw as KuaishouLiveStatus) : 'UNKNOWN')

const retryableStop = (e: unknown): boolean =>
  isAppError(e) && ['network', 'timed_out', 'platform', 'rate_limited', 'unknown_outcome'].includes(e.code)

export function createKuaishouLive(deps: KuaishouLiveDeps): KuaishouLive {
  const { account, client, store, sensitive, clock, logger } = deps
  const stopDelays = deps.stopRetryDelaysMs ?? [1_000, 2_000, 4_000]
  let live: StoredLive | null = null
  let ref: string | null = null
  let stopState: KuaishouLiveView['stop'] = 'idle'
  let pollError: string | null = null
  let creating = false
  let timer: { cancel(): void } | null = null
  let lastDelay: number | null = null
  let polling: Promise<void> | null = null
  let disposed = false

  /** A live that blocks a new push URL: on air, or its URL still usable. */
  const active = (l: StoredLive): boolean => l.status === 'LIVING' || (l.status !== 'LIVE_END' && clock.now() < l.expiresAt)
  /** The URL can be copied again while unused (one live per URL) and unexpired. */
  const copyable = (l: StoredLive): boolean =>
    (l.status === 'LIVE_NOT_START' || l.status === 'UNKNOWN') && clock.now() < l.expiresAt

  const view = (): KuaishouLiveView | null =>
    live && {
      liveStreamName: live.liveStreamName,
      pushUrlRef: ref && copyable(live) ? ref : null,
      createdAt: live.createdAt,
      expiresAt: live.expiresAt,
      status: live.status,
      statusMsg: live.statusMsg,
      checkedAt: live.checkedAt,
      stop: stopState,
      endedWithoutStop: live.endedWithoutStop,
      pollError
    }

  const emit = () => deps.onLive(view())

  const persist = async (): Promise<void> => {
    if (!live) return
    try {
      await store.save(live)
    } catch (error) {
      // The live stays usable in memory; only crash recovery is at risk, so say so in the log.
      logger.error('could not save the Kuaishou live', { error })
    }
  }

  const forgetRef = () => {
    if (ref) sensitive.forget(ref)
    ref = null
  }

  const cancelTimer = () => {
    timer?.cancel()
    timer = null
  }

  const schedule = (delay: number | null) => {
    cancelTimer()
    lastDelay = delay
    if (delay === null || disposed) return
    timer = clock.setTimeout(() => void pollNow(), delay)
  }

  const applyStatus = async (status: KuaishouLiveStatus, statusMsg: string) => {
    if (!live) return
    const ended = status === 'LIVE_END' && live.status !== 'LIVE_END'
    const endedWithoutStop = live.endedWithoutStop || (ended && !live.stopped)
    live = { ...live, status, statusMsg, checkedAt: clock.now(), endedWithoutStop }
    if (ended) {
      forgetRef()
      if (live.stopped) stopState = 'stopped'
      else deps.notifier.notify(liveEndedNotification(deps.language()))
    }
    await persist()
  }

  const readStatus = async (): Promise<void> => {
    const current = live
    if (!current) return
    try {
      const answer = await account.withToken((ctx) =>
        client.status({ ...ctx, liveStreamName: current.liveStreamName })
      )
      if (live !== current && live?.liveStreamName !== current.liveStreamName) return
      pollError = null
      await applyStatus(statusOf(answer.status), answer.statusMsg)
      schedule(nextPollDelay(live.status, lastDelay))
    } catch (e) {
      if (live?.liveStreamName !== current.liveStreamName) return
      const code = isAppError(e) ? e.code : 'internal'
      if (!isAppError(e)) logger.error('kuaishou status poll failed', { error: e })
      if (code === 'not_found') {
        // Kuaishou no longer knows the stream (ended and gone, or expired unused).
        pollError = null
        await applyStatus('LIVE_END', '')
        schedule(null)
      } else {
        pollError = code
        schedule(nextPollDelay(live.status, lastDelay, code))
      }
    }
    emit()
  }

  /** One poll at a time; a poll asked for during one waits for it and then runs. */
  const pollNow = async (): Promise<void> => {
    cancelTimer()
    while (polling) await polling
    if (disposed || !live || live.status === 'LIVE_END') return
    polling = readStatus().finally(() => {
      polling = null
    })
    await polling
  }

  const refuseWhileActive = () => {
    if (creating) throw new AppError('live_active', 'a push URL is already being requested')
    if (live && active(live)) {
      throw new AppError('live_active', 'a Kuaishou live is already active; stop it first', undefined, {
        liveStreamName: live.liveStreamName
      })
    }
  }

  const requestPushUrl = (input: KuaishouCreateLive) =>
    account.withToken((ctx) =>
      client.pushUrls({
        ...ctx,
        cover: input.cover,
        caption: input.caption,
        panoramic: input.panoramic,
        shopLive: input.shopLive,
        deviceName: input.deviceName,
        liveSceneType: input.liveSceneType,
        bizId: account.bizId(),
        onProgress: (sent, total) => deps.onUploadProgress({ sent, total })
      })
    )

  const adopt = async (pushUrl: string, liveStreamName: string): Promise<void> => {
    const createdAt = clock.now()
    forgetRef()
    live = {
      v: 1,
      liveStreamName,
      pushUrl: await store.encrypt(pushUrl),
      createdAt,
      expiresAt: createdAt + PUSH_URL_LIFETIME_MS,
      status: 'LIVE_NOT_START',
      statusMsg: '',
      checkedAt: null,
      stopped: false,
      endedWithoutStop: false
    }
    stopState = 'idle'
    pollError = null
    await persist()
    ref = sensitive.register(SENSITIVE_KIND, pushUrl, { expiresAt: live.expiresAt })
    lastDelay = null
    schedule(nextPollDelay('LIVE_NOT_START', null))
  }

  const stopWithRetries = async (liveStreamName: string): Promise<void> => {
    for (let attempt = 0; ; attempt++) {
      try {
        await account.withToken((ctx) => client.stopPush({ ...ctx, liveStreamName, bizId: account.bizId() }))
        return
      } catch (e) {
        if (isAppError(e) && e.code === 'not_found') return // nothing left to stop
        if (!retryableStop(e) || attempt >= stopDelays.length) throw e
        logger.warn('kuaishou stopPush failed; retrying', { code: isAppError(e) ? e.code : 'internal', attempt })
        await new Promise<void>((resolve) => clock.setTimeout(resolve, stopDelays[attempt]!))
      }
    }
  }

  return {
    view,
    async restore() {
      const stored = await store.load()
      if (!stored) return null
      live = stored
      stopState = stored.stopped ? 'stopped' : 'idle'
      if (copyable(stored)) {
        const pushUrl = await store.decrypt(stored)
        if (pushUrl) ref = sensitive.register(SENSITIVE_KIND, pushUrl, { expiresAt: stored.expiresAt })
      }
      emit()
      // Re-read the status at once: the live may have started or ended while Livedeck was closed.
      if (stored.status !== 'LIVE_END') void pollNow()
      return view()
    },

    async create(input) {
      refuseWhileActive()
      if (codePointLength(input.caption) > KUAISHOU_CAPTION_MAX) {
        throw new AppError('invalid_input', 'the title is longer than 13 characters', undefined, { max: KUAISHOU_CAPTION_MAX })
      }
      checkCover(input.cover)
      await account.requireLiveScope()
      creating = true
      try {
        const answer = await requestPushUrl(input)
        await adopt(answer.pushUrl, answer.liveStreamName)
      } finally {
        creating = false
      }
      emit()
      return view()!
    },

    async stop() {
      const current = live
      if (!current) throw new AppError('not_found', 'there is no Kuaishou live to stop')
      // Already stopped, or ended by itself: there is nothing left to stop.
      if (current.stopped || current.status === 'LIVE_END') return view()!
      stopState = 'stopping'
      emit()
      try {
        await stopWithRetries(current.liveStreamName)
      } catch (e) {
        stopState = 'failed'
        emit()
        throw e
      }
      if (live?.liveStreamName === current.liveStreamName) {
        live = { ...live, stopped: true }
        await persist()
        // Right after Stop: read the status once, so LIVE_END shows without waiting for the timer.
        await pollNow()
        if (live.status === 'LIVE_END') stopState = 'stopped'
      }
      emit()
      return view()!
    },

    async refresh() {
      await pollNow()
      return view()
    },

    async dismiss() {
      if (live && active(live)) throw new AppError('live_active', 'the Kuaishou live is still active; stop it first')
      cancelTimer()
      forgetRef()
      live = null
      stopState = 'idle'
      pollError = null
      await store.clear()
      emit()
      return null
    },

    async dispose() {
      disposed = true
      cancelTimer()
      await store.flush()
    }
  }
}
