/**
 * Publishes a test pattern with Debian's ffmpeg to an RTMP URL (H.264 + AAC, as Kuaishou requires),
 * until stopped. stderr is kept (last 4 kB) for the failure message.
 */
import { spawn } from 'node:child_process'

export interface Publisher {
  readonly exited: () => number | null
  readonly log: () => string
  stop(): Promise<void>
}

export function publish(url: string): Publisher {
  const args = ['-hide_banner', '-loglevel', 'warning', '-re', '-f', 'lavfi', '-i', 'testsrc=size=320x180:rate=15', '-f', 'lavfi', '-i', 'sine']
  const child = spawn('ffmpeg', [...args, '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', '-f', 'flv', url], { stdio: ['ignore', 'ignore', 'pipe'] })
  let log = ''
  let code: number | null = null
  child.stderr.on('data', (chunk: Buffer) => void (log = (log + chunk.toString()).slice(-4000)))
  const done = new Promise<void>((resolve) => child.once('exit', (c) => resolve(void (code = c ?? -1))))
  return {
    exited: () => code,
    log: () => log,
    async stop() {
      if (code === null) child.kill('SIGKILL')
      await done
    }
  }
}
