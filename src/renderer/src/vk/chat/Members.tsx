import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../desktop/format'
import type { VkMemberCard, VkMemberView } from '../../../../shared/ipc/domain'
import type { IpcError } from '../../../../shared/ipc/result'
import { livedeck } from '../../api/livedeck'
import { VkImage } from '../common/VkImage'
import { vkErrorText } from '../common/vk-error'
import { nickColor } from './nick-color'

/** Who is in the chat (main caps it at 200); a click opens the member card. */
export function Members({ members, onPick }: { members: readonly VkMemberView[]; onPick: (userId: number) => void }): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <div className="vk-members" data-testid="vk-members">
      <h4>{t('vk.members.heading', { count: members.length })}</h4>
      <ul>
        {members.map((m) => (
          <li key={m.id}>
            <button type="button" className="vk-nick-button" style={{ color: nickColor(m.nickColor) }} onClick={() => onPick(m.id)}>
              {m.nick}
            </button>
            {m.isOwner && <span className="vk-mark vk-mark-owner">{t('vk.chat.owner')}</span>}
            {m.isModerator && <span className="vk-mark vk-mark-mod">{t('vk.chat.moderator')}</span>}
          </li>
        ))}
      </ul>
    </div>
  )
}

export function useMemberCard(): { card: VkMemberCard | null; error: IpcError | null; open: (userId: number) => void; close: () => void } {
  const [card, setCard] = useState<VkMemberCard | null>(null)
  const [error, setError] = useState<IpcError | null>(null)
  // Stable, so memoized chat rows that receive it do not re-render.
  const open = useCallback((userId: number): void => {
    setError(null)
    void livedeck()
      .vkChat.getMember({ userId })
      .then((r) => (r.ok ? setCard(r.value) : setError(r.error)))
  }, [])
  return { card, error, open, close: () => (setCard(null), setError(null)) }
}

const hoursMinutes = (seconds: number): { hours: number; minutes: number } => ({ hours: Math.floor(seconds / 3600), minutes: Math.floor((seconds % 3600) / 60) })

export function MemberCard({ card, error, onClose }: { card: VkMemberCard | null; error: IpcError | null; onClose: () => void }): React.JSX.Element | null {
  const { t } = useTranslation()
  const fmt = useFormat()
  if (!card && !error) return null
  return (
    <div className="vk-dialog vk-member-card" role="dialog" aria-label={t('vk.members.card')}>
      {error && <p className="vk-error">{vkErrorText(t, error)}</p>}
      {card && (
        <>
          <div className="vk-who">
            <VkImage url={card.avatarUrl} alt={t('vk.account.avatar', { nick: card.nick })} size={40} className="vk-avatar" />
            <strong style={{ color: nickColor(card.nickColor) }}>{card.nick}</strong>
            {card.isOwner && <span className="vk-mark vk-mark-owner">{t('vk.chat.owner')}</span>}
            {card.isModerator && <span className="vk-mark vk-mark-mod">{t('vk.chat.moderator')}</span>}
            {card.isSubscriber && <span className="vk-mark">{t('vk.members.subscriber')}</span>}
          </div>
          <dl className="vk-stream-facts">
            <dt>{t('vk.members.roles')}</dt>
            <dd>{card.roles.length ? card.roles.map((r) => r.name).join(', ') : '—'}</dd>
            <dt>{t('vk.members.badges')}</dt>
            <dd>
              {card.badges.length
                ? card.badges.map((b) => <VkImage key={b.id} url={b.imageUrl} alt={b.name || b.achievement} size={16} className="vk-badge" />)
                : '—'}
            </dd>
            {card.registeredAt !== null && (
              <>
                <dt>{t('vk.members.registered')}</dt>
                <dd>{fmt.date(card.registeredAt)}</dd>
              </>
            )}
            <dt>{t('vk.members.messages')}</dt>
            <dd>{card.statistics.chatMessages}</dd>
            <dt>{t('vk.members.watched')}</dt>
            <dd>{t('vk.members.watchedValue', hoursMinutes(card.statistics.watchedTime))}</dd>
            <dt>{t('vk.members.bans')}</dt>
            <dd>{t('vk.members.bansValue', { permanent: card.statistics.permanentBans, temporary: card.statistics.temporaryBans })}</dd>
          </dl>
        </>
      )}
      <button type="button" className="button button-ghost" onClick={onClose}>
        {t('vk.members.close')}
      </button>
    </div>
  )
}
