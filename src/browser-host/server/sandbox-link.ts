/**
 * The browser host's own platform sandbox: started in-process when `sandbox/src/index.ts` exports
 * `startSandbox` and `LIVEDECK_SANDBOX` was not given, and told about the host's OAuth callback routes
 * so the simulated platforms redirect sign-ins back to it.
 */
import type { Logger } from '../../main/ports/logger'

export interface OwnSandbox {
  /** The `SANDBOX <json>` line, as `npm run sandbox` prints it. */
  readonly line: string
  readonly control: string
  stop(): Promise<void>
}

interface SandboxModule {
  startSandbox?: (options: { log?: (line: string) => void }) => Promise<{ control: string; stop(): Promise<void> }>
}

/** Starts the sandbox if the repository has one; null when it does not (yet). */
export async function startOwnSandbox(log: (line: string) => void): Promise<OwnSandbox | null> {
  let mod: SandboxModule
  try {
    // Typed loosely on purpose: the check below is what decides, not today's sandbox typings.
    mod = await import('../../../sandbox/src/index')
  } catch (error) {
    log(`no platform sandbox available: ${error instanceof Error ? error.message : String(error)}`)
    return null
  }
  if (typeof mod.startSandbox !== 'function') return null
  const sandbox = await mod.startSandbox({ log })
  // JSON.stringify drops stop(): the line holds exactly the configuration.
  return { line: `SANDBOX ${JSON.stringify(sandbox)}`, control: sandbox.control, stop: () => sandbox.stop() }
}

/** `POST <control>/apps/redirect` for each platform the sandbox simulates. */
export async function registerRedirects(
  control: string,
  redirects: Readonly<Record<string, string>>,
  logger: Logger
): Promise<void> {
  for (const [platform, redirectUri] of Object.entries(redirects)) {
    const response = await fetch(new URL('apps/redirect', control.endsWith('/') ? control : `${control}/`), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ platform, redirect_uri: redirectUri })
    })
    // A platform the sandbox does not simulate yet answers 400; the other one still works.
    if (!response.ok) logger.warn('sandbox did not take the redirect URI', { platform, status: response.status })
    await response.body?.cancel()
  }
}
