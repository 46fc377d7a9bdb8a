/**
 * Sensitive values (stream keys, push URLs) stay in main. The renderer holds only an opaque ref
 * (`<kind>:<random id>`), asks for the value to display it (`reveal`), and has main copy it
 * (`copy`, whole or as OBS's server/key). Values are never logged: nothing here logs at all.
 */
import { randomBytes } from 'node:crypto'
import type { SensitiveRef } from '../../../shared/ipc/domain'
import { sensitiveRefSchema } from '../../../shared/ipc/domain-schemas'
import { AppError } from '../../errors'
import type { Clipboard } from '../../ports/clipboard'
import type { Clock } from '../../ports/clock'
import { splitRtmpUrl, type RtmpParts } from './rtmp-split'

export type CopyPart = 'whole' | 'server' | 'key'

export interface RegisterOptions {
  /** Server/key parts when they come separately (VK credentials: url + token). Default: split an RTMP URL. */
  readonly split?: RtmpParts
  /** Epoch ms after which the ref answers `not_found` (a push URL that expired). */
  readonly expiresAt?: number
}

export interface SensitiveRegistry {
  register(kind: string, value: string, options?: RegisterOptions): SensitiveRef
  /** The value, for display only; unknown or expired → AppError `not_found`. */
  reveal(ref: SensitiveRef): string
  copy(ref: SensitiveRef, part: CopyPart): Promise<void>
  /** OBS's server + key for a ref (the OBS hand-off); unknown/expired → `not_found`, no parts → `invalid_input`. */
  rtmpParts(ref: SensitiveRef): RtmpParts
  forget(ref: SensitiveRef): void
  /** Forget every value (sign-out, shutdown). */
  clear(): void
}

interface Entry {
  readonly value: string
  readonly split: RtmpParts | null
  readonly expiresAt: number | null
}

export function createSensitiveRegistry(deps: { clipboard: Clipboard; clock: Clock }): SensitiveRegistry {
  const entries = new Map<SensitiveRef, Entry>()

  const lookup = (ref: SensitiveRef): Entry => {
    const entry = entries.get(ref)
    if (entry && (entry.expiresAt === null || deps.clock.now() < entry.expiresAt)) return entry
    entries.delete(ref)
    throw new AppError('not_found', 'this value is no longer available')
  }

  return {
    register(kind, value, options = {}) {
      const ref = `${kind}:${randomBytes(16).toString('base64url')}`
      // The kind becomes part of a contract value; keep it to what the ref schema accepts.
      if (!sensitiveRefSchema.safeParse(ref).success) throw new Error(`invalid sensitive kind: ${kind}`)
      entries.set(ref, { value, split: options.split ?? splitRtmpUrl(value), expiresAt: options.expiresAt ?? null })
      return ref
    },
    reveal: (ref) => lookup(ref).value,
    async copy(ref, part) {
      const entry = lookup(ref)
      if (part === 'whole') return deps.clipboard.writeText(entry.value)
      if (!entry.split) throw new AppError('invalid_input', 'this value has no server and key parts')
      return deps.clipboard.writeText(entry.split[part])
    },
    rtmpParts(ref) {
      const entry = lookup(ref)
      if (!entry.split) throw new AppError('invalid_input', 'this value has no server and key parts')
      return entry.split
    },
    forget: (ref) => void entries.delete(ref),
    clear: () => entries.clear()
  }
}
