/** The OBS hand-off as a feature: the service plus its `obs.*` IPC handlers and `obs.status` event. */
import type { EventHub } from '../../ipc/events'
import type { Handlers } from '../../ipc/router'
import type { SettingsStore } from '../../ports/settings-store'
import type { SettingsDocument } from '../../settings/schema'
import type { MainServices } from '../../app/compose'
import { createObsService, type ObsService, type ObsTimeouts } from './obs-service'

export type ObsChannel = 'obs.getStatus' | 'obs.updateSettings' | 'obs.connect' | 'obs.disconnect' | 'obs.sendStream' | 'obs.startStream' | 'obs.stopStream'

export interface ObsFeature {
  readonly service: ObsService
  readonly handlers: Pick<Handlers, ObsChannel>
  dispose(): Promise<void>
}

export function createObsFeature(deps: {
  readonly services: MainServices
  readonly store: SettingsStore<SettingsDocument>
  readonly events: EventHub
  readonly timeouts?: Partial<ObsTimeouts>
}): ObsFeature {
  const { services } = deps
  const service = createObsService({
    store: deps.store,
    settings: services.settings,
    sensitive: services.sensitive,
    clock: services.clock,
    logger: services.logger,
    onStatus: (view) => deps.events.emit('obs.status', view),
    ...(deps.timeouts ? { timeouts: deps.timeouts } : {})
  })
  return {
    service,
    handlers: {
      'obs.getStatus': () => service.status(),
      'obs.updateSettings': (settings) => service.updateSettings(settings),
      'obs.connect': () => service.connect(),
      'obs.disconnect': () => service.disconnect(),
      'obs.sendStream': ({ ref }) => service.sendStream(ref),
      'obs.startStream': () => service.startStream(),
      'obs.stopStream': () => service.stopStream()
    },
    dispose: () => service.dispose()
  }
}
