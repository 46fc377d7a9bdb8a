/** Builds the VK services on a harness's app services, the way compose.ts does. */
import { createVkAccountService } from '../account-service'
import { createVkChannelService } from '../channel-service'
import type { Harness } from './sandbox-harness'

export function vkServicesFor(h: Harness) {
  const s = h.app.services
  const account = createVkAccountService({
    vault: s.vault,
    settings: s.settings,
    endpoints: () => s.endpoints.vk,
    authHosts: () => s.endpoints.authHosts.vk,
    authWindow: s.authWindow,
    fetch: s.fetch,
    clock: s.clock,
    logger: s.logger
  })
  const channel = createVkChannelService({ account, sensitive: s.sensitive })
  return { account, channel }
}
