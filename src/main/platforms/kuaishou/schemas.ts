/**
 * Every Kuaishou answer Livedeck reads, as zod schemas (reference §3–§5). Lenient on unknown fields,
 * strict on the ones used. Two success codes: OAuth and user APIs succeed with `result: 1`, live APIs
 * with `result: 0`; errors come as HTTP 200 with any other `result`. A missing `result` is an error.
 */
import { z } from 'zod'

export const OAUTH_SUCCESS = 1
export const LIVE_SUCCESS = 0

/** Any Kuaishou body: just the `result` number, to decide success before the full parse. */
export const resultSchema = z.object({ result: z.number().int() })

/** `/oauth2/access_token` and `/oauth2/refresh_token` (refresh omits `open_id`; old shapes omit more). */
export const tokenResponseSchema = z.object({
  result: z.literal(OAUTH_SUCCESS),
  access_token: z.string().min(1),
  expires_in: z.number().positive(),
  refresh_token: z.string().min(1),
  refresh_token_expires_in: z.number().positive().optional(),
  open_id: z.string().min(1).optional(),
  scopes: z.array(z.string()).optional()
})
export type TokenResponse = z.infer<typeof tokenResponseSchema>

/** `/openapi/user_info`: `bigHead` may be empty; counts and city are not used. */
export const userInfoResponseSchema = z.object({
  result: z.literal(OAUTH_SUCCESS),
  user_info: z.object({
    name: z.string(),
    head: z.string().optional(),
    bigHead: z.string().optional()
  })
})

/** The live envelope: `content` is an object, null, or absent (stopPush success); `hostName` for logs. */
export const liveEnvelopeSchema = z.object({
  result: z.number().int(),
  content: z.unknown().optional(),
  hostName: z.string().optional()
})

/** Observed, not documented: 11 characters of `[A-Za-z0-9_-]`; accept a little more, never path syntax. */
export const liveStreamNameSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)

export const pushUrlsContentSchema = z.object({
  pushUrl: z.string().regex(/^rtmps?:\/\/[^\s]+$/i),
  liveStreamName: liveStreamNameSchema
})

/** `status` may be empty or unknown in the docs' samples: kept as a string, mapped by the service. */
export const statusContentSchema = z.object({
  liveStreamName: z.string().optional(),
  status: z.string(),
  statusMsg: z.string().nullish()
})

/** 400020 with face verification (§5.1). The QR URL is percent-encoded in the sample. */
export const faceVerifyContentSchema = z.object({
  verifyErrorCode: z.number().int().optional(),
  verifyErrorMsg: z.string().optional(),
  qrCodeFaceVerifyUrl: z.string().optional()
})

/** OAuth/user error body: `error` (OAuth string) and `error_msg` (localized free text, not shown). */
export const oauthErrorSchema = z.object({
  result: z.number().int(),
  error: z.string().optional(),
  error_msg: z.string().optional()
})
