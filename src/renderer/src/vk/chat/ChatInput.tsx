import { useEffect, useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { VkChatLine, VkMemberView } from '../../../../shared/ipc/domain'
import { livedeck } from '../../api/livedeck'
import { VkImage } from '../common/VkImage'
import { vkErrorText } from '../common/vk-error'
import { useVkChat } from './chat-store'
import { composeParts } from './compose-parts'

export interface KnownSmile {
  readonly id: string
  readonly name: string
  readonly imageUrl: string | null
}

interface ChatInputProps {
  readonly members: readonly VkMemberView[]
  readonly onNeedMembers: () => void
}

/** The smiles the chat has shown are the ones offered (read on demand, not on every batch). */
export function knownSmiles(lines: readonly VkChatLine[]): KnownSmile[] {
  const seen = new Map<string, KnownSmile>()
  for (const l of lines) if (l.kind === 'message') for (const p of l.parts) if (p.kind === 'smile' && !seen.has(p.id)) seen.set(p.id, { id: p.id, name: p.name, imageUrl: p.imageUrl })
  return [...seen.values()]
}

let sent = 0
const newClientId = (): string => `c${Date.now().toString(36)}${(sent++).toString(36)}`

/** The `@partial` being typed at the end of the input, if any. */
const mentionQuery = (text: string): string | null => /(?:^|\s)@([^\s@]*)$/.exec(text)?.[1] ?? null

/**
 * The message box: mentions complete from the members list, smiles come from a picker, and every
 * send shows its own state. With no live stream it is disabled and says why.
 */
export function ChatInput({ members, onNeedMembers }: ChatInputProps): React.JSX.Element {
  const { t } = useTranslation()
  const status = useVkChat((s) => s.status)
  const outbox = useVkChat((s) => s.outbox)
  const queue = useVkChat((s) => s.queue)
  const sendState = useVkChat((s) => s.sendState)
  const [text, setText] = useState('')
  const [smiles, setSmiles] = useState<readonly KnownSmile[] | null>(null)
  const showSmiles = smiles !== null
  const [now, setNow] = useState(() => Date.now())
  const inputId = useId()
  const live = status?.streamId != null

  const retryAt = outbox.reduce((max, e) => Math.max(max, e.retryAt ?? 0), 0)
  const coolingDown = retryAt > now
  useEffect(() => {
    if (retryAt <= Date.now()) return
    const timer = setInterval(() => setNow(Date.now()), 250)
    return () => clearInterval(timer)
  }, [retryAt])

  const query = mentionQuery(text)
  const suggestions = useMemo(
    () => (query === null ? [] : members.filter((m) => m.nick.toLowerCase().startsWith(query.toLowerCase())).slice(0, 8)),
    [query, members]
  )

  const insertMention = (nick: string): void => setText((v) => v.replace(/@[^\s@]*$/, `@${nick} `))

  const send = async (): Promise<void> => {
    const parts = composeParts(
      text,
      new Map(members.map((m) => [m.nick, m.id])),
      new Map(knownSmiles(useVkChat.getState().lines).map((s) => [s.name, s.id]))
    )
    if (parts.length === 0) return
    const clientId = newClientId()
    queue(clientId, text)
    setText('')
    const r = await livedeck().vkChat.send({ clientId, parts })
    sendState(r.ok ? r.value : { clientId, state: 'failed', error: r.error })
  }

  return (
    <div className="vk-chat-input" data-testid="vk-chat-input">
      {!live && (
        <p className="muted" role="status">
          {t('vk.chat.offline')}
        </p>
      )}
      <form
        className="vk-send-row"
        onSubmit={(e) => {
          e.preventDefault()
          if (live && !coolingDown) void send()
        }}
      >
        <label className="vk-visually-hidden" htmlFor={inputId}>
          {t('vk.chat.inputLabel')}
        </label>
        <input
          id={inputId}
          value={text}
          disabled={!live}
          maxLength={500}
          autoComplete="off"
          placeholder={live ? t('vk.chat.placeholder') : t('vk.chat.offline')}
          onFocus={onNeedMembers}
          onChange={(e) => setText(e.target.value)}
        />
        <button type="button" className="button button-ghost" disabled={!live} aria-expanded={showSmiles} onClick={() => setSmiles(showSmiles ? null : knownSmiles(useVkChat.getState().lines))}>
          {t('vk.chat.smiles')}
        </button>
        <button type="submit" className="button button-primary" disabled={!live || coolingDown || text.trim() === ''}>
          {coolingDown ? t('vk.chat.cooldown', { seconds: Math.ceil((retryAt - now) / 1000) }) : t('vk.chat.send')}
        </button>
      </form>
      {suggestions.length > 0 && (
        <ul className="vk-options" role="listbox" aria-label={t('vk.chat.mentionSuggestions')}>
          {suggestions.map((m) => (
            <li key={m.id} role="option" aria-selected={false} onMouseDown={(e) => e.preventDefault()} onClick={() => insertMention(m.nick)}>
              @{m.nick}
            </li>
          ))}
        </ul>
      )}
      {smiles !== null && (
        <div className="vk-smile-picker" role="group" aria-label={t('vk.chat.smiles')}>
          {smiles.length === 0 && <span className="muted">{t('vk.chat.noSmiles')}</span>}
          {smiles.map((s) => (
            <button key={s.id} type="button" className="vk-smile-button" title={`:${s.name}:`} onClick={() => setText((v) => `${v}${v && !v.endsWith(' ') ? ' ' : ''}:${s.name}: `)}>
              <VkImage url={s.imageUrl} alt={`:${s.name}:`} size={24} />
            </button>
          ))}
        </div>
      )}
      {outbox.length > 0 && (
        <ul className="vk-outbox" aria-label={t('vk.chat.outbox')}>
          {outbox.map((e) => (
            <li key={e.clientId} className={`vk-outbox-${e.state}`} data-state={e.state}>
              <span className="vk-outbox-text">{e.text}</span>{' '}
              <span className="vk-outbox-state">
                {e.state === 'failed' && e.error ? t('vk.chat.failed', { why: vkErrorText(t, e.error) }) : t(`vk.chat.state.${e.state}`)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
