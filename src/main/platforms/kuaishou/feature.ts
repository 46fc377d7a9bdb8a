/**
 * Kuaishou wired together for the composition root: client, account, live, the `kuaishou.*` IPC
 * handlers and events. `start()` restores a stored live (crash recovery) and re-reads its status.
 */
import type { EventHub } from '../../ipc/events'
import type { Handlers } from '../../ipc/router'
import type { Cipher } from '../../ports/cipher'
import type { MainServices } from '../../app/compose'
import { createKuaishouAccount, KUAISHOU_ACCOUNT, type KuaishouAccount } from './account-service'
import { createKuaishouClient, type KuaishouClient } from './api-client'
import { createKuaishouLive, type KuaishouLive } from './live-service'
import { createLiveStore } from './live-store'

type KuaishouChannel = Extract<keyof Handlers, `kuaishou.${string}`>

export interface KuaishouFeatureDeps {
  readonly services: MainServices
  readonly events: EventHub
  readonly dataDir: string
  readonly cipher: Cipher
  /** For tests: waits between stopPush attempts. */
  readonly stopRetryDelaysMs?: readonly number[]
}

export interface KuaishouFeature {
  readonly handlers: Pick<Handlers, KuaishouChannel>
  readonly client: KuaishouClient
  readonly account: KuaishouAccount
  readonly live: KuaishouLive
  start(): Promise<void>
  dispose(): Promise<void>
}

export function createKuaishouFeature(deps: KuaishouFeatureDeps): KuaishouFeature {
  const { services, events } = deps
  const { logger, clock } = services
  const client = createKuaishouClient({ fetch: services.fetch, openBase: () => services.endpoints.kuaishou.openBase, clock })
  const account = createKuaishouAccount({
    settings: services.settings,
    vault: services.vault,
    authWindow: services.authWindow,
    endpoints: () => services.endpoints.kuaishou,
    authHosts: () => services.endpoints.authHosts.kuaishou,
    client,
    clock,
    logger,
    imageUrl: services.imageUrl
  })
  const live = createKuaishouLive({
    account,
    client,
    store: createLiveStore({ dataDir: deps.dataDir, cipher: deps.cipher, logger }),
    sensitive: services.sensitive,
    clock,
    logger,
    notifier: services.notifier,
    language: () => services.settings.view().language,
    onLive: (view) => events.emit('kuaishou.live', view),
    onUploadProgress: (progress) => events.emit('kuaishou.uploadProgress', progress),
    stopRetryDelaysMs: deps.stopRetryDelaysMs
  })

  const announceAccount = () =>
    void account.view().then(
      (view) => events.emit('kuaishou.account', view),
      (error: unknown) => logger.warn('kuaishou account view failed', { error })
    )
  const stopVaultEvents = services.vault.onStateChange((name, state) => {
    if (name !== KUAISHOU_ACCOUNT) return
    announceAccount()
    // Back from "Reconnect": the live's status can be read again.
    if (state === 'connected' && live.view()?.pollError) void live.refresh()
  })

  const handlers: Pick<Handlers, KuaishouChannel> = {
    'kuaishou.connect': async () => {
      const view = await account.connect()
      void live.refresh()
      return view
    },
    'kuaishou.disconnect': () => account.disconnect(),
    'kuaishou.getAccount': () => account.view(),
    'kuaishou.createLive': (input) => live.create(input),
    'kuaishou.getLive': () => live.view(),
    'kuaishou.refreshLive': () => live.refresh(),
    'kuaishou.stopLive': () => live.stop(),
    'kuaishou.dismissLive': () => live.dismiss()
  }

  return {
    handlers,
    client,
    account,
    live,
    async start() {
      try {
        await live.restore()
      } catch (error) {
        logger.error('could not restore the Kuaishou live', { error })
      }
    },
    dispose() {
      stopVaultEvents()
      return live.dispose()
    }
  }
}
