/**
 * The RTMP ingest as a sandbox module: listens on `rtmp.port` (`SANDBOX_RTMP_PORT`, 0 = a free port),
 * shares the port with the platform modules (their push URLs and credentials point at it), and lists
 * publish attempts under `GET <control>/rtmp/publishes` for tests and demos.
 */
import type { PlatformFactory } from '../core/platform'
import { createIngestServer, type IngestServer } from './ingest-server'
import { ingestRegistry, RTMP_PORT_KEY } from './registry'

export const createRtmpModule: PlatformFactory = (ctx) => {
  const registry = ingestRegistry(ctx)
  let ingest: IngestServer | undefined
  let port = 0

  return {
    name: 'rtmp',
    async start() {
      ingest = createIngestServer({ registry, now: () => ctx.clock.now(), log: (line) => ctx.log(line) })
      port = await ingest.listen(ctx.options.ports.rtmp)
      ctx.shared.set(RTMP_PORT_KEY, port)
      ctx.log(`rtmp ingest rtmp://127.0.0.1:${port}`)
    },
    config: () => ({ sections: { rtmp: { port } } }),
    registerControl(control) {
      control.get('/rtmp/publishes', () => ingest?.publishes() ?? [])
    },
    reset: () => ingest?.dropAll(),
    async stop() {
      await ingest?.close()
    }
  }
}
