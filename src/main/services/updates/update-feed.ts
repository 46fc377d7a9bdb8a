/**
 * Auto-update is off unless a feed is configured: a generic (static files) feed URL, https only, in
 * `LIVEDECK_UPDATE_URL`. Only packaged builds update (an unpackaged run has nothing to replace).
 */
export function resolveUpdateFeed(env: Readonly<Record<string, string | undefined>>, isPackaged: boolean): string | null {
  const raw = env.LIVEDECK_UPDATE_URL?.trim()
  if (!isPackaged || raw === undefined || raw === '') return null
  try {
    const url = new URL(raw)
    return url.protocol === 'https:' && url.username === '' && url.password === '' ? url.href : null
  } catch {
    return null
  }
}
