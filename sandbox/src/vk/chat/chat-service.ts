/**
 * Chat: storing messages, enforcing chat settings on senders (reference §10.3.16), and publishing
 * `channel_chat_message_send` and other events on the channel's pubsub channels. Every publish is
 * timestamped (wall-clock ms) for `GET <control>/vk/chat/published` and the chat benchmark.
 */
import { errors } from '../errors'
import type { ChannelState, ChatMessage, ResponsePart, VkState } from '../state'
import { chatChannel, privateOf } from '../ws-channels'
import { plainText } from './parts'

export interface Publisher {
  publish(channel: string, data: unknown): number
}

export interface PublishedEntry {
  at: number
  channel: string
  type: string
  id?: number
}

const RU_EN_NUMBERS = /^[A-Za-zа-яА-ЯёЁ0-9\-_.,\s]*$/
const MAX_PUBLISHED = 200_000

export class ChatService {
  private published: PublishedEntry[] = []

  constructor(
    private readonly state: VkState,
    private readonly pubsub: () => Publisher | undefined,
    private readonly nowS: () => number,
    private readonly maxLength: () => number,
    /** Makes placeholder image URLs real before data leaves the sandbox. */
    private readonly localize: <T>(value: T) => T = (v) => v
  ) {}

  reset(): void {
    this.published = []
  }

  publishedSince(sinceMs: number): PublishedEntry[] {
    return this.published.filter((p) => p.at >= sinceMs)
  }

  /** Publishes `{type, data}` and records when. */
  publish(channel: string, type: string, data: Record<string, unknown>, id?: number): void {
    this.pubsub()?.publish(channel, this.localize({ type, data }))
    this.published.push({ at: Date.now(), channel, type, ...(id === undefined ? {} : { id }) })
    if (this.published.length > MAX_PUBLISHED) this.published.splice(0, this.published.length - MAX_PUBLISHED)
  }

  /** Stores and publishes a message from `authorId` (no settings checks: injected or already checked). */
  post(channel: ChannelState, authorId: number, parts: ResponsePart[], options: { privateTo?: number } = {}): ChatMessage {
    const message: ChatMessage = {
      id: this.state.nextMessage(),
      created_at: this.nowS(),
      is_private: options.privateTo !== undefined,
      ...(options.privateTo === undefined ? {} : { visible_to: options.privateTo }),
      author: this.state.author(channel, authorId),
      parts
    }
    this.state.addMessage(channel, message)
    const { visible_to: _hidden, ...wire } = message
    const target = options.privateTo === undefined ? chatChannel(channel.id) : privateOf(chatChannel(channel.id), options.privateTo)
    this.publish(target, 'channel_chat_message_send', { chat_message: wire }, message.id)
    return message
  }

  /** Removes a message and publishes `channel_chat_message_delete`. */
  delete(channel: ChannelState, messageId: number): boolean {
    const index = channel.messages.findIndex((m) => m.id === messageId)
    if (index >= 0) channel.messages.splice(index, 1)
    this.publish(chatChannel(channel.id), 'channel_chat_message_delete', { chat_message: { id: messageId } }, messageId)
    return index >= 0
  }

  /** `POST /v1/chat/message/send` after auth and stream checks: apply the chat settings, then post. */
  send(channel: ChannelState, userId: number, parts: ResponsePart[]): ChatMessage {
    const exempt = channel.ownerId === userId || channel.moderators.has(userId)
    const settings = channel.chatSettings
    const general = settings.mode?.general
    if (!exempt) {
      this.checkAccess(channel, userId)
      if (settings.mode?.only_smiles && parts.some((p) => !('smile' in p) && !('text' in p && p.text.content.trim() === ''))) {
        throw errors.forbidden('Only smiles are allowed in this chat')
      }
      if (general?.is_links_prohibited && parts.some((p) => 'link' in p)) throw errors.forbidden('Links are prohibited in this chat')
      if (general?.is_ru_en_numbers && parts.some((p) => 'text' in p && !RU_EN_NUMBERS.test(p.text.content))) {
        throw errors.forbidden('Only Russian and English letters and digits are allowed in this chat')
      }
      if (general?.is_caps_prohibited) parts = parts.map((p) => ('text' in p ? { text: { content: p.text.content.toLowerCase() } } : p))
    }
    const text = plainText(parts)
    if ([...text].length > this.maxLength()) throw errors.messageTooLong()
    const now = this.nowS()
    const last = channel.lastSent.get(userId)
    if (!exempt && last) {
      if (now - last.atS < settings.any_message_timeout) throw errors.sendTooFast()
      const sameAt = last.history.get(text)
      if (sameAt !== undefined && now - sameAt < settings.same_message_timeout) throw errors.sameMessage()
    }
    const history = last?.history ?? new Map<string, number>()
    history.set(text, now)
    channel.lastSent.set(userId, { atS: now, text, history })
    return this.post(channel, userId, parts)
  }

  private checkAccess(channel: ChannelState, userId: number): void {
    const settings = channel.chatSettings
    const forbidden = (): never => {
      throw errors.forbidden('Sending messages to this chat is forbidden')
    }
    if (settings.allow_access === 'paid_subscribers' && !channel.paidSubscribers.has(userId)) forbidden()
    if (settings.allow_access === 'subscribers') {
      const followedAt = channel.followers.get(userId)
      if (followedAt === undefined && !channel.paidSubscribers.has(userId)) forbidden()
      if (followedAt !== undefined && !channel.paidSubscribers.has(userId) && this.nowS() - followedAt < settings.allow_access_after) forbidden()
    }
  }
}
