/**
 * Which links may leave the app for the user's browser: http(s) only (no `file:`, `javascript:`,
 * custom schemes that launch programs), no embedded credentials, a sane length.
 * Used by the window hardening (denied popups) and by the `shell.openExternal` channel.
 */
import { parseUrl } from './host-pattern'

export function isSafeExternalUrl(url: string): boolean {
  if (url.length > 2048) return false
  const u = parseUrl(url)
  if (u === null) return false
  return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname !== '' && u.username === '' && u.password === ''
}
