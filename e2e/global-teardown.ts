import { existsSync } from 'node:fs'
import { stopHost } from './support/host-process'

export default async function globalTeardown(): Promise<void> {
  // When the setup failed before a host was up there is nothing to stop (and its error is the news).
  const state = process.env.LIVEDECK_E2E_STATE
  if (!state || !existsSync(state)) return
  await stopHost()
}
