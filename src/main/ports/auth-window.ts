/**
 * Runs one OAuth authorization in a window the user signs in with, and hands back the redirect URL
 * before it loads. Electron: a sandboxed window in its own `persist:auth-<platform>` partition.
 * Browser host: a tab opened by the bridge, with the redirect URI pointing at the host's callback route.
 */
export interface AuthWindowRequest {
  readonly platform: 'vk' | 'kuaishou'
  readonly authorizeUrl: string
  /** The redirect URI registered with the platform; navigation to it (any query/fragment) ends the flow. */
  readonly redirectUri: string
  /** Hosts the window may navigate to: exact (`auth.live.vkvideo.ru`) or wildcard (`*.vk.com`), or `host:port`. */
  readonly allowedHosts: readonly string[]
  readonly timeoutMs: number
}

export type AuthWindowOutcome =
  | { readonly kind: 'redirected'; readonly url: string }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'timedOut' }

export interface AuthWindow {
  open(request: AuthWindowRequest): Promise<AuthWindowOutcome>
  /** Forget the platform's sign-in session (cookies, storage): called on sign-out. */
  clearSession(platform: 'vk' | 'kuaishou'): Promise<void>
  /**
   * The redirect URI this adapter needs registered (browser host: its callback route), or null when
   * the user's configured redirect URI is intercepted as-is (Electron).
   */
  redirectUriOverride(platform: 'vk' | 'kuaishou'): string | null
}
