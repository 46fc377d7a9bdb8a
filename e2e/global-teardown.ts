import { hasState, stopHost } from './support/host-process'

export default async function globalTeardown(): Promise<void> {
  // When the setup failed before a host was up there is nothing to stop (and its error is the news).
  if (hasState()) await stopHost()
}
