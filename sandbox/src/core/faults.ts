/**
 * Fault injection (`POST <control>/faults`): make matching platform requests fail with a status/body,
 * arrive late, or lose their connection, a limited number of times. Pubsub faults (`wsDrop`, `wsClose`)
 * (and `batch`) are acted on by the platform module that owns the websocket server.
 */
import picomatch from 'picomatch'
import { z } from 'zod'

export const faultInputSchema = z.strictObject({
  platform: z.string().min(1),
  method: z.string().min(1).optional(),
  path: z.string().min(1).default('**'),
  status: z.number().int().min(100).max(599).optional(),
  result: z.unknown().optional(),
  delayMs: z.number().int().min(0).max(600_000).optional(),
  reset: z.boolean().optional(),
  /** Pubsub: stop answering/accepting pongs so connections die with "no pong". */
  wsDrop: z.boolean().optional(),
  /** Pubsub: close every open connection with this code (and reason). */
  wsClose: z.union([z.number().int().min(1000).max(4999), z.strictObject({ code: z.number().int().min(1000).max(4999), reason: z.string().optional() })]).optional(),
  /** Pubsub: newline-batch frames (`true`) or send one message per frame (`false`); `DELETE /faults` turns it off. */
  batch: z.boolean().optional(),
  /** How many matching requests the fault applies to; default 1. For `wsClose`: the open connections count as one. */
  count: z.number().int().min(1).default(1)
})
export type FaultInput = z.infer<typeof faultInputSchema>

export interface Fault extends FaultInput {
  id: string
  remaining: number
}

export interface FaultRegistry {
  add(input: FaultInput): Fault
  /** Finds the first live fault for this request and uses up one of its counts. */
  take(platform: string, method: string, path: string): Fault | undefined
  /**
   * Finds the first live fault that has only a `result` (no status, delay or reset) and uses up one of its
   * counts: the platform module answers with that result code in its own envelope (e.g. Kuaishou 400003).
   */
  takeResult(platform: string, method: string, path: string): Fault | undefined
  /** Forgets one fault (a pubsub close that has been used up). */
  remove(id: string): void
  clear(): void
  list(): Fault[]
}

export function createFaultRegistry(): FaultRegistry {
  let faults: Array<Fault & { matches: (path: string) => boolean }> = []
  let nextId = 1
  const use = (kind: (f: Fault) => boolean, platform: string, method: string, path: string): Fault | undefined => {
    const fault = faults.find(
      (f) => f.platform === platform && (f.method === undefined || f.method.toUpperCase() === method.toUpperCase()) && kind(f) && f.matches(path)
    )
    if (!fault) return undefined
    fault.remaining -= 1
    if (fault.remaining <= 0) faults = faults.filter((f) => f !== fault)
    return fault
  }
  return {
    add(input) {
      const fault = { ...input, id: `f${nextId++}`, remaining: input.count, matches: picomatch(input.path, { dot: true }) }
      faults.push(fault)
      return fault
    },
    take(platform, method, path) {
      return use((f) => f.status !== undefined || f.delayMs !== undefined || f.reset === true, platform, method, path)
    },
    takeResult(platform, method, path) {
      return use((f) => f.result !== undefined && f.status === undefined && f.delayMs === undefined && f.reset !== true, platform, method, path)
    },
    remove(id) {
      faults = faults.filter((f) => f.id !== id)
    },
    clear() {
      faults = []
    },
    list: () => faults.map(({ matches: _m, ...f }) => f)
  }
}
