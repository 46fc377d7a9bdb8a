/**
 * `npm run sandbox`: starts the sandbox and prints exactly one stdout line, `SANDBOX <json>`, once ready.
 * Logs go to stderr. SIGINT/SIGTERM stop it and exit 0.
 */
import { startSandbox } from './index'

const port = (name: string): number => {
  const raw = process.env[name]
  const n = raw === undefined || raw === '' ? 0 : Number(raw)
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`${name} must be a port number`)
  return n
}

async function main(): Promise<void> {
  const log = (line: string): void => {
    process.stderr.write(`[sandbox] ${line}\n`)
  }
  const sandbox = await startSandbox({ ports: { http: port('SANDBOX_PORT'), rtmp: port('SANDBOX_RTMP_PORT') }, log })
  // JSON.stringify leaves out stop(): the line holds exactly the configuration.
  process.stdout.write(`SANDBOX ${JSON.stringify(sandbox)}\n`)
  const shutdown = (signal: string): void => {
    log(`${signal}: stopping`)
    sandbox.stop().then(
      () => {
        log('stopped')
        process.exit(0)
      },
      (error: unknown) => {
        log(`stop failed: ${String(error)}`)
        process.exit(1)
      }
    )
  }
  process.once('SIGINT', () => shutdown('SIGINT'))
  process.once('SIGTERM', () => shutdown('SIGTERM'))
}

main().catch((error: unknown) => {
  process.stderr.write(`[sandbox] failed to start: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
