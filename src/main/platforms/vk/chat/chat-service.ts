/**
 * The VK live chat of one channel at a time: backlog from `GET /v1/chat/messages`, live pushes over
 * pubsub, polling of the same method while the websocket cannot connect, de-duplication by message id,
 * a 1000-line buffer, batches to the renderer every 16 ms, sending, members, member card, and the chat
 * settings for owners and moderators.
 */
import type {
  VkChatLine,
  VkChatSend,
  VkChatSettingsView,
  VkChatStatus,
  VkChatTransport,
  VkMemberCard,
  VkMemberView,
  VkSendState,
  VkChatBatch
} from '../../../../shared/ipc/domain'
import { z } from 'zod'
import { AppError, isAppError } from '../../../errors'
import type { Clock } from '../../../ports/clock'
import type { Logger } from '../../../ports/logger'
import type { VkAccountService } from '../account-service'
import { isLiveStream, type VkChannelService } from '../channel-service'
import {
  chatMessagesSchema,
  chatSettingsResponseSchema,
  deleteEventDataSchema,
  messageEventDataSchema,
  pubsubEventSchema,
  type ChannelResponse,
  type VkChatSettings
} from '../schemas'
import { ChatBatcher } from './batcher'
import { ChatSender } from './chat-sender'
import { settingsBody, settingsView } from './chat-settings'
import { fetchMemberCard, fetchMembers } from './members'
import type { ImageUrlOf } from '../../../services/images/image-url'
import { LineBuffer } from './line-buffer'
import { messageView, systemLine } from './normalize'
import { createPubsubLink, type PubsubLink } from './pubsub-link'

export interface VkChatServiceDeps {
  readonly account: VkAccountService
  readonly channel: VkChannelService
  readonly imageUrl: ImageUrlOf
  readonly pubsubUrl: () => string
  readonly clock: Clock
  readonly logger: Logger
  readonly emitBatch: (batch: VkChatBatch) => void
  readonly emitStatus: (status: VkChatStatus) => void
  readonly emitSendState: (state: VkSendState) => void
  /** Polling period of the fallback. */
  readonly pollIntervalMs?: number
  /** How long the websocket may fail to connect before polling starts. */
  readonly fallbackAfterMs?: number
  /** How often the channel is re-read to notice a stream starting or ending (VK pushes no such event). */
  readonly streamCheckMs?: number
  readonly reconnectDelayMs?: { min: number; max: number }
}

export interface VkChatService {
  open(channelUrl?: string): Promise<VkChatStatus>
  close(): void
  status(): VkChatStatus
  lines(): readonly VkChatLine[]
  send(message: VkChatSend): Promise<VkSendState>
  members(): Promise<VkMemberView[]>
  member(userId: number): Promise<VkMemberCard>
  getSettings(): Promise<VkChatSettingsView>
  editSettings(settings: VkChatSettingsView): Promise<VkChatSettingsView>
}

const BACKLOG_LIMIT = 100

interface Session {
  readonly channelUrl: string
  streamId: string | null
  canModerate: boolean
  slowModeS: number
  transport: VkChatTransport
  link: PubsubLink | null
  pollTimer: { cancel(): void } | null
  fallbackTimer: { cancel(): void } | null
  streamTimer: { cancel(): void } | null
  everConnected: boolean
}

