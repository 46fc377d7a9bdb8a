/**
 * Host allow-lists shared by the image protocol and the auth window. A pattern is
 * - an exact host: `auth.live.vkvideo.ru` (default port only),
 * - a wildcard: `*.vk.com` (any subdomain, at any depth; not `vk.com` itself — list it separately),
 * - a host with a port: `127.0.0.1:4100` (that port only; used for the local sandbox).
 */

/** Lowercased hostname and explicit port ('' when default) of a URL, or null when it has no host. */
function hostOf(url: URL): { hostname: string; port: string } | null {
  if (url.hostname === '') return null
  return { hostname: url.hostname.toLowerCase(), port: url.port }
}

export function hostMatches(url: URL, pattern: string): boolean {
  const host = hostOf(url)
  if (host === null) return false
  const p = pattern.trim().toLowerCase()
  const colon = p.lastIndexOf(':')
  const hasPort = colon > 0 && /^\d+$/.test(p.slice(colon + 1))
  const name = hasPort ? p.slice(0, colon) : p
  const port = hasPort ? p.slice(colon + 1) : ''
  if (host.port !== port) return false
  if (name.startsWith('*.')) {
    const suffix = name.slice(1) // ".vk.com"
    return host.hostname.endsWith(suffix) && host.hostname.length > suffix.length
  }
  return host.hostname === name
}

export function hostAllowed(url: URL, patterns: readonly string[]): boolean {
  return patterns.some((p) => hostMatches(url, p))
}

/** Parses a URL, or null (callers treat unparseable as refused). */
export function parseUrl(value: string): URL | null {
  try {
    return new URL(value)
  } catch {
    return null
  }
}
