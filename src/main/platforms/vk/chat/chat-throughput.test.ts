/**
 * The main-process half of the chat path under load: the sandbox firehose at 500 msg/s for 2 s over
 * the real websocket → normalized → batched. Every published message must reach a batch (none lost,
 * none twice), in far fewer events than messages, with bounded publish → batch latency.
 */
import { afterEach, expect, it } from 'vitest'
import { LIVE, startHarness, USERS, waitFor, type Harness } from '../test-support/sandbox-harness'
import { vkServicesFor } from '../test-support/services'

let h: Harness | undefined
let close: (() => void) | undefined
afterEach(async () => {
  close?.()
  await h?.stop()
  h = undefined
})

it('500 msg/s for 2 s: nothing lost or doubled, batched, p95 publish → batch reported', async () => {
  h = await startHarness()
  h.consent = { user: USERS.owner }
  const vk = vkServicesFor(h)
  await vk.account.connect()
  close = () => vk.chat.close()
  await vk.chat.open()
  await waitFor(() => vk.chat.status().transport === 'live', 'the websocket')
  const seenBatches = vk.record.batches.length
  const before = Date.now()
  const { count } = (await h.control('/vk/chat/firehose', { channel_url: LIVE, rate: 500, durationS: 2 })) as { count: number }
  const batchesBefore = vk.record.batches.length
  await waitFor(() => {
    const n = vk.record.batches.slice(seenBatches).flatMap((b) => b.lines).filter((l) => l.kind === 'message').length
    return n >= count
  }, `${count} messages`, 15_000)
  const received = new Map<number, number>()
  let duplicates = 0
  vk.record.batches.forEach((b, i) => {
    if (i < seenBatches) return
    for (const l of b.lines) {
      if (l.kind !== 'message') continue
      if (received.has(l.id)) duplicates++
      received.set(l.id, vk.record.batchAt[i]!)
    }
  })
  const published = ((await h.control(`/vk/chat/published?since=${before}`)) as Array<{ at: number; id?: number; type: string }>).filter(
    (p) => p.type === 'channel_chat_message_send' && p.id !== undefined
  )
  expect(published).toHaveLength(count)
  const lost = published.filter((p) => !received.has(p.id!))
  expect(lost).toEqual([])
  expect(duplicates).toBe(0)
  const events = vk.record.batches.length - batchesBefore
  expect(events).toBeLessThan(count / 3)
  const latencies = published.map((p) => received.get(p.id!)! - p.at).sort((a, b) => a - b)
  const p95 = latencies[Math.floor(latencies.length * 0.95)]!
  console.info(`VK chat main path: ${count} msgs, ${events} batch events, p95 publish→batch ${p95} ms, max ${latencies.at(-1)} ms`)
  // Loose bound on a shared 2-core machine; the figure is printed for the note.
  expect(p95).toBeLessThan(1000)
})
