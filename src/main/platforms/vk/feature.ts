/**
 * VK Video Live wired together for the composition root: account, channel, chat, the `vk.*` and
 * `vkChat.*` IPC handlers and events. `start()` checks a stored token (`GET /v1/token`) in the
 * background; signing out or losing the sign-in closes the chat and forgets the RTMP credentials.
 */
import type { MainServices } from '../../app/compose'
import type { EventHub } from '../../ipc/events'
import type { Handlers } from '../../ipc/router'
import { createVkAccountService, type VkAccountService } from './account-service'
import { createVkChannelService, type VkChannelService } from './channel-service'
import { createVkChatService, type VkChatService, type VkChatServiceDeps } from './chat/chat-service'

type VkChannelName = Extract<keyof Handlers, `vk.${string}` | `vkChat.${string}`>

export interface VkFeatureDeps {
  readonly services: MainServices
  readonly events: EventHub
  /** For tests: chat timings. */
  readonly chat?: Pick<VkChatServiceDeps, 'pollIntervalMs' | 'fallbackAfterMs' | 'reconnectDelayMs'>
}

export interface VkFeature {
  readonly handlers: Pick<Handlers, VkChannelName>
  readonly account: VkAccountService
  readonly channel: VkChannelService
  readonly chat: VkChatService
  /** Checks the stored token without blocking start-up. */
  start(): void
  dispose(): void
}

export function createVkFeature(deps: VkFeatureDeps): VkFeature {
  const { services, events } = deps
  const { logger, clock } = services
  const account = createVkAccountService({
    vault: services.vault,
    settings: services.settings,
    endpoints: () => services.endpoints.vk,
    authHosts: () => services.endpoints.authHosts.vk,
    authWindow: services.authWindow,
    fetch: services.fetch,
    clock,
    logger,
    imageUrl: services.imageUrl
  })
  const channel = createVkChannelService({ account, sensitive: services.sensitive, imageUrl: services.imageUrl })
  const chat = createVkChatService({
    account,
    channel,
    imageUrl: services.imageUrl,
    pubsubUrl: () => services.endpoints.vk.pubsubUrl,
    clock,
    logger,
    emitBatch: (batch) => events.emit('vkChat.batch', batch),
    emitStatus: (status) => events.emit('vkChat.status', status),
    emitSendState: (state) => events.emit('vkChat.sendState', state),
    ...deps.chat
  })

  let userId: number | null = null
  const stopAccountEvents = account.onChange((view) => {
    events.emit('vk.account', view)
    // Signed out, lost, or now someone else: nothing of the old session stays open.
    const switched = userId !== null && view.user?.id !== userId
    userId = view.user?.id ?? null
    if (view.state !== 'connected' || switched) {
      chat.close()
      channel.forgetCredentials()
    }
  })

  const handlers: Pick<Handlers, VkChannelName> = {
    'vk.getAccount': () => account.view(),
    'vk.connect': () => account.connect(),
    'vk.disconnect': () => account.disconnect(),
    'vk.getChannel': () => channel.getChannel(),
    'vk.searchCategories': ({ query, type }) => channel.searchCategories(query, type),
    'vk.editStream': (edit) => channel.editStream(edit),
    'vk.getCredentials': (input) => channel.getCredentials(input?.slotUrl),
    'vkChat.open': (input) => chat.open(input?.channelUrl),
    'vkChat.close': () => {
      chat.close()
      return null
    },
    'vkChat.getStatus': () => chat.status(),
    'vkChat.getLines': () => chat.lines(),
    'vkChat.send': (message) => chat.send(message),
    'vkChat.getMembers': () => chat.members(),
    'vkChat.getMember': ({ userId }) => chat.member(userId),
    'vkChat.getSettings': () => chat.getSettings(),
    'vkChat.editSettings': (settings) => chat.editSettings(settings)
  }

  return {
    handlers,
    account,
    channel,
    chat,
    start() {
      void account.checkStoredToken().catch((error: unknown) => logger.warn('VK start-up token check failed', { error }))
    },
    dispose() {
      stopAccountEvents()
      chat.close()
      account.dispose()
    }
  }
}
