/**
 * Sending chat messages: `stream_id` from the live stream, an honest state per message, VK's refusals
 * mapped, and a client-side limiter so VK never has to block the user: sends go out one at a time, at
 * least `minIntervalMs` apart (or the chat's slow-mode interval), and after `send_too_fast` nothing is
 * sent until the cooldown ends.
 */
import { z } from 'zod'
import type { VkChatSend, VkSendState } from '../../../../shared/ipc/domain'
import { AppError, isAppError } from '../../../errors'
import type { Clock } from '../../../ports/clock'
import type { VkApiClient } from '../api-client'

export const MIN_SEND_INTERVAL_MS = 1000
const DEFAULT_COOLDOWN_MS = 5000

export interface ChatSenderDeps {
  readonly api: VkApiClient
  readonly clock: Clock
  /** Channel slug and live stream id; a null stream → "chat opens when you go live". */
  readonly target: () => Promise<{ channelUrl: string; streamId: string | null }>
  /** Slow mode of this chat in seconds, when known (owner/moderator can read the settings). */
  readonly slowModeS: () => number
  readonly onState: (state: VkSendState) => void
  /** VK answered that the stream is not live (any more). */
  readonly streamGone: () => void
}

const wait = (clock: Clock, ms: number): Promise<void> => new Promise((resolve) => clock.setTimeout(resolve, ms))

/** VK's request form of a part (reference §6.3). */
function requestPart(p: VkChatSend['parts'][number]): Record<string, unknown> {
  switch (p.kind) {
    case 'text':
      return { text: { content: p.text } }
    case 'mention':
      return { mention: { id: p.userId } }
    case 'smile':
      return { smile: { id: p.id } }
    case 'link':
      return { link: { url: p.url } }
  }
}

export const notLive = (): AppError => new AppError('platform', 'chat opens when you go live', 'not_live')

export class ChatSender {
  private queue: Promise<void> = Promise.resolve()
  private nextAllowedAt = 0

  constructor(private readonly deps: ChatSenderDeps) {}

  /** Resolves when sent; rejects with the AppError the message failed with (also reported as its state). */
  send(message: VkChatSend): Promise<VkSendState> {
    const { clock, onState } = this.deps
    onState({ clientId: message.clientId, state: 'sending' })
    const run = async (): Promise<VkSendState> => {
      const delay = this.nextAllowedAt - clock.now()
      if (delay > 0) await wait(clock, delay)
      try {
        await this.post(message)
        this.nextAllowedAt = clock.now() + Math.max(MIN_SEND_INTERVAL_MS, this.deps.slowModeS() * 1000)
        const sent: VkSendState = { clientId: message.clientId, state: 'sent' }
        onState(sent)
        return sent
      } catch (e) {
        const error = isAppError(e) ? e : new AppError('internal', 'sending failed')
        let retryAt: number | undefined
        if (error.platformCode === 'send_too_fast') {
          retryAt = clock.now() + Math.max(DEFAULT_COOLDOWN_MS, this.deps.slowModeS() * 1000)
          this.nextAllowedAt = retryAt
        }
        onState({ clientId: message.clientId, state: 'failed', error: error.toIpcError(), ...(retryAt ? { retryAt } : {}) })
        throw error
      }
    }
    const result = this.queue.then(run)
    this.queue = result.then(
      () => {},
      () => {}
    )
    return result
  }

  private async post(message: VkChatSend): Promise<void> {
    const { channelUrl, streamId } = await this.deps.target()
    if (!streamId) throw notLive()
    try {
      await this.deps.api.call({
        method: 'POST',
        path: '/v1/chat/message/send',
        query: { channel_url: channelUrl, stream_id: streamId },
        body: { parts: message.parts.map(requestPart) },
        schema: z.object({}).loose()
      })
    } catch (e) {
      if (!isAppError(e) || e.code !== 'platform') throw e
      // 403: the chat settings do not let this user write; 404/422 on the stream: it just ended.
      if (e.platformCode === 'forbidden') throw new AppError('platform', 'the chat settings do not allow you to write here', 'forbidden')
      if (e.platformCode === 'not_found' || e.platformCode === 'unprocessable_entity') {
        this.deps.streamGone()
        throw notLive()
      }
      throw e
    }
  }
}
