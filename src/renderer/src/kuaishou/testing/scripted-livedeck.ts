/**
 * A `window.livedeck` for Kuaishou panel tests whose answers each test scripts per channel. Inputs are
 * parsed with the contract's real schemas (as main's router does) and every call is recorded.
 */
import { buildLivedeckApi } from '../../../../shared/ipc/build-api'
import { invokeChannels, type EventName, type EventPayloads, type InvokeChannel } from '../../../../shared/ipc/contract'
import type { KuaishouAccountView, KuaishouLiveView } from '../../../../shared/ipc/kuaishou'
import { fail, ok, type Result } from '../../../../shared/ipc/result'

type Handler = (input: unknown) => Result<unknown> | Promise<Result<unknown>>

export interface ScriptedLivedeck {
  readonly calls: { channel: InvokeChannel; input: unknown }[]
  readonly handlers: Partial<Record<InvokeChannel, Handler>>
  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void
  callsOf(channel: InvokeChannel): unknown[]
}

export const connectedAccount: KuaishouAccountView = {
  state: 'connected',
  user: { name: '小鹿主播', avatarUrl: null },
  scopes: ['user_info', 'user_video_live'],
  missingScopes: [],
  expiresAt: null
}

export const liveView = (over: Partial<KuaishouLiveView> = {}): KuaishouLiveView => ({
  liveStreamName: 'abcdefghijk',
  pushUrlRef: 'kuaishou:ref1',
  createdAt: Date.now(),
  expiresAt: Date.now() + 2 * 24 * 3600_000,
  status: 'LIVE_NOT_START',
  statusMsg: '',
  checkedAt: null,
  stop: 'idle',
  endedWithoutStop: false,
  pollError: null,
  ...over
})

export function installScriptedLivedeck(handlers: Partial<Record<InvokeChannel, Handler>> = {}): ScriptedLivedeck {
  const calls: ScriptedLivedeck['calls'] = []
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>()
  const all: Partial<Record<InvokeChannel, Handler>> = {
    'kuaishou.getAccount': () => ok(connectedAccount),
    'kuaishou.getLive': () => ok(null),
    ...handlers
  }
  const api = buildLivedeckApi(
    async (channel, input) => {
      calls.push({ channel, input })
      const parsed = invokeChannels[channel].input.safeParse(input)
      if (!parsed.success) return fail('invalid_input', 'invalid input')
      const handler = all[channel]
      return handler ? handler(parsed.data) : fail('unknown_channel', 'not scripted')
    },
    (event, listener) => {
      const set = listeners.get(event) ?? new Set()
      listeners.set(event, set)
      set.add(listener)
      return () => set.delete(listener)
    }
  )
  Object.defineProperty(window, 'livedeck', { value: api, configurable: true })
  return {
    calls,
    handlers: all,
    emit: (event, payload) => listeners.get(event)?.forEach((l) => l(payload)),
    callsOf: (channel) => calls.filter((c) => c.channel === channel).map((c) => c.input)
  }
}
