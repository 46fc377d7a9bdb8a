/** Builds the VK services on a harness's app services, the way compose.ts does, recording chat events. */
import type { VkChatBatch, VkChatStatus, VkSendState } from '../../../../shared/ipc/domain'
import { createVkAccountService } from '../account-service'
import { createVkChannelService } from '../channel-service'
import { createVkChatService, type VkChatServiceDeps } from '../chat/chat-service'
import type { Harness } from './sandbox-harness'

export interface ChatRecord {
  batches: VkChatBatch[]
  /** Wall-clock time each batch was emitted (same index as `batches`). */
  batchAt: number[]
  statuses: VkChatStatus[]
  sendStates: VkSendState[]
}

export function vkServicesFor(h: Harness, chatOptions: Partial<VkChatServiceDeps> = {}) {
  const s = h.app.services
  const account = createVkAccountService({
    vault: s.vault,
    settings: s.settings,
    endpoints: () => s.endpoints.vk,
    authHosts: () => s.endpoints.authHosts.vk,
    authWindow: s.authWindow,
    fetch: s.fetch,
    clock: s.clock,
    logger: s.logger,
    imageUrl: s.imageUrl
  })
  const channel = createVkChannelService({ account, sensitive: s.sensitive, imageUrl: s.imageUrl })
  const record: ChatRecord = { batches: [], batchAt: [], statuses: [], sendStates: [] }
  const chat = createVkChatService({
    account,
    channel,
    imageUrl: s.imageUrl,
    pubsubUrl: () => s.endpoints.vk.pubsubUrl,
    clock: s.clock,
    logger: s.logger,
    emitBatch: (b) => void (record.batches.push(b), record.batchAt.push(Date.now())),
    emitStatus: (st) => record.statuses.push(st),
    emitSendState: (st) => record.sendStates.push(st),
    reconnectDelayMs: { min: 20, max: 200 },
    ...chatOptions
  })
  return { account, channel, chat, record }
}
