import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { APP_CSP, createAppFileResponder, resolveAppFile } from './app-files'

let dir: string
let root: string

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'livedeck-app-files-'))
  root = join(dir, 'renderer')
  await mkdir(join(root, 'assets'), { recursive: true })
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Livedeck</title>')
  await writeFile(join(root, 'assets', 'index-abc.js'), 'console.log(1)')
  await writeFile(join(dir, 'secret.txt'), 'outside the root')
})
afterAll(async () => rm(dir, { recursive: true, force: true }))

describe('app:// file responder', () => {
  it('serves files under the root with their type and the CSP header', async () => {
    const respond = createAppFileResponder(root)
    const html = await respond('app://livedeck/index.html')
    expect(html.status).toBe(200)
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(html.headers.get('content-security-policy')).toBe(APP_CSP)
    expect(await html.text()).toContain('<title>Livedeck</title>')
    expect((await respond('app://livedeck/')).status).toBe(200)
    const js = await respond('app://livedeck/assets/index-abc.js?v=1')
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await js.text()).toBe('console.log(1)')
    expect((await respond('app://livedeck/missing.js')).status).toBe(404)
    expect((await respond('app://livedeck/assets')).status).toBe(404)
  })

  it('refuses path traversal in every spelling, other hosts and other schemes', async () => {
    const respond = createAppFileResponder(root)
    const attempts = [
      'app://livedeck/%2e%2e/secret.txt',
      'app://livedeck/..%2Fsecret.txt',
      'app://livedeck/assets/..%2F..%2Fsecret.txt',
      'app://livedeck/..%5Csecret.txt',
      'app://livedeck/%00index.html',
      'app://livedeck/%E0%A4%A',
      'app://other/index.html',
      'file:///etc/passwd',
      'https://livedeck/index.html'
    ]
    for (const url of attempts) {
      const res = await respond(url)
      // URL parsing already folds some spellings (`%2e%2e`) into the root (404); the rest are refused.
      expect([403, 404], url).toContain(res.status)
      expect(await res.text()).toBe('')
    }
    expect((await respond('app://livedeck/..%2Fsecret.txt')).status).toBe(403)
    expect(resolveAppFile(root, 'app://livedeck/assets/../index.html')).toBe(join(root, 'index.html'))
  })
})
