/**
 * The one wrapper every IPC handler goes through. It is transport-free: the Electron adapter and the
 * browser host both feed it `(channel, rawInput, sender)` and send back the Result it returns.
 *
 * Order of checks: known channel → trusted sender → input parsed by the channel's zod schema →
 * handler. Errors never carry exception text across the boundary (it can hold URLs with secrets):
 * `AppError`s pass with their vetted message, anything else becomes `internal` and is only logged.
 */
import type { z } from 'zod'
import {
  invokeChannels,
  invokeChannelNames,
  type InvokeChannel,
  type ParsedInputOf,
  type ResultOf
} from '../../shared/ipc/contract'
import { fail, ok, type Result } from '../../shared/ipc/result'
import { isAppError } from '../errors'
import type { Logger } from '../ports/logger'
import { originOf } from './sender-policy'

export type Handler<C extends InvokeChannel> = (input: ParsedInputOf<C>) => Promise<ResultOf<C>> | ResultOf<C>
export type Handlers = { [C in InvokeChannel]: Handler<C> }

/** Who sent an invoke: the frame's URL, whether it is the top frame, and its webContents (null off Electron). */
export interface SenderInfo {
  url: string
  isTopFrame: boolean
  webContentsId: number | null
}

export interface SenderPolicy {
  allows(sender: SenderInfo): boolean
}

export interface IpcRouter {
  readonly channels: readonly InvokeChannel[]
  dispatch(channel: string, rawInput: unknown, sender: SenderInfo): Promise<Result<unknown>>
}

const isInvokeChannel = (name: string): name is InvokeChannel => Object.hasOwn(invokeChannels, name)

/** A path segment safe to echo: identifiers and indexes only (keys of a record come from the caller). */
const safeSegment = (key: PropertyKey): string =>
  typeof key === 'number' || (typeof key === 'string' && /^[A-Za-z0-9_]{1,40}$/.test(key)) ? String(key) : '?'

/** "invalid input at vk.clientId (invalid_format); value (too_small)" — paths and issue kinds, never values. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const parts = issues.slice(0, 5).map((issue) => {
    const path = issue.path.map(safeSegment).join('.')
    return `${path === '' ? '(input)' : path} (${issue.code})`
  })
  const more = issues.length > 5 ? `; +${issues.length - 5} more` : ''
  return `invalid input at ${parts.join('; ')}${more}`
}

export function createRouter(handlers: Handlers, policy: SenderPolicy, logger: Logger): IpcRouter {
  const run = async (channel: InvokeChannel, rawInput: unknown): Promise<Result<unknown>> => {
    const parsed = invokeChannels[channel].input.safeParse(rawInput)
    if (!parsed.success) return fail('invalid_input', describeIssues(parsed.error.issues))
    // The mapped type guarantees handlers[channel] takes this channel's parsed input.
    const handler = handlers[channel] as (input: unknown) => unknown
    try {
      return ok(await handler(parsed.data))
    } catch (e) {
      if (isAppError(e)) return { ok: false, error: e.toIpcError() }
      logger.error('ipc handler failed', { channel, error: e instanceof Error ? (e.stack ?? e.message) : String(e) })
      return fail('internal', 'internal error')
    }
  }

  return {
    channels: invokeChannelNames,
    async dispatch(channel, rawInput, sender) {
      if (!isInvokeChannel(channel)) return fail('unknown_channel', 'unknown channel')
      if (!policy.allows(sender)) {
        logger.warn('ipc sender refused', {
          channel,
          // Origin only: the path and query of a URL can hold secrets.
          origin: originOf(sender.url) ?? '(none)',
          isTopFrame: sender.isTopFrame,
          webContentsId: sender.webContentsId
        })
        return fail('forbidden_sender', 'sender not allowed')
      }
      return run(channel, rawInput)
    }
  }
}
