/**
 * The Kuaishou open-platform simulator as a sandbox module: one origin (`kuaishou.openBase`) serving the
 * OAuth pages and token endpoints, user_info, the live API and the sandbox-only pages; its publishes
 * arrive through the RTMP ingest under the `gifshow` application.
 */
import type { KuaishouOptions } from '../core/options'
import type { PlatformFactory } from '../core/platform'
import { ingestRegistry, rtmpPort } from '../rtmp/registry'
import { registerLiveRoutes } from './api/live-routes'
import { registerKuaishouControl } from './control-routes'
import { foreignLiveName, foreignOwner, liveDisabledApp, sandboxApp } from './fixtures'
import { KUAISHOU_RTMP_APP, kuaishouPublishAuthorizer } from './ingest'
import { KuaishouLives } from './lives'
import { KuaishouApps } from './oauth/apps'
import { registerAuthorizePage } from './oauth/authorize-page'
import { QrLogins } from './oauth/qr-login'
import { registerTokenRoutes } from './oauth/token-routes'
import { KuaishouTokens } from './oauth/token-store'
import { HOST_NAME, JSON_TYPE } from './results'
import { AVATAR_PATH, FACE_VERIFY_PATH, registerSandboxPages } from './sandbox-pages'
import { KuaishouUsers, RateLimiter } from './users'

export const createKuaishouModule: PlatformFactory = (ctx) => {
  const { clock } = ctx
  let options: Required<KuaishouOptions> = { ...ctx.options.kuaishou }
  const current = (): Required<KuaishouOptions> => options
  const apps = new KuaishouApps()
  const users = new KuaishouUsers()
  const tokens = new KuaishouTokens(clock, options)
  const lives = new KuaishouLives(clock, () => ({ pushUrlTtlS: options.pushUrlTtlS, graceMs: ctx.options.graceMs }))
  const rate = new RateLimiter(clock, () => options.rateLimit)
  let openBase = ''

  const seed = (): void => lives.addFixture(foreignLiveName, sandboxApp.app_id, foreignOwner.open_id)
  seed()
  ingestRegistry(ctx).register(KUAISHOU_RTMP_APP, kuaishouPublishAuthorizer(lives, () => options))

  const server = ctx.createServer('kuaishou', {
    // Transport faults and framework errors are not business errors: a non-200 with a JSON body.
    errorReply: (status) => ({ status, body: { result: status >= 500 ? 400003 : 400001, content: null, hostName: HOST_NAME } }),
    faultBody: (status) => ({ result: status >= 500 ? 400003 : 400001, content: null, hostName: HOST_NAME }),
    notFound: (_request, reply) => reply.code(404).type(JSON_TYPE).send({ result: 404, error_msg: 'Not Found' })
  })
  const qr = new QrLogins(clock)
  registerAuthorizePage(server, { apps, tokens, users: () => users.list(), qr })
  registerTokenRoutes(server, { apps, tokens, users, options: current, faults: ctx.faults, avatarUrl: (u, big) => `${openBase}${AVATAR_PATH}/${u.open_id}${big ? '-big' : ''}.png` })
  registerLiveRoutes(server, {
    apps,
    tokens,
    users,
    lives,
    rate,
    faults: ctx.faults,
    options: current,
    pushUrl: (live) => `rtmp://127.0.0.1:${rtmpPort(ctx)}/${KUAISHOU_RTMP_APP}/${live.name}?sign=${live.sign}`,
    faceVerifyUrl: (user) => `${openBase}${FACE_VERIFY_PATH}?open_id=${encodeURIComponent(user.open_id)}`
  })
  registerSandboxPages(server, users)

  return {
    name: 'kuaishou',
    async start() {
      openBase = await ctx.listen(server)
      ctx.log(`kuaishou open platform ${openBase}`)
    },
    config: () => ({
      sections: {
        kuaishou: {
          openBase,
          authorizeUrl: `${openBase}/oauth2/authorize`,
          extraApps: [{ app_id: liveDisabledApp.app_id, app_secret: liveDisabledApp.app_secret, redirect_uri: liveDisabledApp.redirect_uri, live_enabled: false }],
          foreignLiveStreamName: foreignLiveName
        }
      },
      app: { app_id: sandboxApp.app_id, app_secret: sandboxApp.app_secret, redirect_uri: sandboxApp.redirect_uri },
      users: users.list().map((u) => ({ open_id: u.open_id, name: u.name, flags: [...u.flags] }))
    }),
    registerControl: (control) =>
      registerKuaishouControl(control, {
        apps,
        tokens,
        users,
        lives,
        setOptions: (patch) => (options = { ...options, ...patch })
      }),
    addRedirectUri: (uri) => apps.addRedirectUri(uri),
    reset() {
      options = { ...ctx.options.kuaishou }
      lives.reset()
      tokens.reset()
      users.reset()
      rate.reset()
      qr.reset()
      seed()
    },
    stop: () => {
      lives.reset()
      return Promise.resolve()
    }
  }
}
