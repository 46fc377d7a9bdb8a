/** The desktop notification for a live that ended without Stop, in the user's language. */
import type { Language } from '../../../shared/ipc/domain'

const texts: Record<Language, { title: string; body: string }> = {
  en: {
    title: 'Kuaishou live ended',
    body: 'The live ended because the encoder stopped sending. Get a new push URL to go live again.'
  },
  ru: {
    title: 'Эфир в Kuaishou завершён',
    body: 'Эфир закончился, потому что кодер перестал передавать поток. Получите новый адрес трансляции, чтобы выйти в эфир снова.'
  },
  zh: {
    title: '快手直播已结束',
    body: '编码器停止推流，直播已结束。请获取新的推流地址后重新开播。'
  }
}

export const liveEndedNotification = (language: Language): { title: string; body: string } => texts[language]
