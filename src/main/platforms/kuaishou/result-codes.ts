/**
 * Kuaishou `result` codes → stable `AppError`s the renderer translates (code + platformCode + params).
 * Messages are fixed English text: Kuaishou's own texts (`error_msg`, `verifyErrorMsg`) are never
 * passed on. Reference §3.7 (OAuth family) and §5.5 (live family).
 */
import { AppError } from '../../errors'
import { faceVerifyContentSchema } from './schemas'

/** Token problems: refresh once, retry once, then "Reconnect Kuaishou". 2001xx = OAuth code − 100000000. */
const tokenCodes = new Set([200102, 200108, 100200102, 100200108, 100200109, 100200110, 100200111, 100200113])
export const isTokenError = (result: number): boolean => tokenCodes.has(result)

type Entry = readonly [AppError['code'], string]

const liveCodes: Record<number, Entry> = {
  200100: ['not_configured', 'Kuaishou does not accept the app id; check the app settings'],
  400001: ['invalid_input', 'Kuaishou rejected a parameter'],
  400002: ['rate_limited', 'too many requests to Kuaishou; Livedeck slows down and tries again'],
  400003: ['platform', 'Kuaishou had a server error; try again'],
  400005: ['not_found', 'Kuaishou does not know this live (it may have expired)'],
  400006: ['permission_denied', 'this Kuaishou account has no live permission; enable live in the Kuaishou app'],
  400008: ['permission_denied', 'this Kuaishou account has no e-commerce live permission'],
  400009: ['invalid_input', 'Kuaishou says the stream name is not valid'],
  400013: ['permission_denied', 'this live belongs to another account'],
  400014: ['invalid_cover', 'Kuaishou refused the cover file'],
  400020: ['risk_control', 'the account or title hit Kuaishou risk control'],
  400021: ['banned', 'going live is banned for this account'],
  400022: ['banned', 'going live is banned for this account in its region'],
  400023: ['not_configured', 'Kuaishou does not recognise this app for live; check the app settings']
}

const oauthCodes: Record<number, Entry> = {
  100200100: ['platform', 'Kuaishou rejected the sign-in request'],
  100200101: ['not_configured', 'Kuaishou does not accept the app id or secret; check the app settings'],
  100200103: ['platform', 'Kuaishou rejected the sign-in request'],
  100200104: ['platform', 'Kuaishou rejected the sign-in request'],
  100200105: ['platform', 'the sign-in code expired or was already used; connect again'],
  100200106: ['scope_missing', 'a permission was not granted; connect again and allow every permission'],
  100200107: ['needs_reconnect', 'Kuaishou does not know this account; reconnect Kuaishou'],
  100200410: ['rate_limited', 'too many requests to Kuaishou; try again shortly'],
  100200500: ['platform', 'Kuaishou had a server error; try again']
}

const reconnect = (result: number) => new AppError('needs_reconnect', 'the Kuaishou sign-in is no longer valid; reconnect Kuaishou', result)

/**
 * A validated https link (percent-decoded once when it came encoded), or null. `httpOrigin` admits
 * plain http for exactly one origin: the local sandbox's (the real platform is https only).
 */
export function verificationLink(raw: string | undefined, httpOrigin?: string): string | null {
  if (!raw) return null
  let text = raw.trim()
  if (/^https?%3A/i.test(text)) {
    try {
      text = decodeURIComponent(text)
    } catch {
      return null
    }
  }
  try {
    const url = new URL(text)
    const allowed = url.protocol === 'https:' || (url.protocol === 'http:' && url.origin === httpOrigin)
    if (!allowed || url.username !== '' || url.password !== '') return null
    return url.href
  } catch {
    return null
  }
}

/** 400020: face verification (with a link to show as a QR) or a plain risk-control block. */
function riskControl(content: unknown, httpOrigin?: string): AppError {
  const parsed = faceVerifyContentSchema.safeParse(content)
  if (parsed.success && content !== null && typeof content === 'object') {
    const link = verificationLink(parsed.data.qrCodeFaceVerifyUrl, httpOrigin)
    const verifyErrorCode = parsed.data.verifyErrorCode ?? -1
    if (link || verifyErrorCode !== -1) {
      return new AppError('verification_required', 'Kuaishou asks for face verification before going live', 400020, {
        verifyErrorCode,
        ...(link ? { verifyUrl: link } : {})
      })
    }
  }
  const [code, message] = liveCodes[400020]!
  return new AppError(code, message, 400020)
}

/** The error for a live-API `result` other than 0. */
export function liveError(result: number, content?: unknown, httpOrigin?: string): AppError {
  if (isTokenError(result)) return reconnect(result)
  if (result === 400020) return riskControl(content, httpOrigin)
  const entry = liveCodes[result]
  return entry ? new AppError(entry[0], entry[1], result) : new AppError('platform', 'Kuaishou refused the request', result)
}

/** The error for an OAuth/user-API `result` other than 1. */
export function oauthError(result: number): AppError {
  if (isTokenError(result)) return reconnect(result)
  const entry = oauthCodes[result]
  return entry ? new AppError(entry[0], entry[1], result) : new AppError('platform', 'Kuaishou refused the request', result)
}
