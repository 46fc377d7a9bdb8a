/**
 * Registered VK applications (one sandbox app) and their exact redirect URIs.
 */
import { sandboxApp } from '../fixtures'

export interface VkApp {
  clientId: string
  clientSecret: string
  redirectUris: Set<string>
}

export class VkApps {
  private app: VkApp = VkApps.initial()
  /** Added through the control API; they survive `reset` (the browser host registers once at start). */
  private readonly extraRedirects = new Set<string>()

  private static initial(): VkApp {
    return { clientId: sandboxApp.client_id, clientSecret: sandboxApp.client_secret, redirectUris: new Set([sandboxApp.redirect_uri]) }
  }

  find(clientId: string): VkApp | undefined {
    return clientId === this.app.clientId ? this.app : undefined
  }

  /** `Authorization: Basic base64(client_id:client_secret)` → the app, if the pair is right. */
  fromBasic(header: string | undefined): VkApp | undefined {
    const m = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header ?? '')
    if (!m?.[1]) return undefined
    const decoded = Buffer.from(m[1], 'base64').toString('utf8')
    const colon = decoded.indexOf(':')
    if (colon < 0) return undefined
    const app = this.find(decoded.slice(0, colon))
    return app && app.clientSecret === decoded.slice(colon + 1) ? app : undefined
  }

  redirectAllowed(app: VkApp, uri: string): boolean {
    return app.redirectUris.has(uri) || this.extraRedirects.has(uri)
  }

  addRedirectUri(uri: string): void {
    this.extraRedirects.add(uri)
  }
}
