/**
 * Chat message parts (reference §6.3, §7.6, §10.3.17): the request form a client sends
 * (`text{content}`, `mention{id}`, `smile{id}`, `link{url}` — exactly one per part) and its conversion to
 * the response form subscribers see (`mention{id,nick}`, the full smile, `link{content,url}`). URLs typed
 * inside text come back as link parts, as the platform does.
 */
import { z } from 'zod'
import { errors } from '../errors'
import { smiles } from '../fixtures'
import type { ResponsePart, VkState } from '../state'

export const requestPartSchema = z.union([
  z.strictObject({ text: z.strictObject({ content: z.string() }) }),
  z.strictObject({ mention: z.strictObject({ id: z.number().int() }) }),
  z.strictObject({ smile: z.strictObject({ id: z.string().min(1) }) }),
  z.strictObject({ link: z.strictObject({ url: z.string().min(1) }) })
])
export type RequestPart = z.infer<typeof requestPartSchema>

export const sendBodySchema = z.object({ parts: z.array(requestPartSchema).min(1) })

const URL_IN_TEXT = /https?:\/\/[^\s]+/g

/** Splits text around URLs into text and link parts. */
export function textToParts(content: string): ResponsePart[] {
  const out: ResponsePart[] = []
  let last = 0
  for (const m of content.matchAll(URL_IN_TEXT)) {
    if (m.index > last) out.push({ text: { content: content.slice(last, m.index) } })
    out.push({ link: { content: m[0], url: m[0] } })
    last = m.index + m[0].length
  }
  if (last < content.length || out.length === 0) out.push({ text: { content: content.slice(last) } })
  return out
}

export function toResponseParts(state: VkState, parts: RequestPart[]): ResponsePart[] {
  return parts.flatMap((part, i): ResponsePart[] => {
    if ('text' in part) return textToParts(part.text.content)
    if ('link' in part) return [{ link: { content: part.link.url, url: part.link.url } }]
    if ('mention' in part) {
      const user = state.users.get(part.mention.id)
      if (!user) throw errors.invalidParam(`parts.${i}.mention.id`)
      return [{ mention: { id: user.id, nick: user.nick } }]
    }
    const smile = smiles.find((s) => s.id === part.smile.id)
    if (!smile) throw errors.invalidParam(`parts.${i}.smile.id`)
    return [{ smile: { ...smile } }]
  })
}

/** The message as text, for length and same-message checks. */
export function plainText(parts: ResponsePart[]): string {
  return parts
    .map((p) => ('text' in p ? p.text.content : 'link' in p ? p.link.url : 'mention' in p ? `@${p.mention.nick}` : `:${p.smile.name}:`))
    .join('')
}
