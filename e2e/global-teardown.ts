import { stopHost } from './support/host-process'

export default async function globalTeardown(): Promise<void> {
  await stopHost()
}
