/**
 * Zod schema for `kuaishou.createLive`'s input. Main and the contract import it; the renderer uses
 * the plain type and limits in `kuaishou.ts` (kept in agreement at compile time below).
 */
import { z } from 'zod'
import { codePointLength, KUAISHOU_CAPTION_MAX, type KuaishouCreateLive } from './kuaishou'
import { assertSameType, type Same } from './same-type'

export const kuaishouCreateLiveSchema = z.strictObject({
  /** The converted cover: a JPEG, 720×1280, ≤ 2,000,000 bytes (main re-checks all three). */
  cover: z.instanceof(Uint8Array),
  caption: z.string().refine((v) => codePointLength(v) <= KUAISHOU_CAPTION_MAX, 'at most 13 characters').default(''),
  panoramic: z.union([z.literal(0), z.literal(1), z.literal(2)]).default(0),
  shopLive: z.boolean().default(false),
  /** Only a value Kuaishou assigned to the app; never the computer's name. */
  deviceName: z.string().trim().min(1).max(64).optional(),
  liveSceneType: z.number().int().min(0).max(2_147_483_647).optional()
})

assertSameType<Same<z.output<typeof kuaishouCreateLiveSchema>, KuaishouCreateLive>>(true)
