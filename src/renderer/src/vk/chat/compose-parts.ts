import type { VkChatSend } from '../../../../shared/ipc/domain'

type SendPart = VkChatSend['parts'][number]

/**
 * Turns what the user typed into VK message parts: `@nick` of a known member becomes a mention,
 * `:name:` of a known smile becomes a smile, everything else stays text (merged, whitespace kept).
 */
export function composeParts(text: string, members: ReadonlyMap<string, number>, smiles: ReadonlyMap<string, string>): SendPart[] {
  const parts: SendPart[] = []
  const pushText = (s: string): void => {
    if (s === '') return
    const last = parts.at(-1)
    if (last?.kind === 'text') parts[parts.length - 1] = { kind: 'text', text: last.text + s }
    else parts.push({ kind: 'text', text: s })
  }
  for (const token of text.split(/(\s+)/)) {
    const mention = /^@(.+)$/.exec(token)
    const smile = /^:([^:\s]+):$/.exec(token)
    const userId = mention ? members.get(mention[1]!) : undefined
    const smileId = smile ? smiles.get(smile[1]!) : undefined
    if (userId !== undefined) parts.push({ kind: 'mention', userId })
    else if (smileId !== undefined) parts.push({ kind: 'smile', id: smileId })
    else pushText(token)
  }
  // Edges that are only whitespace carry nothing.
  const first = parts[0]
  if (first?.kind === 'text' && first.text.trim() === '') parts.shift()
  const last = parts.at(-1)
  if (last?.kind === 'text' && last.text.trim() === '') parts.pop()
  return parts
}

/** Only http(s) links are ever offered to the system browser. */
export function isOpenableLink(url: string): boolean {
  try {
    const u = new URL(url)
    return u.protocol === 'http:' || u.protocol === 'https:'
  } catch {
    return false
  }
}
