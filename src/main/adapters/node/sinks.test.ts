import { describe, expect, it } from 'vitest'
import { createRecordingNotifier, createSinkClipboard, createSinkExternalOpener } from './sinks'

describe('sink adapters', () => {
  it('clipboard fails until a sink is attached, then writes through it', async () => {
    const clipboard = createSinkClipboard()
    await expect(clipboard.writeText('x')).rejects.toThrow(/no clipboard/)
    const written: string[] = []
    clipboard.setSink((t) => void written.push(t))
    await clipboard.writeText('key')
    clipboard.setSink(null)
    await expect(clipboard.writeText('y')).rejects.toThrow()
    expect(written).toEqual(['key'])
  })

  it('external opener fails until a sink is attached', async () => {
    const opener = createSinkExternalOpener()
    await expect(opener.openExternal('https://a/')).rejects.toThrow(/no browser/)
    const opened: string[] = []
    opener.setSink((u) => void opened.push(u))
    await opener.openExternal('https://a/')
    expect(opened).toEqual(['https://a/'])
  })

  it('notifier records every notification and tells subscribers', () => {
    const notifier = createRecordingNotifier()
    const seen: string[] = []
    notifier.notify({ title: 'early', body: 'kept' })
    const off = notifier.subscribe((n) => seen.push(n.title))
    notifier.notify({ title: 'Live ended', body: 'Kuaishou' })
    off()
    notifier.notify({ title: 'late', body: '' })
    expect(notifier.sent.map((n) => n.title)).toEqual(['early', 'Live ended', 'late'])
    expect(seen).toEqual(['Live ended'])
  })
})
