/**
 * A `window.livedeck` for VK renderer tests: the real API shape (`buildLivedeckApi`), inputs parsed with
 * the contract's schemas as main does, each channel answered by a handler the test supplies. Records
 * calls and lets the test push events.
 */
import { buildLivedeckApi } from '../../../shared/ipc/build-api'
import { invokeChannels, type EventName, type EventPayloads, type InvokeChannel, type ParsedInputOf, type ResultOf } from '../../../shared/ipc/contract'
import type { VkChatAuthor, VkChatMessageView } from '../../../shared/ipc/domain'
import { fail, ok, type IpcError } from '../../../shared/ipc/result'

type Handler<C extends InvokeChannel> = (input: ParsedInputOf<C>) => ResultOf<C> | IpcError | Promise<ResultOf<C> | IpcError>
export type VkHandlers = { [C in InvokeChannel]?: Handler<C> }

export interface VkFake {
  readonly calls: { channel: InvokeChannel; input: unknown }[]
  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void
  install(): void
}

const isError = (v: unknown): v is IpcError => typeof v === 'object' && v !== null && 'code' in v && 'message' in v && !('ok' in v)

export function createVkFake(handlers: VkHandlers): VkFake {
  const calls: VkFake['calls'] = []
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>()
  const api = buildLivedeckApi(
    async (channel, input) => {
      calls.push({ channel, input })
      const parsed = invokeChannels[channel].input.safeParse(input)
      if (!parsed.success) return fail('invalid_input', 'invalid input')
      const handler = handlers[channel] as ((i: unknown) => unknown) | undefined
      if (!handler) return fail('unknown_channel', 'not faked')
      const value = await handler(parsed.data)
      return (isError(value) ? { ok: false, error: value } : ok(value))
    },
    (event, listener) => {
      const set = listeners.get(event) ?? new Set()
      listeners.set(event, set)
      set.add(listener)
      return () => set.delete(listener)
    }
  )
  return {
    calls,
    emit: (event, payload) => listeners.get(event)?.forEach((l) => l(payload)),
    install: () => Object.defineProperty(window, 'livedeck', { value: api, configurable: true })
  }
}

/** A plain viewer (`viewer<id>`); override any field. */
export function vkAuthor(id: number, over: Partial<VkChatAuthor> = {}): VkChatAuthor {
  return { id: 500 + id, nick: `viewer${id}`, nickColor: id % 16, avatarUrl: null, isOwner: false, isModerator: false, isBot: false, isSubscriber: false, badges: [], roles: [], ...over }
}

/** A plain viewer message for tests; override any field. */
export function vkMessage(id: number, text: string, over: Partial<VkChatMessageView> = {}): VkChatMessageView {
  return {
    kind: 'message',
    key: `m${id}`,
    id,
    createdAt: 1_700_000_000_000 + id,
    author: vkAuthor(id),
    parts: [{ kind: 'text', text }],
    isPrivate: false,
    deleted: false,
    mentionsMe: false,
    ...over
  }
}
