/**
 * How platform modules take part in the RTMP ingest without knowing about it: each registers an RTMP
 * application name (`gifshow` for Kuaishou, `vk` for VK) with a function that accepts or refuses a publish.
 * The registry lives in `ctx.shared`, so modules can register in any start order.
 */
import type { SandboxContext } from '../core/platform'

export interface PublishRequest {
  /** RTMP application, the first path segment (`gifshow`). */
  app: string
  /** Stream name without the query (`<liveStreamName>`). */
  name: string
  query: Record<string, string>
}

/** FLV codec ids of the first audio and video packets (audio 10 = AAC, 2 = MP3; video 7 = H.264). */
export interface MediaCodecs {
  audio?: number
  video?: number
}

/** A platform's answer to the media: drop the publish (it counts as refused), or note flags on its record. */
export type MediaVerdict = { refuse: string } | { flags: string[] } | undefined

/** What the platform is told about an accepted publish. */
export interface PublishSession {
  /**
   * Media started: the first audio packet arrived, or a stream without audio has sent 1 s of video —
   * so the audio codec is known when the platform decides.
   */
  onMedia(codecs: MediaCodecs): MediaVerdict
  /** The publisher's socket closed (for whatever reason, including `drop()`). */
  onEnd(): void
}

export type PublishDecision = { accept: PublishSession } | { refuse: string }

/** `drop()` closes the publisher's connection (e.g. on `stopPush`). */
export type PublishAuthorizer = (request: PublishRequest, drop: () => void) => PublishDecision

export interface IngestRegistry {
  register(app: string, authorize: PublishAuthorizer): void
  authorizer(app: string): PublishAuthorizer | undefined
}

const KEY = 'rtmpIngest'
export const RTMP_PORT_KEY = 'rtmpPort'

export function ingestRegistry(ctx: Pick<SandboxContext, 'shared'>): IngestRegistry {
  const existing = ctx.shared.get(KEY) as IngestRegistry | undefined
  if (existing) return existing
  const apps = new Map<string, PublishAuthorizer>()
  const registry: IngestRegistry = {
    register: (app, authorize) => void apps.set(app, authorize),
    authorizer: (app) => apps.get(app)
  }
  ctx.shared.set(KEY, registry)
  return registry
}

/** The ingest's port once the RTMP module listens (before that: the configured port, or 1935). */
export function rtmpPort(ctx: Pick<SandboxContext, 'shared' | 'options'>): number {
  return (ctx.shared.get(RTMP_PORT_KEY) as number | undefined) ?? (ctx.options.ports.rtmp || 1935)
}
