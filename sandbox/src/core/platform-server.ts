/**
 * The Fastify app every platform server is built on: body parsing (JSON, form, multipart), the request
 * log, fault injection, and platform-shaped error bodies for parser errors and unknown routes.
 */
import formbody from '@fastify/formbody'
import multipart, { type Multipart } from '@fastify/multipart'
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import type { SandboxClock } from './clock'
import type { FaultRegistry } from './faults'
import type { RequestLog } from './request-log'

export interface UploadedFile {
  field: string
  filename: string
  contentType: string
  data: Buffer
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Files of a multipart body (its text fields become `request.body`). */
    uploads: UploadedFile[]
  }
}

export interface ErrorReply {
  status: number
  body: unknown
}

export interface PlatformServerOptions {
  /** Body for a parser/framework error with this HTTP status (bad JSON, unsupported content type…). */
  errorReply?: (status: number) => ErrorReply
  /** Body for an injected fault with this status when the fault gives no `result`. */
  faultBody?: (status: number) => unknown
  /** Answer for a path no route serves. */
  notFound?: (request: FastifyRequest, reply: FastifyReply) => unknown
  /**
   * A fault with a `result` and no `status` is answered here with this status and the result as the body.
   * Leave it unset when the module answers such faults itself, in its own envelope (Kuaishou, after its checks).
   */
  resultOnlyStatus?: number
}

interface Deps {
  clock: SandboxClock
  requests: RequestLog
  faults: FaultRegistry
}

const MAX_UPLOAD = 32 * 1024 * 1024

export function createPlatformServer(deps: Deps, platform: string, options: PlatformServerOptions = {}): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: 4 * 1024 * 1024, forceCloseConnections: true })
  app.decorateRequest('uploads', null as unknown as UploadedFile[])
  app.addHook('onRequest', (request, _reply, done) => {
    request.uploads = []
    done()
  })
  acceptEmptyJson(app)
  void app.register(formbody)
  void app.register(multipart, { attachFieldsToBody: true, limits: { fileSize: MAX_UPLOAD, files: 8, fieldSize: 1024 * 1024 } })

  const logged = new WeakSet<FastifyRequest>()
  const record = (request: FastifyRequest): void => {
    if (logged.has(request)) return
    logged.add(request)
    deps.requests.record({
      at: deps.clock.now(),
      platform,
      method: request.method,
      path: request.url.split('?')[0] ?? '/',
      query: { ...(request.query as Record<string, unknown>) },
      headers: { ...request.headers },
      body: request.body ?? null,
      files: request.uploads.map((f) => ({ field: f.field, filename: f.filename, size: f.data.length, contentType: f.contentType }))
    })
  }

  app.addHook('preHandler', async (request, reply) => {
    if (request.isMultipart()) await flattenMultipart(request)
    record(request)
    const path = request.url.split('?')[0] ?? '/'
    if (options.resultOnlyStatus !== undefined) {
      const forced = deps.faults.takeResult(platform, request.method, path)
      if (forced) return reply.code(options.resultOnlyStatus).send(forced.result)
    }
    const fault = deps.faults.take(platform, request.method, path)
    if (!fault) return
    if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs))
    if (fault.reset) {
      // Drop the connection mid-request, as a flaky network or a crashed upstream would.
      reply.hijack()
      request.raw.socket.destroy()
      return reply
    }
    if (fault.status !== undefined) {
      const body = fault.result !== undefined ? fault.result : (options.faultBody?.(fault.status) ?? { error: 'fault' })
      return reply.code(fault.status).send(body)
    }
  })
  // Requests that failed before preHandler (bad JSON, oversized body) are logged too.
  app.addHook('onResponse', (request, _reply, done) => {
    record(request)
    done()
  })

  app.setErrorHandler((error: { statusCode?: number }, _request, reply) => {
    const status = error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500
    const answer = options.errorReply?.(status) ?? { status, body: { error: status >= 500 ? 'internal_server_error' : 'bad_request' } }
    return reply.code(answer.status).send(answer.body)
  })
  if (options.notFound) app.setNotFoundHandler(options.notFound)
  return app
}

/** JSON parser that reads an empty body as "no body" (clients POST `{}` or nothing to body-less methods). */
function acceptEmptyJson(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8')
    if (text.trim() === '') return done(null, undefined)
    try {
      done(null, JSON.parse(text))
    } catch {
      done(Object.assign(new Error('invalid JSON'), { statusCode: 400 }), undefined)
    }
  })
}

/** Multipart parts → `request.body` of text fields and `request.uploads` of files. */
async function flattenMultipart(request: FastifyRequest): Promise<void> {
  const fields: Record<string, string> = {}
  const parts = Object.values((request.body ?? {}) as Record<string, Multipart | Multipart[]>).flat()
  for (const part of parts) {
    if (part.type === 'field') fields[part.fieldname] = asUtf8(String(part.value))
    else
      request.uploads.push({
        field: part.fieldname,
        filename: part.filename,
        contentType: part.mimetype,
        data: await part.toBuffer()
      })
  }
  request.body = fields
}

/**
 * Text parts are read as UTF-8 whatever charset they declare (Kuaishou reference §8.1; the official Java
 * SDK sends Chinese captions as UTF-8). busboy decodes by the declared charset and does not pass it on, so
 * a UTF-8 text declared as latin1 arrives as mojibake: every character ≤ U+00FF and the same bytes valid
 * UTF-8. Such a value is read again as UTF-8; a real latin1-range text (e.g. `café` decoded properly) is
 * not valid UTF-8 as bytes and stays as it is.
 */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true })
function asUtf8(value: string): string {
  if (!/[\u0080-\u00ff]/.test(value) || [...value].some((c) => c.charCodeAt(0) > 0xff)) return value
  try {
    return strictUtf8.decode(Buffer.from(value, 'latin1'))
  } catch {
    return value
  }
}
