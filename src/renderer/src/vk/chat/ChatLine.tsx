import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import type { VkChatLine, VkChatMessageView, VkChatPart } from '../../../../shared/ipc/domain'
import { VkImage } from '../common/VkImage'
import { nickColor } from './nick-color'

/** Smiles render at one fixed size so rows keep their height. */
export const SMILE_PX = 24

interface LineProps {
  readonly line: VkChatLine
  readonly onLink: (url: string) => void
  readonly onAuthor?: (userId: number) => void
}

/**
 * One chat line. Everything from VK is placed as React text or attributes — never as HTML — so a
 * nick or a message like `<img onerror=…>` shows literally. Lines are immutable, so a row re-renders only
 * when its line changes (e.g. deleted).
 */
export const ChatLine = memo(function ChatLine({ line, onLink, onAuthor }: LineProps): React.JSX.Element {
  const { t } = useTranslation()
  if (line.kind === 'system') {
    const params = { nick: line.nick, count: line.raiders ?? 0, level: line.level ?? '' }
    return (
      <div className="vk-line vk-system" data-line-key={line.key}>
        {t(`vk.chat.system.${line.event}`, params)}
      </div>
    )
  }
  const classes = ['vk-line', 'vk-message']
  if (line.deleted) classes.push('vk-deleted')
  if (line.author.isBot) classes.push('vk-bot')
  if (line.mentionsMe) classes.push('vk-mentions-me')
  return (
    <div className={classes.join(' ')} data-line-key={line.key} data-msg-id={line.id}>
      <Author message={line} onAuthor={onAuthor} />
      <span className="vk-text">
        {line.deleted ? <em className="vk-deleted-note">{t('vk.chat.deleted')} </em> : null}
        {line.parts.map((part, i) => (
          <Part key={i} part={part} onLink={onLink} />
        ))}
      </span>
    </div>
  )
})

function Author({ message, onAuthor }: { message: VkChatMessageView; onAuthor: LineProps['onAuthor'] }): React.JSX.Element {
  const { t } = useTranslation()
  const a = message.author
  return (
    <span className="vk-author">
      {a.isBot && <span className="vk-mark vk-mark-bot">{t('vk.chat.bot')}</span>}
      {a.isOwner && <span className="vk-mark vk-mark-owner">{t('vk.chat.owner')}</span>}
      {a.isModerator && <span className="vk-mark vk-mark-mod">{t('vk.chat.moderator')}</span>}
      {a.badges.map((b) => (
        <VkImage key={b.id} url={b.imageUrl} alt={b.name || b.achievement} size={16} className="vk-badge" />
      ))}
      {a.roles.map((r) => (
        <span key={r.id} className="vk-role">
          {r.name}
        </span>
      ))}
      <button type="button" className="vk-nick-button" style={{ color: nickColor(a.nickColor) }} onClick={() => onAuthor?.(a.id)}>
        {a.nick}
      </button>
      {message.isPrivate && <span className="vk-mark">{t('vk.chat.private')}</span>}
      <span aria-hidden="true">: </span>
    </span>
  )
}

function Part({ part, onLink }: { part: VkChatPart; onLink: (url: string) => void }): React.JSX.Element {
  switch (part.kind) {
    case 'text':
      return <>{part.text}</>
    case 'mention':
      return <span className={part.mine ? 'vk-mention vk-mention-mine' : 'vk-mention'}>@{part.nick}</span>
    case 'smile':
      return <VkImage url={part.imageUrl} alt={`:${part.name}:`} size={SMILE_PX} className="vk-smile" />
    case 'link':
      return (
        <button type="button" className="vk-link" onClick={() => onLink(part.url)}>
          {part.text || part.url}
        </button>
      )
  }
}
