import { useVirtualizer } from '@tanstack/react-virtual'
import { useLayoutEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { VkChatLine } from '../../../../shared/ipc/domain'
import { useVkChat } from './chat-store'
import { ChatLine } from './ChatLine'
import { BOTTOM_SLACK_PX, following, onScroll, unseen, type Follow } from './follow'

/** A first guess for a row's height; real heights are measured as rows render. */
const ROW_ESTIMATE_PX = 26

interface ChatListProps {
  readonly onLink: (url: string) => void
  readonly onAuthor: (userId: number) => void
}

/**
 * Virtualized chat: only the rows in view (plus a few) are in the DOM. Sticks to the bottom; scrolled
 * up, it freezes what the reader sees and offers "N new messages".
 */
export function ChatList({ onLink, onAuthor }: ChatListProps): React.JSX.Element {
  const { t } = useTranslation()
  // Only the list re-renders per batch, not the panel around it.
  const lines = useVkChat((s) => s.lines)
  const received = useVkChat((s) => s.received)
  const scrollRef = useRef<HTMLDivElement>(null)
  const lastTop = useRef(0)
  const [follow, setFollow] = useState<Follow>(following)
  const [frozen, setFrozen] = useState<readonly VkChatLine[]>(lines)
  const shown = follow.paused ? frozen : lines

  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE_PX,
    getItemKey: (i) => shown[i]?.key ?? i,
    overscan: 6
  })

  // Following: every change lands at the bottom before the browser paints.
  useLayoutEffect(() => {
    if (follow.paused || shown.length === 0) return
    virtualizer.scrollToIndex(shown.length - 1, { align: 'end' })
  }, [shown, follow.paused, virtualizer])

  const handleScroll = (): void => {
    const el = scrollRef.current
    if (!el) return
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight <= BOTTOM_SLACK_PX
    const next = onScroll(follow, { scrollTop: el.scrollTop, previousTop: lastTop.current, atBottom }, received)
    lastTop.current = el.scrollTop
    if (next === follow) return
    if (next.paused) setFrozen(lines)
    setFollow(next)
  }

  const resume = (): void => {
    setFollow(following)
  }

  const pending = unseen(follow, received)
  return (
    <div className="vk-chat-list-wrap">
      <div ref={scrollRef} className="vk-chat-list" data-testid="vk-chat-list" role="log" aria-label={t('vk.chat.log')} onScroll={handleScroll}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const line = shown[item.index]
            if (!line) return null
            return (
              <div
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className="vk-row"
                style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${item.start}px)` }}
              >
                <ChatLine line={line} onLink={onLink} onAuthor={onAuthor} />
              </div>
            )
          })}
        </div>
      </div>
      {follow.paused && (
        <button type="button" className="vk-new-messages button button-primary" onClick={resume}>
          {pending > 0 ? t('vk.chat.newMessages', { count: pending }) : t('vk.chat.backToLatest')}
        </button>
      )}
    </div>
  )
}
