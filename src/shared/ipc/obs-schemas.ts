/** Zod schemas for the OBS inputs main accepts; the plain types are in `obs.ts`. */
import { z } from 'zod'
import { sensitiveRefSchema } from './domain-schemas'
import type { ObsSettings } from './obs'
import { assertSameType, type Same } from './same-type'

/** obs-websocket v5's address: `ws://host:port` (wss for a TLS proxy), no path. */
export const obsAddressSchema = z.string().max(256).regex(/^wss?:\/\/[A-Za-z0-9.[\]:-]+\/?$/)

export const obsSettingsSchema = z.strictObject({ address: obsAddressSchema })

export const obsSendSchema = z.strictObject({ ref: sensitiveRefSchema })

assertSameType<Same<z.output<typeof obsSettingsSchema>, ObsSettings>>(true)
