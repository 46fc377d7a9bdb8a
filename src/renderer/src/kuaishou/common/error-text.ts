/**
 * Which catalogue entry explains an error: Kuaishou's own result code first (`kuaishou.codes.<result>`),
 * then Livedeck's stable code (`kuaishou.errors.<code>`). Each entry says what happened and what to do.
 */
import type { IpcError } from '../../../../shared/ipc/result'

export function errorKeys(error: IpcError): string[] {
  const keys: string[] = []
  if (error.code === 'verification_required') keys.push('kuaishou.errors.verification_required')
  if (error.platformCode !== undefined) keys.push(`kuaishou.codes.${String(error.platformCode)}`)
  keys.push(`kuaishou.errors.${error.code}`, 'kuaishou.errors.internal')
  return keys
}

/** A face-verification link main vetted (https, or the sandbox's own origin), or null. */
export function verificationUrl(error: IpcError): string | null {
  const url = error.params?.verifyUrl
  return typeof url === 'string' && /^https?:\/\//i.test(url) ? url : null
}
