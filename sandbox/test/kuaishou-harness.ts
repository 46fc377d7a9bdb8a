/**
 * Helpers for the Kuaishou conformance tests: sign a user in through the control consent and the real
 * token endpoint, call the live API with multipart bodies, and make real JPEG covers with Debian ffmpeg
 * (the tests fail, not skip, when ffmpeg is missing).
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RunningSandbox } from '../src/index'

export interface KsConfig {
  control: string
  kuaishou: { openBase: string; extraApps: Array<{ app_id: string; app_secret: string }>; foreignLiveStreamName: string }
  rtmp: { port: number }
  apps: { kuaishou: { app_id: string; app_secret: string; redirect_uri: string } }
  users: { kuaishou: Array<{ open_id: string; name: string; flags: string[] }> }
}

export const ks = (sb: RunningSandbox): KsConfig => sb as unknown as KsConfig

export type Json = Record<string, unknown>

export function userWith(sb: RunningSandbox, flag: string | null): string {
  const user = ks(sb).users.kuaishou.find((u) => (flag === null ? u.flags.length === 0 : u.flags.includes(flag)))
  if (!user) throw new Error(`no fixture user with ${flag ?? 'no flags'}`)
  return user.open_id
}

export async function controlPost(sb: RunningSandbox, path: string, body: unknown): Promise<Response> {
  return fetch(`${sb.control}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
}

export async function getJson(url: string): Promise<Json> {
  const res = await fetch(url)
  if (res.status !== 200) throw new Error(`${url} → HTTP ${res.status}`)
  return (await res.json()) as Json
}

export function url(base: string, path: string, query: Record<string, string> = {}): string {
  const u = new URL(path, base)
  for (const [k, v] of Object.entries(query)) u.searchParams.set(k, v)
  return u.toString()
}

/** Consent through the control API; returns the authorization code from the redirect. */
export async function authorizeCode(sb: RunningSandbox, openId: string, scope = 'user_info,user_video_live'): Promise<string> {
  const app = ks(sb).apps.kuaishou
  const res = await controlPost(sb, '/kuaishou/consent', { app_id: app.app_id, scope, response_type: 'code', ua: 'pc', redirect_uri: app.redirect_uri, state: 'st-1', user: openId })
  if (res.status !== 200) throw new Error(`consent → ${res.status} ${await res.text()}`)
  const location = new URL(((await res.json()) as { location: string }).location)
  const code = location.searchParams.get('code')
  if (!code) throw new Error(`no code in ${location.toString()}`)
  return code
}

/** Code → token at the real endpoint (GET query, grant_type authorization_code). */
export async function signIn(sb: RunningSandbox, openId: string, scope?: string): Promise<Json & { access_token: string; refresh_token: string }> {
  const app = ks(sb).apps.kuaishou
  const code = await authorizeCode(sb, openId, scope)
  const body = await getJson(url(ks(sb).kuaishou.openBase, '/oauth2/access_token', { app_id: app.app_id, app_secret: app.app_secret, code, grant_type: 'authorization_code' }))
  if (body.result !== 1) throw new Error(`token exchange failed: ${JSON.stringify(body)}`)
  return body as Json & { access_token: string; refresh_token: string }
}

export interface Cover {
  data: Uint8Array
  filename: string
}

/** `pushUrls` as the recommended client sends it: app_id + access_token in the query, the rest multipart. */
export async function pushUrls(sb: RunningSandbox, token: string, fields: Record<string, string> = {}, cover?: Cover | null, appId?: string): Promise<Json> {
  const form = new FormData()
  for (const [k, v] of Object.entries(fields)) form.set(k, v)
  if (cover) form.set('file', new Blob([Buffer.from(cover.data)], { type: 'image/jpeg' }), cover.filename)
  const target = url(ks(sb).kuaishou.openBase, '/openapi/kwaiUser/live/pushUrls', { app_id: appId ?? ks(sb).apps.kuaishou.app_id, access_token: token })
  const res = await fetch(target, { method: 'POST', body: form })
  expect200(res)
  return (await res.json()) as Json
}

export async function stopPush(sb: RunningSandbox, token: string, liveStreamName: string | undefined, extra: Record<string, string> = {}): Promise<Json> {
  const query: Record<string, string> = { app_id: ks(sb).apps.kuaishou.app_id, access_token: token, ...extra }
  if (liveStreamName !== undefined) query.liveStreamName = liveStreamName
  const res = await fetch(url(ks(sb).kuaishou.openBase, '/openapi/kwaiUser/live/stopPush', query), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' })
  expect200(res)
  return (await res.json()) as Json
}

export async function liveStatus(sb: RunningSandbox, token: string, name: string): Promise<Json> {
  return getJson(url(ks(sb).kuaishou.openBase, `/openapi/kwaiUser/live/status/${encodeURIComponent(name)}`, { app_id: ks(sb).apps.kuaishou.app_id, access_token: token }))
}

function expect200(res: Response): void {
  if (res.status !== 200) throw new Error(`HTTP ${res.status} where the platform answers 200`)
}

/** A real 720×1280 JPEG made by ffmpeg (throws when ffmpeg is missing: the suite must fail, not skip). */
export function makeJpeg(size = '720x1280'): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'ks-cover-'))
  try {
    const file = join(dir, 'cover.jpg')
    execFileSync('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', `testsrc=size=${size}:rate=1`, '-frames:v', '1', '-y', file], { stdio: 'pipe' })
    return new Uint8Array(readFileSync(file))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Waits for a condition by polling (no fixed sleeps); throws with the last value on timeout. */
export async function waitFor<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let last: T = await probe()
  while (!done(last)) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(last)}`)
    await new Promise((resolve) => setTimeout(resolve, intervalMs))
    last = await probe()
  }
  return last
}
