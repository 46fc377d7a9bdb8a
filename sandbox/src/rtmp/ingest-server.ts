/**
 * The RTMP ingest: our own `net` server on 127.0.0.1, with node-media-server 4.x's `RtmpSession` doing the
 * RTMP protocol work (handshake, chunking, AMF, publish/play) on each socket.
 *
 * Why not `new NodeMediaServer(...)`: it cannot listen on port 0 (a falsy port means "no RTMP server"),
 * calls `process.exit(1)` when its port is taken, logs to stdout (the CLI's stdout must hold only the
 * SANDBOX line), and reports a publish's end ("donePublish") 30 s late, merging quick re-publishes of the
 * same path. So the sandbox owns the sockets: a publish is authorized by the platform that owns the RTMP
 * application before the library sees it, and its end is the publisher's socket `close` event.
 */
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net'
import { createRequire } from 'node:module'
import type { IngestRegistry, PublishSession } from './registry'

const FLV_AUDIO = 8
const FLV_VIDEO = 9
/** A stream without audio starts once this much video (stream time) has arrived. */
const VIDEO_ONLY_AFTER_MS = 1000

/** The parts of node-media-server's RtmpSession the sandbox uses (the library ships no types). */
interface NmsRtmpSession {
  id: string
  streamApp: string
  streamName: string
  streamQuery: Record<string, unknown> | undefined
  onPush: () => void
  onPacket: (packet: { codec_type: number; codec_id: number; dts: number }) => void
  run: () => void
}
type NmsRtmpSessionClass = new (socket: Socket) => NmsRtmpSession

const require = createRequire(import.meta.url)

let quieted = false
/** node-media-server's logger prints to stdout; send its lines to the sandbox log instead (once per process). */
function loadSession(log: (line: string) => void): NmsRtmpSessionClass {
  if (!quieted) {
    const logger = require('node-media-server/src/core/logger.js') as { log: (message: string, level?: string) => void }
    logger.log = (message, level = 'info') => {
      if (level !== 'trace' && level !== 'debug') log(`nms ${level}: ${message}`)
    }
    quieted = true
  }
  return require('node-media-server/src/session/rtmp_session.js') as NmsRtmpSessionClass
}

/** One publish attempt, for `GET <control>/rtmp/publishes`. */
export interface PublishRecord {
  id: number
  app: string
  name: string
  /** Sandbox clock, ms. */
  at: number
  outcome: 'accepted' | 'refused'
  reason?: string
  /** Set once media arrived. */
  mediaAt?: number
  /** Set when the socket closed. */
  endedAt?: number
  /** FLV audio codec id of the first audio packet (10 = AAC). */
  audioCodec?: number
  /** FLV video codec id of the first video packet (7 = H.264). */
  videoCodec?: number
  /** What the platform noted about the media, e.g. `audio_not_aac` (Kuaishou). */
  flags?: string[]
}

export interface IngestServer {
  listen(port: number): Promise<number>
  publishes(): PublishRecord[]
  /** Close every connection (used by `/reset` and stop). */
  dropAll(): void
  close(): Promise<void>
}

const queryStrings = (query: Record<string, unknown> | undefined): Record<string, string> =>
  Object.fromEntries(Object.entries(query ?? {}).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : Array.isArray(v) && typeof v[0] === 'string' ? [[k, v[0]]] : [])))

export function createIngestServer(deps: { registry: IngestRegistry; now: () => number; log: (line: string) => void }): IngestServer {
  const RtmpSession = loadSession(deps.log)
  const sockets = new Set<Socket>()
  let records: PublishRecord[] = []
  let nextId = 1

  const handle = (socket: Socket): void => {
    sockets.add(socket)
    const session = new RtmpSession(socket)
    const libraryPush = session.onPush
    const libraryPacket = session.onPacket
    let accepted: PublishSession | undefined
    let record: PublishRecord | undefined

    // Replaced before run(): run() hands these to the protocol parser.
    session.onPush = () => {
      const request = { app: session.streamApp, name: session.streamName, query: queryStrings(session.streamQuery) }
      const authorize = deps.registry.authorizer(request.app)
      const decision = authorize ? authorize(request, () => socket.destroy()) : { refuse: `unknown RTMP application: ${request.app}` }
      record = { id: nextId++, app: request.app, name: request.name, at: deps.now(), outcome: 'accept' in decision ? 'accepted' : 'refused' }
      records.push(record)
      if ('refuse' in decision) {
        record.reason = decision.refuse
        deps.log(`rtmp: refused publish /${request.app}/${request.name}: ${decision.refuse}`)
        socket.destroy()
        return
      }
      accepted = decision.accept
      deps.log(`rtmp: publish /${request.app}/${request.name}`)
      libraryPush()
    }
    let refused = false
    // Media "starts" at the first audio packet (or after 1 s of a video-only stream): encoders send the
    // video header first, and the platform must know the audio codec before it opens the live.
    const mediaStarts = (packet: { codec_type: number; dts: number }): void => {
      if (!accepted || !record || record.mediaAt !== undefined) return
      if (packet.codec_type !== FLV_AUDIO && packet.dts < VIDEO_ONLY_AFTER_MS) return
      record.mediaAt = deps.now()
      const verdict = accepted.onMedia({ audio: record.audioCodec, video: record.videoCodec })
      if (verdict && 'flags' in verdict) record.flags = verdict.flags
      if (verdict && 'refuse' in verdict) {
        refused = true
        record.outcome = 'refused'
        record.reason = verdict.refuse
        deps.log(`rtmp: refused publish /${record.app}/${record.name}: ${verdict.refuse}`)
        socket.destroy()
      }
    }
    session.onPacket = (packet) => {
      if (refused) return
      if (accepted && record && (packet.codec_type === FLV_AUDIO || packet.codec_type === FLV_VIDEO)) {
        if (packet.codec_type === FLV_AUDIO) record.audioCodec ??= packet.codec_id
        else record.videoCodec ??= packet.codec_id
        mediaStarts(packet)
        if (refused) return
      }
      libraryPacket(packet)
    }
    // The end of a publish is the socket closing, whatever the library does with its grace window.
    socket.on('close', () => {
      sockets.delete(socket)
      if (record && accepted) {
        record.endedAt = deps.now()
        const ended = accepted
        accepted = undefined
        ended.onEnd()
      }
    })
    session.run()
  }

  const server: Server = createServer(handle)
  return {
    listen: (port) =>
      new Promise((resolve, reject) => {
        server.once('error', reject)
        server.listen(port, '127.0.0.1', () => {
          server.off('error', reject)
          resolve((server.address() as AddressInfo).port)
        })
      }),
    publishes: () => records.map((r) => ({ ...r })),
    dropAll() {
      for (const s of sockets) s.destroy()
      records = []
    },
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      })
  }
}
