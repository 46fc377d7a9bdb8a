/**
 * The Kuaishou apps the sandbox knows and their registered callbacks. Kuaishou checks a callback's
 * scheme and (sub-)domain against the registration, not its path (reference §3.1, §8.2); here the host
 * includes the port, since every sandbox callback lives on 127.0.0.1. Extra callbacks (`POST /apps/redirect`)
 * survive `/reset`, like VK's: the browser host registers its own once.
 */
import { liveDisabledApp, sandboxApp, type AppFixture } from '../fixtures'

export class KuaishouApps {
  private extraRedirects: string[] = []
  private readonly apps: AppFixture[] = [sandboxApp, liveDisabledApp]

  find(appId: string | undefined): AppFixture | undefined {
    return appId === undefined ? undefined : this.apps.find((a) => a.app_id === appId)
  }

  addRedirectUri(uri: string): void {
    if (!this.extraRedirects.includes(uri)) this.extraRedirects.push(uri)
  }

  /** `http(s)` only, same scheme and host as a registered callback. */
  redirectAllowed(app: AppFixture, uri: string): boolean {
    const target = parseHttpUrl(uri)
    if (!target) return false
    return [app.redirect_uri, ...this.extraRedirects].some((registered) => {
      const r = parseHttpUrl(registered)
      return r !== undefined && r.protocol === target.protocol && r.host === target.host
    })
  }
}

function parseHttpUrl(raw: string): URL | undefined {
  try {
    const url = new URL(raw)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined
  } catch {
    return undefined
  }
}
