/**
 * The app's two schemes: `app://livedeck/…` serves the built renderer (so the page has a real
 * origin, unlike `file://`), `livedeck-img://` serves platform images fetched by main. Both are
 * registered as privileged before `ready` and handled after it; the logic lives in plain services.
 */
import { protocol } from 'electron'
import { APP_SCHEME, createAppFileResponder } from '../../services/app-protocol/app-files'
import type { ImageService } from '../../services/images/image-service'
import { IMAGE_SCHEME } from '../../services/images/image-url'

/** Must run before `app.whenReady()` resolves. */
export function registerPrivilegedSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    // standard: real origin and relative URLs; secure: no mixed-content downgrade; fetch for the page's own files.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    { scheme: IMAGE_SCHEME, privileges: { standard: true, secure: true } }
  ])
}

export function handleAppProtocols(options: { rendererDir: string; images: ImageService }): void {
  const respondFile = createAppFileResponder(options.rendererDir)
  protocol.handle(APP_SCHEME, (request) =>
    request.method === 'GET' ? respondFile(request.url) : new Response(null, { status: 405 })
  )
  protocol.handle(IMAGE_SCHEME, (request) =>
    request.method === 'GET' ? options.images.respond(request.url) : new Response(null, { status: 405 })
  )
}
