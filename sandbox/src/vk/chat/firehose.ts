/**
 * Simulated viewers for benchmarks and demos: `rate` messages per second for `durationS` seconds from the
 * fixture viewers, with ru / zh / en texts, smiles and mentions. Paced in real time (a 10 ms tick emits
 * whatever is due), so a 500 msg/s burst really arrives at 500 msg/s.
 */
import { firehoseTexts, smiles } from '../fixtures'
import type { ChannelState, ResponsePart, VkState } from '../state'
import type { ChatService } from './chat-service'

const TICK_MS = 10

export class Firehose {
  private timers = new Set<ReturnType<typeof setInterval>>()

  constructor(
    private readonly state: VkState,
    private readonly chat: ChatService
  ) {}

  start(channel: ChannelState, rate: number, durationS: number): { count: number } {
    const total = Math.round(rate * durationS)
    const authors = [...this.state.users.values()].filter((u) => u.role === 'viewer' || u.role === 'subscriber').map((u) => u.id)
    const started = performance.now()
    let sent = 0
    const timer = setInterval(() => {
      const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate) + 1)
      for (; sent < due; sent++) this.chat.post(channel, authors[sent % authors.length] ?? channel.ownerId, this.parts(channel, sent))
      if (sent >= total) this.stopTimer(timer)
    }, TICK_MS)
    this.timers.add(timer)
    return { count: total }
  }

  private parts(channel: ChannelState, n: number): ResponsePart[] {
    const text: ResponsePart = { text: { content: `${firehoseTexts[n % firehoseTexts.length] ?? ''} #${n + 1}` } }
    if (n % 7 === 3) {
      const owner = this.state.users.get(channel.ownerId)
      return [{ mention: { id: channel.ownerId, nick: owner?.nick ?? '' } }, { text: { content: ' ' } }, text]
    }
    if (n % 5 === 2) return [text, { text: { content: ' ' } }, { smile: { ...smiles[n % smiles.length]! } }]
    return [text]
  }

  private stopTimer(timer: ReturnType<typeof setInterval>): void {
    clearInterval(timer)
    this.timers.delete(timer)
  }

  stopAll(): void {
    for (const t of this.timers) clearInterval(t)
    this.timers.clear()
  }
}
