/** `npm run web` entry point (dev/test only, never shipped); see `server/main.ts`. */
import { main } from './server/main'

main().catch((error: unknown) => {
  process.stderr.write(`[browser-host] failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exit(1)
})
