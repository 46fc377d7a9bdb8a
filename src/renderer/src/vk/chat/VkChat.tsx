import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { VkMemberView } from '../../../../shared/ipc/domain'
import { livedeck } from '../../api/livedeck'
import { useVkChannel } from '../channel/channel-store'
import { useVkChat } from './chat-store'
import { ChatInput } from './ChatInput'
import { ChatList } from './ChatList'
import { ChatSettingsPanel } from './ChatSettingsPanel'
import { LinkConfirm } from './LinkConfirm'
import { MemberCard, Members, useMemberCard } from './Members'
import { reopenChat, useChatSync } from './use-chat-sync'

/** Members are re-read at most this often when the user starts typing (mentions complete from them). */
const MEMBERS_TTL_MS = 30_000

export function VkChat(): React.JSX.Element {
  const { t } = useTranslation()
  useChatSync(true)
  const status = useVkChat((s) => s.status)
  const isLive = useVkChannel((s) => s.channel?.isLive)
  const [link, setLink] = useState<string | null>(null)
  const [members, setMembers] = useState<readonly VkMemberView[]>([])
  const [showMembers, setShowMembers] = useState(false)
  const [showSettings, setShowSettings] = useState(false)
  const membersAt = useRef(0)
  const card = useMemberCard()

  // The stream started or ended since the chat opened: reopen so sends target the right stream.
  useEffect(() => {
    if (isLive === undefined || !status || status.transport === 'connecting') return
    if (isLive !== (status.streamId !== null)) void reopenChat()
  }, [isLive, status])

  const loadMembers = (force = false): void => {
    if (!force && Date.now() - membersAt.current < MEMBERS_TTL_MS) return
    membersAt.current = Date.now()
    void livedeck()
      .vkChat.getMembers()
      .then((r) => r.ok && setMembers(r.value))
  }

  return (
    <section className="vk-chat" data-testid="vk-chat" aria-label={t('vk.chat.heading')}>
      <header className="vk-chat-header">
        <h3>{t('vk.chat.heading')}</h3>
        <span className="muted" data-testid="vk-chat-transport">
          {t(`vk.chat.transport.${status?.transport ?? 'idle'}`)}
        </span>
        <button
          type="button"
          className="button button-ghost"
          aria-expanded={showMembers}
          onClick={() => {
            if (!showMembers) loadMembers(true)
            setShowMembers((v) => !v)
          }}
        >
          {t('vk.members.toggle')}
        </button>
        {status?.canModerate && (
          <button type="button" className="button button-ghost" aria-expanded={showSettings} onClick={() => setShowSettings((v) => !v)}>
            {t('vk.chatSettings.toggle')}
          </button>
        )}
      </header>
      {showSettings && <ChatSettingsPanel onClose={() => setShowSettings(false)} />}
      <div className="vk-chat-body">
        <ChatList onLink={setLink} onAuthor={card.open} />
        {showMembers && <Members members={members} onPick={card.open} />}
      </div>
      <ChatInput members={members} onNeedMembers={() => loadMembers()} />
      {link && <LinkConfirm url={link} onClose={() => setLink(null)} />}
      <MemberCard card={card.card} error={card.error} onClose={card.close} />
    </section>
  )
}
