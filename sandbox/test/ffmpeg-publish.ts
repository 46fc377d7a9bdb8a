/**
 * Real RTMP publishes for the ingest tests with Debian ffmpeg (small and short, issue 4). The tests fail,
 * not skip, when ffmpeg is missing: `spawn` then rejects `exited`.
 */
import { spawn, type ChildProcess } from 'node:child_process'

export interface Publish {
  child: ChildProcess
  exited: Promise<number | null>
}

/** Every encoder still running, so a test file can kill them in `afterEach`. */
export const encoders = new Set<ChildProcess>()

/**
 * ffmpeg publishing a 320×180 test pattern with a sine tone for `seconds`. `audio` is the ffmpeg audio
 * encoder: `aac` (what Kuaishou requires) or e.g. `libmp3lame` (MP3, which FLV also carries).
 */
export function publish(target: string, seconds: number, audio = 'aac'): Publish {
  const args = ['-hide_banner', '-loglevel', 'error', '-re', '-f', 'lavfi', '-i', 'testsrc=size=320x180:rate=15', '-f', 'lavfi', '-i', 'sine', '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', audio, '-t', String(seconds), '-f', 'flv', target]
  const child = spawn('ffmpeg', args, { stdio: 'ignore' })
  encoders.add(child)
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', (code) => {
      encoders.delete(child)
      resolve(code)
    })
  })
  return { child, exited }
}

export function killEncoders(): void {
  for (const child of encoders) child.kill('SIGKILL')
}

export const withTimeout = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> =>
  Promise.race([promise, new Promise<T>((_resolve, reject) => setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms))])
