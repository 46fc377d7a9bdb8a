/**
 * Kuaishou (issue 6) types shared by main and renderer: display data and IPC inputs only. No token,
 * no push URL: the push URL travels as a sensitive ref (`sensitive.reveal` / `sensitive.copy`).
 * Times are epoch milliseconds; the avatar is a main-vetted image URL (`livedeck-img://img/…`, or `/livedeck-img/img/…` in the browser host).
 *
 * Zod-free so the renderer can import its values; the input schema is in `kuaishou-schemas.ts`.
 */

export type KuaishouConnectionState = 'disconnected' | 'connected' | 'needsReconnect'

export interface KuaishouAccountView {
  readonly state: KuaishouConnectionState
  readonly user: { readonly name: string; readonly avatarUrl: string | null } | null
  /** Scopes Kuaishou granted (empty when it did not say). */
  readonly scopes: readonly string[]
  /** Requested scopes the user did not grant: the UI explains, "go live" needs `user_video_live`. */
  readonly missingScopes: readonly string[]
  /** When the access token expires (it is refreshed before that). */
  readonly expiresAt: number | null
}

export type KuaishouLiveStatus = 'LIVE_NOT_START' | 'LIVING' | 'LIVE_END' | 'UNKNOWN'

export interface KuaishouLiveView {
  readonly liveStreamName: string
  /**
   * Sensitive ref of the push URL (copy `whole`, or `server` + `key` for OBS) while it is unused
   * (one live per URL) and unexpired; null once the live started or ended, the URL expired, or it
   * cannot be decrypted on this machine.
   */
  readonly pushUrlRef: string | null
  readonly createdAt: number
  /** Push URLs are valid for 2 days and one live. */
  readonly expiresAt: number
  readonly status: KuaishouLiveStatus
  /** Kuaishou's free-text reason for the status (may be empty). */
  readonly statusMsg: string
  /** When the status was last read from Kuaishou (null: not yet). */
  readonly checkedAt: number | null
  /** `idle`; `stopping` while stopPush is tried; `stopped` once Kuaishou accepted it; `failed`: not stopped. */
  readonly stop: 'idle' | 'stopping' | 'stopped' | 'failed'
  /** The live ended without Stop (encoder gone for 1–2 min): offer a new push URL. */
  readonly endedWithoutStop: boolean
  /** Why the status could not be read lately (stable error code), or null. */
  readonly pollError: string | null
}

export interface KuaishouUploadProgress {
  readonly sent: number
  readonly total: number
}

/** Code points, not UTF-16 units: "13 characters" must not count an emoji twice. */
export const codePointLength = (text: string): number => [...text].length

export const KUAISHOU_CAPTION_MAX = 13
export const KUAISHOU_COVER_MAX_BYTES = 2_000_000

/** `kuaishou.createLive`'s input as main uses it (after `kuaishouCreateLiveSchema` applied its defaults). */
export interface KuaishouCreateLive {
  /** The converted cover: a JPEG, 720×1280, ≤ 2,000,000 bytes (main re-checks all three). */
  cover: Uint8Array<ArrayBuffer>
  caption: string
  panoramic: 0 | 1 | 2
  shopLive: boolean
  /** Only a value Kuaishou assigned to the app; never the computer's name. */
  deviceName?: string | undefined
  liveSceneType?: number | undefined
}
