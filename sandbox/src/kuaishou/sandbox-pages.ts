/**
 * Pages the real platform has elsewhere, served by the simulator: the face-verification page that a
 * 400020 `qrCodeFaceVerifyUrl` points to (passing it clears the user's `face_verify` flag, like
 * `POST <control>/kuaishou/verify`), and the users' avatars (`head` / `bigHead` of user_info).
 */
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { escapeHtml, htmlPage } from './oauth/authorize-page'
import type { KuaishouUsers } from './users'

export const FACE_VERIFY_PATH = '/sandbox/face-verify'
export const AVATAR_PATH = '/sandbox/avatar'

/** A 1×1 PNG: enough for an avatar the app fetches through its image protocol. */
const AVATAR_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64')

export function registerSandboxPages(app: FastifyInstance, users: KuaishouUsers): void {
  const openIdOf = z.object({ open_id: z.string().min(1).max(64) })

  app.get(FACE_VERIFY_PATH, (request, reply) => {
    const q = openIdOf.safeParse(request.query ?? {})
    const user = q.success ? users.get(q.data.open_id) : undefined
    reply.type('text/html; charset=utf-8').header('content-security-policy', "default-src 'self'; style-src 'unsafe-inline'; script-src 'none'")
    if (!user) return reply.code(404).send(htmlPage('人脸验证', '<p id="error" class="error">链接无效 / invalid link</p>'))
    return reply.send(
      htmlPage(
        '人脸验证',
        `<h1>人脸验证 (sandbox)</h1><p>账号 <b>${escapeHtml(user.name)}</b> 需要人脸验证后才能开播。</p>
<form method="post" action="${FACE_VERIFY_PATH}"><input type="hidden" name="open_id" value="${escapeHtml(user.open_id)}"><button class="primary" id="verify">验证通过 / Pass verification</button></form>`
      )
    )
  })

  app.post(FACE_VERIFY_PATH, (request, reply) => {
    const form = openIdOf.safeParse(request.body ?? {})
    const ok = form.success && users.clearFaceVerify(form.data.open_id)
    reply.type('text/html; charset=utf-8')
    return ok
      ? reply.send(htmlPage('人脸验证', '<p id="verified">验证成功,请重新开播。 / Verified: request a push URL again.</p>'))
      : reply.code(404).send(htmlPage('人脸验证', '<p id="error" class="error">链接无效 / invalid link</p>'))
  })

  app.get(`${AVATAR_PATH}/:file`, (_request, reply) => reply.type('image/png').header('cache-control', 'public, max-age=3600').send(AVATAR_PNG))
}
