/**
 * OBS asks for an RTMP destination as "Server" + "Stream key". The server is everything up to and
 * including the application path segment; the key is the rest, query included (Kuaishou signs it):
 * `rtmp://host:1935/gifshow/abc?sign=x` → `rtmp://host:1935/gifshow/` + `abc?sign=x`.
 */
export interface RtmpParts {
  readonly server: string
  readonly key: string
}

const rtmpPattern = /^(rtmps?:\/\/[^/?#\s]+\/[^/?#\s]+\/)([^\s]+)$/i

/** The split, or null when the URL has no app segment or no key after it. */
export function splitRtmpUrl(url: string): RtmpParts | null {
  const match = rtmpPattern.exec(url.trim())
  return match ? { server: match[1]!, key: match[2]! } : null
}