export function createVkChatService(deps: VkChatServiceDeps): VkChatService {
  const { account, clock, logger } = deps
  const buffer = new LineBuffer()
  const batcher = new ChatBatcher(clock, deps.emitBatch)
  let session: Session | null = null
  let systemSeq = 0
  let myId: number | null = null

  const status = (): VkChatStatus => ({
    channelUrl: session?.channelUrl ?? null,
    transport: session?.transport ?? 'idle',
    streamId: session?.streamId ?? null,
    canModerate: session?.canModerate ?? false
  })
  const setTransport = (s: Session, transport: VkChatTransport) => {
    if (session !== s || s.transport === transport) return
    s.transport = transport
    deps.emitStatus(status())
  }

  const addMessages = (raws: readonly unknown[]): number => {
    let added = 0
    for (const raw of raws) {
      const line = messageView(raw, myId, clock.now(), deps.imageUrl)
      if (!line) continue
      const stored = buffer.add(line)
      if (stored) {
        batcher.push(stored)
        added++
      }
    }
    return added
  }

  const fetchMessages = async (channelUrl: string): Promise<unknown[]> => {
    // The user's token, not the app's: VK includes the user's own private messages only then.
    const { data } = await account.userApi.call({
      method: 'GET',
      path: '/v1/chat/messages',
      query: { channel_url: channelUrl, limit: BACKLOG_LIMIT },
      schema: chatMessagesSchema
    })
    return data.chat_messages ?? []
  }

  const onPublication = (s: Session, data: unknown): void => {
    if (session !== s) return
    const event = pubsubEventSchema.safeParse(data)
    if (!event.success) return void logger.debug('VK pubsub: unexpected publication')
    const { type } = event.data
    if (type === 'channel_chat_message_send') {
      const payload = messageEventDataSchema.safeParse(event.data.data)
      if (payload.success) addMessages([payload.data.chat_message])
      return
    }
    if (type === 'channel_chat_message_delete') {
      const payload = deleteEventDataSchema.safeParse(event.data.data)
      if (payload.success) {
        buffer.markDeleted(payload.data.chat_message.id)
        batcher.pushDeleted(payload.data.chat_message.id)
      }
      return
    }
    const line = systemLine(type, event.data.data, clock.now(), systemSeq++)
    if (line) batcher.push(buffer.add(line) ?? line)
    else logger.debug('VK pubsub: event ignored', { type })
  }

  const poll = (s: Session): void => {
    s.pollTimer = null
    if (session !== s || s.transport === 'live') return
    fetchMessages(s.channelUrl)
      .then((raws) => session === s && addMessages(raws))
      .catch((e: unknown) => logger.warn('VK chat polling failed', { error: isAppError(e) ? e.code : 'error' }))
      .finally(() => {
        if (session === s && s.transport === 'polling') s.pollTimer = clock.setTimeout(() => poll(s), deps.pollIntervalMs ?? 3000)
      })
  }

  const startPolling = (s: Session): void => {
    if (session !== s || s.transport === 'polling' || s.transport === 'live') return
    setTransport(s, 'polling')
    poll(s)
  }

  const armFallback = (s: Session): void => {
    s.fallbackTimer?.cancel()
    s.fallbackTimer = clock.setTimeout(() => startPolling(s), deps.fallbackAfterMs ?? 10_000)
  }

  const onConnected = (s: Session): void => {
    if (session !== s) return
    s.fallbackTimer?.cancel()
    s.pollTimer?.cancel()
    s.pollTimer = null
    const reconnect = s.everConnected
    s.everConnected = true
    setTransport(s, 'live')
    // Messages sent while the link was down come from the backlog (duplicates are dropped).
    if (reconnect) {
      fetchMessages(s.channelUrl)
        .then((raws) => session === s && addMessages(raws))
        .catch((e: unknown) => logger.warn('VK chat backlog failed', { error: isAppError(e) ? e.code : 'error' }))
    }
  }

  const onDisconnected = (s: Session, code: number, willReconnect: boolean): void => {
    if (session !== s) return
    logger.info('VK pubsub disconnected', { code, willReconnect })
    if (willReconnect) {
      setTransport(s, 'connecting')
      armFallback(s)
    } else {
      s.link?.stop()
      s.link = null
      // VK closed for good (e.g. 3500 invalid token): keep the chat readable by polling.
      setTransport(s, 'connecting')
      startPolling(s)
    }
  }

  const channelBundle = (channelUrl: string): Promise<ChannelResponse> => deps.channel.fetchBundle(channelUrl)

  const liveStreamId = (bundle: ChannelResponse): string | null => {
    const stream = bundle.stream ?? bundle.streams?.find(isLiveStream) ?? null
    return isLiveStream(stream) ? stream.id : null
  }

  const setStreamId = (s: Session, streamId: string | null): void => {
    if (session !== s || s.streamId === streamId) return
    s.streamId = streamId
    deps.emitStatus(status())
  }

  const checkStream = (s: Session): void => {
    s.streamTimer = null
    if (session !== s) return
    channelBundle(s.channelUrl)
      .then((bundle) => setStreamId(s, liveStreamId(bundle)))
      .catch((e: unknown) => logger.debug('VK stream check failed', { error: isAppError(e) ? e.code : 'error' }))
      .finally(() => {
        if (session === s) s.streamTimer = clock.setTimeout(() => checkStream(s), deps.streamCheckMs ?? 30_000)
      })
  }

  const close = (): void => {
    const s = session
    session = null
    if (!s) return
    s.link?.stop()
    s.pollTimer?.cancel()
    s.fallbackTimer?.cancel()
    s.streamTimer?.cancel()
    batcher.dispose()
    buffer.clear()
    deps.emitStatus(status())
  }

  const requireSession = (): Session => {
    if (!session) throw new AppError('not_found', 'the VK chat is not open', 'chat_closed')
    return session
  }

  const sender = new ChatSender({
    api: account.userApi,
    clock,
    slowModeS: () => session?.slowModeS ?? 0,
    onState: deps.emitSendState,
    async target() {
      const s = requireSession()
      // It may have gone live since the chat opened.
      if (s.streamId === null) setStreamId(s, liveStreamId(await channelBundle(s.channelUrl)))
      return { channelUrl: s.channelUrl, streamId: s.streamId }
    },
    streamGone() {
      // VK says the stream is over: the next send (or check) reads the channel again.
      if (session) setStreamId(session, null)
    }
  })

  const settingsFor = async (channelUrl: string): Promise<VkChatSettings> =>
    (await account.userApi.call({ method: 'GET', path: '/v1/chat/settings', query: { channel_url: channelUrl }, schema: chatSettingsResponseSchema })).data.chat_settings

  const startSession = async (s: Session, bundle: ChannelResponse): Promise<void> => {
    const url = s.channelUrl
    const backlog = await fetchMessages(url)
    if (session !== s) return
    addMessages(backlog)
    batcher.replaceAll(buffer.all())
    // Moderators can read the settings too; knowing slow mode lets the limiter respect it.
    settingsFor(url)
      .then((settings) => {
        if (session !== s) return
        s.canModerate = true
        s.slowModeS = settings.any_message_timeout
        deps.emitStatus(status())
      })
      .catch(() => {})
    const ws = bundle.channel.web_socket_channels ?? {}
    s.link = createPubsubLink({
      url: deps.pubsubUrl(),
      api: account.userApi,
      logger,
      publicChannels: [ws.chat, ws.info].filter((c): c is string => !!c),
      tokenChannels: [ws.private_chat, ws.limited_chat].filter((c): c is string => !!c),
      onPublication: (_channel, data) => onPublication(s, data),
      onConnected: () => onConnected(s),
      onDisconnected: (code, willReconnect) => onDisconnected(s, code, willReconnect),
      ...(deps.reconnectDelayMs ? { minReconnectDelayMs: deps.reconnectDelayMs.min, maxReconnectDelayMs: deps.reconnectDelayMs.max } : {})
    })
    armFallback(s)
    s.streamTimer = clock.setTimeout(() => checkStream(s), deps.streamCheckMs ?? 30_000)
    const link = s.link
    try {
      await link.start()
    } catch (e) {
      if (session !== s) return
      logger.warn('VK pubsub could not start; polling', { error: isAppError(e) ? e.code : 'error' })
      s.link = null
      startPolling(s)
    }
    // Closed while the link was starting: do not leave a websocket behind.
    if (session !== s) link.stop()
  }

  return {
    status,
    lines: () => buffer.all(),
    close,
    async open(channelUrl) {
      const me = await account.view()
      if (me.state === 'disconnected') throw new AppError('not_connected', 'VK is not connected')
      const url = channelUrl ?? me.channelUrl
      if (!url) throw new AppError('not_found', 'this VK account has no channel', 'no_channel')
      close()
      myId = me.user?.id ?? null
      const bundle = await channelBundle(url)
      const s: Session = {
        channelUrl: url,
        streamId: liveStreamId(bundle),
        canModerate: bundle.owner?.id !== undefined && bundle.owner.id === myId,
        slowModeS: 0,
        transport: 'connecting',
        link: null,
        pollTimer: null,
        fallbackTimer: null,
        streamTimer: null,
        everConnected: false
      }
      session = s
      try {
        await startSession(s, bundle)
      } catch (e) {
        // Half-open is worse than closed: the renderer retries `open`.
        if (session === s) close()
        throw e
      }
      deps.emitStatus(status())
      return status()
    },
    send: (message) => sender.send(message),
    members: () => fetchMembers(account.appApi, requireSession().channelUrl, deps.imageUrl),
    member: (userId) => fetchMemberCard(account.appApi, requireSession().channelUrl, userId, deps.imageUrl),
    async getSettings() {
      const s = requireSession()
      const settings = await settingsFor(s.channelUrl)
      s.slowModeS = settings.any_message_timeout
      return settingsView(settings)
    },
    async editSettings(view) {
      const s = requireSession()
      await account.userApi.call({
        method: 'POST',
        path: '/v1/chat/settings/edit',
        query: { channel_url: s.channelUrl },
        body: { chat_settings: settingsBody(view) },
        schema: z.object({}).loose()
      })
      const settings = await settingsFor(s.channelUrl)
      s.slowModeS = settings.any_message_timeout
      return settingsView(settings)
    }
  }
}
