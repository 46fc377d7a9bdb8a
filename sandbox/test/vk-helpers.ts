/**
 * Helpers for the VK conformance tests: a sandbox per test file, tokens through the control consent and
 * the real token endpoint, and a small API caller. Everything goes over real HTTP.
 */
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../src/index'

export interface VkSection {
  authorizeUrl: string
  tokenUrl: string
  revokeUrl: string
  apiBase: string
  pubsubUrl: string
}
export interface VkApp {
  client_id: string
  client_secret: string
  redirect_uri: string
}
export interface VkUser {
  id: number
  nick: string
  channel_url: string
  role: string
}

export interface Vk {
  sb: RunningSandbox
  vk: VkSection
  app: VkApp
  users: VkUser[]
  basic: string
  user(role: string, channelUrl?: string): VkUser
  control(path: string, body?: unknown, method?: string): Promise<Response>
  controlJson<T = Record<string, unknown>>(path: string, body?: unknown, method?: string): Promise<T>
  consent(params: Record<string, unknown>): Promise<Response>
  /** Full CodeFlow for a user: consent → code → token pair. */
  codeFlow(userId: number, scope?: string): Promise<TokenPair>
  appToken(): Promise<string>
  token(form: Record<string, string>, headers?: Record<string, string>): Promise<Response>
  api(path: string, options?: { token?: string; basic?: boolean; auth?: string; method?: string; body?: unknown }): Promise<Response>
}

export interface TokenPair {
  access_token: string
  refresh_token: string
  expires_in: number
  token_type: string
}

export const ALL_SCOPES = 'channel:credentials,channel:stream:settings,channel:roles,channel:points,channel:points:rewards,channel:points:rewards:demands,chat:settings,chat:message:send'

export async function startVk(options: SandboxOptions = {}): Promise<Vk> {
  const sb = await startSandbox({ ports: { http: 0 }, ...options })
  const vk = sb.vk as VkSection
  const app = sb.apps.vk as unknown as VkApp
  const users = sb.users.vk as VkUser[]
  const basic = 'Basic ' + Buffer.from(`${app.client_id}:${app.client_secret}`).toString('base64')
  const control = (path: string, body?: unknown, method?: string): Promise<Response> =>
    fetch(`${sb.control}${path}`, body === undefined ? { method: method ?? 'GET' } : { method: method ?? 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  const token = (form: Record<string, string>, headers: Record<string, string> = { authorization: basic }): Promise<Response> =>
    fetch(vk.tokenUrl, { method: 'POST', headers, body: new URLSearchParams(form) })
  const consent = (params: Record<string, unknown>): Promise<Response> =>
    control('/vk/consent', { client_id: app.client_id, redirect_uri: app.redirect_uri, response_type: 'code', ...params })
  const self: Vk = {
    sb,
    vk,
    app,
    users,
    basic,
    user(role, channelUrl) {
      const u = users.find((x) => x.role === role && (channelUrl === undefined || x.channel_url === channelUrl))
      if (!u) throw new Error(`no ${role} user`)
      return u
    },
    control,
    async controlJson<T>(path: string, body?: unknown, method?: string) {
      const res = await control(path, body, method)
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`)
      return (await res.json()) as T
    },
    consent,
    async codeFlow(userId, scope = ALL_SCOPES) {
      const res = await consent({ user: userId, scope })
      const { location } = (await res.json()) as { location: string }
      const code = new URL(location).searchParams.get('code') ?? ''
      const t = await token({ grant_type: 'authorization_code', code, redirect_uri: app.redirect_uri })
      if (t.status !== 200) throw new Error(`token exchange failed: ${t.status} ${await t.text()}`)
      return (await t.json()) as TokenPair
    },
    async appToken() {
      const t = await token({ grant_type: 'client_credentials' })
      return ((await t.json()) as { access_token: string }).access_token
    },
    token,
    api(path, options = {}) {
      const headers: Record<string, string> = {}
      if (options.token) headers.authorization = `Bearer ${options.token}`
      if (options.basic) headers.authorization = basic
      if (options.auth) headers.authorization = options.auth
      if (options.body !== undefined) headers['content-type'] = 'application/json'
      return fetch(`${vk.apiBase}${path}`, { method: options.method ?? (options.body === undefined ? 'GET' : 'POST'), headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) })
    }
  }
  return self
}

/** Exact bodies of reference §3.1. */
export const UNAUTHORIZED = { error: 'unauthorized', error_description: 'Not authorized' }
export const FORBIDDEN = { error: 'forbidden', error_description: 'Access to resource forbidden' }

export async function expectError(res: Response, status: number, code: string): Promise<Record<string, unknown>> {
  const body = (await res.json()) as Record<string, unknown>
  if (res.status !== status || body.error !== code) throw new Error(`expected ${status} ${code}, got ${res.status} ${JSON.stringify(body)}`)
  if (typeof body.error_description !== 'string') throw new Error(`error_description missing: ${JSON.stringify(body)}`)
  return body
}
