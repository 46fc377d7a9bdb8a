/**
 * Where the platforms live. Main owns these URLs; the renderer can never edit them. By default they are
 * the real hosts from the references; at start-up only, `LIVEDECK_SANDBOX=<control url>` (or
 * `--sandbox=<url>`) points them at the local platform sandbox, whose `GET <control>/config` says where
 * each simulated service listens and which sandbox apps to pre-fill. Release builds ignore the override.
 */
import { z } from 'zod'
import type { Fetch } from '../ports/http'
import type { Logger } from '../ports/logger'
import type { AppPrefill } from './settings/settings-service'

export interface VkEndpoints {
  readonly authorizeUrl: string
  readonly tokenUrl: string
  readonly revokeUrl: string
  /** Origin without trailing slash; calls are `${apiBase}/v1/...`. */
  readonly apiBase: string
  readonly pubsubUrl: string
}

export interface KuaishouEndpoints {
  /** Origin of both OAuth and the open API (`/oauth2/...`, `/openapi/...`). */
  readonly openBase: string
}

export interface SandboxInfo {
  readonly control: string
  readonly rtmpPort: number | null
  readonly apps: AppPrefill
}

export interface PlatformEndpoints {
  readonly vk: VkEndpoints
  readonly kuaishou: KuaishouEndpoints
  /** Hosts each platform's sign-in window may visit (`AuthWindowRequest.allowedHosts` format). */
  readonly authHosts: { readonly vk: readonly string[]; readonly kuaishou: readonly string[] }
  /** Set while the app talks to the sandbox. */
  readonly sandbox: SandboxInfo | null
}

/** The hosts from `vk-video-live-devapi.md` §2.1 and `kuaishou-open-live.md`. */
export const realEndpoints: PlatformEndpoints = Object.freeze({
  vk: {
    authorizeUrl: 'https://auth.live.vkvideo.ru/app/oauth2/authorize',
    tokenUrl: 'https://api.live.vkvideo.ru/oauth/server/token',
    revokeUrl: 'https://api.live.vkvideo.ru/oauth/server/revoke',
    apiBase: 'https://apidev.live.vkvideo.ru',
    pubsubUrl: 'wss://pubsub-dev.live.vkvideo.ru/connection/websocket?format=json&cf_protocol_version=v2'
  },
  kuaishou: { openBase: 'https://open.kuaishou.com' },
  authHosts: {
    vk: ['auth.live.vkvideo.ru', '*.vkvideo.ru', '*.vk.com'],
    kuaishou: ['open.kuaishou.com', '*.kuaishou.com']
  },
  sandbox: null
})

const httpUrl = z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/+$/, ''))
const wsUrl = z.url({ protocol: /^wss?$/ })
const id = z.string().min(1).max(64)

/** The sandbox's `GET /config` (issue 3 "Running it"); extra fields (users, …) are ignored. */
export const sandboxConfigSchema = z.object({
  vk: z.object({
    authorizeUrl: httpUrl,
    tokenUrl: httpUrl,
    revokeUrl: httpUrl,
    apiBase: httpUrl,
    pubsubUrl: wsUrl
  }),
  kuaishou: z.object({ openBase: httpUrl }).optional(),
  rtmp: z.object({ port: z.number().int().min(1).max(65535) }).optional(),
  control: httpUrl,
  apps: z.object({
    vk: z.object({ client_id: id, client_secret: z.string().min(1).max(512), redirect_uri: httpUrl }),
    kuaishou: z.object({ app_id: id, app_secret: z.string().min(1).max(512), redirect_uri: httpUrl }).optional()
  })
})
export type SandboxConfig = z.infer<typeof sandboxConfigSchema>

const hostOf = (url: string): string => new URL(url).host

