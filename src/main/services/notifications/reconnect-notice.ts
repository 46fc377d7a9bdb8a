/**
 * A desktop notification when an account needs to be connected again (refresh refused, stored sign-in
 * unreadable, implicit token expired): the creator may be looking at OBS, not at Livedeck, when it happens.
 * Fed by the TokenVault's state changes, so every platform gets it without code of its own.
 */
import type { Language } from '../../../shared/ipc/domain'
import type { Notifier } from '../../ports/notifier'
import type { TokenVault } from '../auth/token-vault'

const platformNames: Record<string, string> = { vk: 'VK Video Live', kuaishou: 'Kuaishou' }

const texts: Record<Language, (platform: string) => { title: string; body: string }> = {
  en: (p) => ({ title: `Reconnect ${p}`, body: `${p} no longer accepts the saved sign-in. Open Livedeck and connect again.` }),
  ru: (p) => ({ title: `Переподключите ${p}`, body: `${p} больше не принимает сохранённый вход. Откройте Livedeck и подключитесь снова.` }),
  zh: (p) => ({ title: `请重新连接 ${p}`, body: `${p} 不再接受已保存的登录。请打开 Livedeck 重新连接。` })
}

export function reconnectNotification(account: string, language: Language): { title: string; body: string } {
  return texts[language](platformNames[account] ?? account)
}

/** Returns the unsubscribe function. */
export function watchReconnectNeeded(deps: {
  readonly vault: Pick<TokenVault, 'onStateChange'>
  readonly notifier: Notifier
  readonly language: () => Language
}): () => void {
  return deps.vault.onStateChange((account, state) => {
    if (state === 'needsReconnect') deps.notifier.notify(reconnectNotification(account, deps.language()))
  })
}
