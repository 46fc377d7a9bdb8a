/**
 * `startSandbox(options)`: the platform sandbox in-process. Starts the control server and every platform
 * module on 127.0.0.1 and returns the SANDBOX configuration plus `stop()`.
 */
import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { createClock } from './core/clock'
import { createControlServer } from './core/control-server'
import { createFaultRegistry } from './core/faults'
import { resolveOptions, type SandboxOptions } from './core/options'
import type { PlatformFactory, PlatformModule, SandboxContext } from './core/platform'
import { createPlatformServer } from './core/platform-server'
import { createRequestLog } from './core/request-log'
import { createKuaishouModule } from './kuaishou/module'
import { createRtmpModule } from './rtmp/module'
import { createVkModule } from './vk/module'

export type { SandboxOptions } from './core/options'

/** The SANDBOX JSON (platform sections are contributed by the modules). */
export interface SandboxConfig {
  control: string
  apps: Record<string, Record<string, unknown>>
  users: Record<string, unknown[]>
  channels: Record<string, unknown[]>
  [section: string]: unknown
}

export interface RunningSandbox extends SandboxConfig {
  stop(): Promise<void>
}

/** The platform modules, in start order. */
export const defaultPlatforms: PlatformFactory[] = [createRtmpModule, createVkModule, createKuaishouModule]

export async function startSandbox(options: SandboxOptions = {}, platforms: PlatformFactory[] = defaultPlatforms): Promise<RunningSandbox> {
  const resolved = resolveOptions(options)
  const clock = options.clock ?? createClock()
  const requests = createRequestLog()
  const faults = createFaultRegistry()
  const log = options.log ?? ((): void => {})
  const servers: FastifyInstance[] = []
  let nextPort = resolved.ports.http === 0 ? 0 : resolved.ports.http + 1

  const listenOn = async (app: FastifyInstance, port: number): Promise<string> => {
    await app.listen({ host: '127.0.0.1', port })
    servers.push(app)
    return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  }

  const ctx: SandboxContext = {
    clock,
    options: resolved,
    requests,
    faults,
    log,
    shared: new Map(),
    createServer: (platform, serverOptions) => createPlatformServer({ clock, requests, faults }, platform, serverOptions),
    listen: (app) => listenOn(app, nextPort === 0 ? 0 : nextPort++)
  }

  const modules: PlatformModule[] = platforms.map((factory) => factory(ctx))
  const stopModules = async (): Promise<void> => {
    for (const m of [...modules].reverse()) await m.stop()
  }
  try {
    for (const m of modules) await m.start()
  } catch (error) {
    await stopModules()
    await Promise.all(servers.map((s) => s.close()))
    throw error
  }

  const config: SandboxConfig = { control: '', apps: {}, users: {}, channels: {} }
  const control = createControlServer({
    ctx,
    modules,
    config: () => config,
    reset: () => {
      faults.clear()
      requests.clear()
      for (const m of modules) {
        m.clearFaults?.()
        m.reset()
      }
    }
  })
  config.control = await listenOn(control, resolved.ports.http)
  for (const m of modules) {
    const part = m.config()
    Object.assign(config, part.sections ?? {})
    if (part.app) config.apps[m.name] = part.app
    if (part.users) config.users[m.name] = part.users
    if (part.channels) config.channels[m.name] = part.channels
  }
  log(`sandbox ready: control ${config.control}`)

  let stopped: Promise<void> | undefined
  const stop = (): Promise<void> =>
    (stopped ??= (async () => {
      await stopModules()
      await Promise.all(servers.map((s) => s.close()))
      clock.dispose()
    })())
  return Object.assign(JSON.parse(JSON.stringify(config)) as SandboxConfig, { stop })
}
