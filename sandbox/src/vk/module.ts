/**
 * The VK Video Live simulator as a sandbox platform module: the DevAPI + OAuth token server (which also
 * carries the pubsub websocket), the authorize page on a second origin, and the VK control routes.
 */
import type { PlatformFactory } from '../core/platform'
import { registerCatalogRoutes } from './api/catalog-routes'
import { registerChannelRoutes } from './api/channel-routes'
import { registerChatRoutes } from './api/chat-routes'
import { registerPointsRoutes } from './api/points-routes'
import type { ApiDeps } from './api/route'
import { registerTokenMethods } from './api/token-routes'
import { ChatService } from './chat/chat-service'
import { Firehose } from './chat/firehose'
import { registerVkControl } from './control-routes'
import { errors, standardErrorFor } from './errors'
import { channels as channelFixtures, sandboxApp } from './fixtures'
import { VkApps } from './oauth/apps'
import { registerAuthorizePage } from './oauth/authorize-page'
import { localizeValue, registerImages } from './images'
import { registerTokenRoutes } from './oauth/token-routes'
import { TokenStore } from './oauth/token-store'
import { createPubsubServer, DisconnectCode, PUBSUB_PATH, type PubsubServer } from './pubsub'
import { PubsubTokens } from './pubsub-tokens'
import { VkState } from './state'
import { parseChannelName } from './ws-channels'
import { ingestRegistry } from '../rtmp/registry'
import { VK_RTMP_APP, vkPublishAuthorizer } from '../rtmp/vk-publish'

export const createVkModule: PlatformFactory = (ctx) => {
  const { clock, options } = ctx
  const state = new VkState(clock)
  // A publish with the channel's RTMP credentials makes its stream live (sandbox/src/rtmp/vk-publish.ts).
  ingestRegistry(ctx).register(VK_RTMP_APP, vkPublishAuthorizer(state))
  const tokens = new TokenStore(clock, options)
  const apps = new VkApps()
  const pubsubTokens = new PubsubTokens(clock, options.wsTokenTtlS)
  let pubsub: PubsubServer | undefined
  let apiBase = ''
  let authBase = ''
  const chat = new ChatService(state, () => pubsub, () => clock.nowS(), () => options.vk.maxMessageLength, (v) => localizeValue(v, apiBase))
  const firehose = new Firehose(state, chat)
  const deps: ApiDeps = { state, tokens, apps, options }

  const api = ctx.createServer('vk', {
    errorReply: (status) => {
      const e = standardErrorFor(status)
      return { status: e.status, body: e.body() }
    },
    faultBody: (status) => standardErrorFor(status).body(),
    // VK has no result codes: a `result` without `status` is a forced 200 body.
    resultOnlyStatus: 200,
    notFound: (_request, reply) => {
      const e = errors.unknownMethod()
      return reply.code(e.status).send(e.body())
    }
  })
  const rtmpUrl = (): string => {
    const port = (ctx.shared.get('rtmpPort') as number | undefined) ?? (options.ports.rtmp || 1935)
    return `rtmp://127.0.0.1:${port}/vk`
  }
  registerImages(api, () => apiBase)
  registerTokenRoutes(api, { apps, tokens, tokenTtlS: options.tokenTtlS, appTokenLifetimeField: options.vk.appTokenLifetimeField, nowS: () => clock.nowS() })
  registerChannelRoutes(api, deps, rtmpUrl)
  registerChatRoutes(api, deps, chat)
  registerCatalogRoutes(api, deps)
  registerTokenMethods(api, deps, pubsubTokens)
  registerPointsRoutes(api, deps, chat, () => clock.nowS())

  const auth = ctx.createServer('vk', { resultOnlyStatus: 200 })
  registerAuthorizePage(auth, { apps, tokens, users: () => [...state.users.values()].filter((u) => u.listed) })

  return {
    name: 'vk',
    async start() {
      // Listen first: the pubsub server attaches to the API's http server once it exists.
      apiBase = await ctx.listen(api)
      authBase = await ctx.listen(auth)
      pubsub = createPubsubServer({
        clock,
        pingIntervalS: options.pingIntervalS,
        pongTimeoutS: options.pongTimeoutS,
        log: (line) => ctx.log(`vk pubsub: ${line}`),
        auth: {
          verifyConnectionToken: (token) => pubsubTokens.verifyConnection(token),
          channelKind: (name) => {
            const parsed = parseChannelName(name)
            const channel = parsed ? state.channelById(parsed.channelId) : undefined
            return parsed && channel && !channel.banned ? parsed.kind : null
          },
          verifySubscriptionToken: (token, channel, userId) => {
            const parsed = parseChannelName(channel)
            if (parsed?.kind === 'private' && parsed.userId !== userId) return false
            return pubsubTokens.verifySubscription(token, channel, userId)
          }
        }
      })
      pubsub.attach(api.server, PUBSUB_PATH)
      ctx.log(`vk api ${apiBase}, authorize ${authBase}`)
    },
    config: () => ({
      sections: {
        vk: {
          authorizeUrl: `${authBase}/app/oauth2/authorize`,
          tokenUrl: `${apiBase}/oauth/server/token`,
          revokeUrl: `${apiBase}/oauth/server/revoke`,
          apiBase,
          pubsubUrl: `${apiBase.replace(/^http/, 'ws')}${PUBSUB_PATH}?format=json&cf_protocol_version=v2`
        }
      },
      app: { ...sandboxApp },
      users: [...state.users.values()].filter((u) => u.listed).map((u) => ({ id: u.id, nick: u.nick, channel_url: u.channel_url, role: u.role })),
      channels: channelFixtures.map((c) => ({ id: c.id, url: c.url, owner_id: c.owner_id, status: c.banned ? 'banned' : c.live ? 'live' : 'offline' }))
    }),
    registerControl: (control) => registerVkControl(control, { state, chat, firehose, apps, tokens }),
    addRedirectUri: (uri) => apps.addRedirectUri(uri),
    applyWsFault(fault, used) {
      if (fault.wsDrop !== undefined) pubsub?.dropPongs(fault.wsDrop)
      if (fault.batch !== undefined) pubsub?.setBatching(fault.batch)
      if (fault.wsClose === undefined) return
      const { code, reason = 'injected fault' } = typeof fault.wsClose === 'number' ? { code: fault.wsClose } : fault.wsClose
      pubsub?.closeAll(code, reason)
      // The open connections were the first use; the next ones meet the fault as they connect.
      if (fault.count > 1) pubsub?.closeNext(fault.count - 1, code, reason, used)
      else used()
    },
    clearFaults() {
      pubsub?.dropPongs(false)
      pubsub?.setBatching(false)
      pubsub?.closeNext(0, 0, '')
    },
    reset() {
      firehose.stopAll()
      // Connections and pubsub JWTs minted before the reset must not outlive it.
      pubsub?.closeAll(DisconnectCode.forceReconnect.code, 'sandbox reset')
      pubsubTokens.rotateKey()
      state.reset()
      tokens.reset()
      chat.reset()
    },
    async stop() {
      firehose.stopAll()
      await pubsub?.close()
    }
  }
}
