/**
 * An AuthWindow for integration tests: instead of a person on the authorize page, it asks the sandbox's
 * control API (`POST /<platform>/consent`) for the redirect the browser would get, so the real OAuth code
 * runs end to end against the sandbox. Shared by the VK and Kuaishou harnesses.
 */
import type { AuthWindow, AuthWindowRequest } from '../../ports/auth-window'

export interface ConsentChoice<User extends string | number> {
  readonly user: User
  readonly deny?: boolean
  /** Grant only these scopes (Kuaishou). */
  readonly granted?: string[]
  /** Close the window instead of answering. */
  readonly cancel?: boolean
  /** Replace the state in the answer (a forged redirect). */
  readonly forgeState?: string
}

export function consentAuthWindow<User extends string | number>(
  platform: 'vk' | 'kuaishou',
  control: () => string,
  choice: () => ConsentChoice<User>,
  log: AuthWindowRequest[],
  cleared: string[]
): AuthWindow {
  return {
    async open(request) {
      log.push(request)
      const c = choice()
      if (c.cancel) return { kind: 'cancelled' }
      const query = Object.fromEntries(new URL(request.authorizeUrl).searchParams)
      const response = await fetch(`${control()}/${platform}/consent`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...query, user: c.user, deny: c.deny === true, ...(c.granted ? { granted: c.granted } : {}) })
      })
      const body = (await response.json()) as { location?: string; error?: string; message?: string }
      if (!body.location) throw new Error(`consent refused: ${body.error ?? body.message ?? response.status}`)
      if (c.forgeState === undefined) return { kind: 'redirected', url: body.location }
      return { kind: 'redirected', url: body.location.replace(/state=[^&]*/, `state=${c.forgeState}`) }
    },
    clearSession: (platform) => Promise.resolve(void cleared.push(platform)),
    redirectUriOverride: () => null
  }
}