/** Endpoints for a parsed sandbox config. Parts the sandbox does not simulate yet keep the real hosts. */
export function sandboxEndpoints(config: SandboxConfig): PlatformEndpoints {
  const vkHosts = [config.vk.authorizeUrl, config.vk.tokenUrl, config.vk.apiBase].map(hostOf)
  const { vk, kuaishou } = config.apps
  return {
    vk: config.vk,
    kuaishou: config.kuaishou ?? realEndpoints.kuaishou,
    authHosts: {
      vk: [...new Set(vkHosts)],
      kuaishou: config.kuaishou ? [hostOf(config.kuaishou.openBase)] : realEndpoints.authHosts.kuaishou
    },
    sandbox: {
      control: config.control,
      rtmpPort: config.rtmp?.port ?? null,
      apps: {
        vk: { clientId: vk.client_id, clientSecret: vk.client_secret, redirectUri: vk.redirect_uri },
        ...(kuaishou
          ? { kuaishou: { appId: kuaishou.app_id, appSecret: kuaishou.app_secret, redirectUri: kuaishou.redirect_uri } }
          : {})
      }
    }
  }
}

/** Reads `GET <control>/config` and returns endpoints pointing at the sandbox. */
export async function loadSandboxConfig(controlUrl: string, fetch: Fetch): Promise<PlatformEndpoints> {
  const url = `${controlUrl.replace(/\/+$/, '')}/config`
  const response = await fetch(url, { headers: { accept: 'application/json' } })
  if (!response.ok) throw new Error(`sandbox config: HTTP ${response.status} from ${url}`)
  const parsed = sandboxConfigSchema.safeParse(await response.json())
  if (!parsed.success) throw new Error(`sandbox config from ${url} is not in the expected shape: ${parsed.error.message}`)
  return sandboxEndpoints(parsed.data)
}

/** The sandbox control URL from `--sandbox=<url>` (wins) or `LIVEDECK_SANDBOX`, or null. */
export function resolveSandboxUrl(env: Readonly<Record<string, string | undefined>>, argv: readonly string[]): string | null {
  const flag = argv.find((a) => a.startsWith('--sandbox='))?.slice('--sandbox='.length)
  const raw = (flag ?? env.LIVEDECK_SANDBOX ?? '').trim()
  if (raw === '') return null
  const parsed = httpUrl.safeParse(raw)
  if (!parsed.success) throw new Error(`the sandbox URL must be an http(s) URL, got ${JSON.stringify(raw)}`)
  return parsed.data
}

const allUrls = (e: PlatformEndpoints): string[] => [
  e.vk.authorizeUrl,
  e.vk.tokenUrl,
  e.vk.revokeUrl,
  e.vk.apiBase,
  e.vk.pubsubUrl,
  e.kuaishou.openBase
]
const realHosts = new Set(allUrls(realEndpoints).map(hostOf))

/** True when every endpoint is an https/wss URL on one of the references' hosts. */
export function isReleaseSafe(endpoints: PlatformEndpoints): boolean {
  return (
    endpoints.sandbox === null &&
    allUrls(endpoints).every((u) => {
      const url = new URL(u)
      return (url.protocol === 'https:' || url.protocol === 'wss:') && realHosts.has(url.host)
    })
  )
}

export interface ResolveEndpointsOptions {
  readonly env: Readonly<Record<string, string | undefined>>
  readonly argv: readonly string[]
  readonly isPackaged: boolean
  readonly fetch: Fetch
  readonly logger: Logger
}

/** Start-up decision: real hosts, or the sandbox when asked for and allowed (never in a release build). */
export async function resolveEndpoints(options: ResolveEndpointsOptions): Promise<PlatformEndpoints> {
  const control = resolveSandboxUrl(options.env, options.argv)
  if (control === null) return realEndpoints
  if (options.isPackaged) {
    options.logger.warn('sandbox override ignored: release builds talk only to the real platforms')
    return realEndpoints
  }
  const endpoints = await loadSandboxConfig(control, options.fetch)
  options.logger.info('using the platform sandbox', { control })
  return endpoints
}
