import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createNodeLogger } from './logger'

describe('Node logger', () => {
  it('writes JSON lines with message and meta redacted', () => {
    const lines: string[] = []
    const log = createNodeLogger({ write: (l) => lines.push(l) })
    log.warn('GET https://api/x?access_token=AT-secret-1', { headers: { Authorization: 'Bearer AT-secret-1' }, status: 401 })
    expect(lines).toHaveLength(1)
    expect(lines[0]).not.toContain('secret-1')
    const entry = JSON.parse(lines[0]!) as { level: string; meta: { status: number } }
    expect(entry.level).toBe('warn')
    expect(entry.meta.status).toBe(401)
  })

  it('drops entries below the level', () => {
    const lines: string[] = []
    const log = createNodeLogger({ level: 'warn', write: (l) => lines.push(l) })
    log.info('hidden')
    log.error('shown')
    expect(lines.map((l) => (JSON.parse(l) as { message: string }).message)).toEqual(['shown'])
  })

  it('appends to a file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'livedeck-log-'))
    try {
      const file = join(dir, 'main.log')
      const log = createNodeLogger({ file })
      log.info('one')
      log.info('two', { refresh_token: 'RT-secret-1' })
      const text = readFileSync(file, 'utf8')
      expect(text.trim().split('\n')).toHaveLength(2)
      expect(text).not.toContain('RT-secret-1')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
