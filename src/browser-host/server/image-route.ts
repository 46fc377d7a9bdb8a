/**
 * `GET /livedeck-img/img/<base64url>`: platform images for the page, answered by main's image service
 * (allow-list incl. the sandbox origin, raster images only, ≤ 2 MB, cached). The page's CSP admits
 * them as same-origin (`img-src 'self'`), so no platform host ever needs to be named there.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ImageService } from '../../main/services/images/image-service'
import { HOST_IMAGE_BASE } from '../../main/services/images/image-url'

/** Serves the request when it is an image URL; false when it is not one (for the next route). */
export async function serveImage(req: IncomingMessage, res: ServerResponse, images: ImageService): Promise<boolean> {
  const path = req.url ?? '/'
  if (!path.startsWith(HOST_IMAGE_BASE)) return false
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end()
    return true
  }
  const answer = await images.respond(path)
  const body = Buffer.from(await answer.arrayBuffer())
  res.writeHead(answer.status, Object.fromEntries(answer.headers))
  res.end(req.method === 'HEAD' ? undefined : body)
  return true
}
