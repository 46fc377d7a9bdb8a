import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { AccountBar } from './account/AccountBar'
import { useVkAccount } from './account/account-store'
import { useAccountSync } from './account/use-account'
import { ChannelCard } from './channel/ChannelCard'
import { useChannelRefresh } from './channel/use-channel-refresh'
import { VkChat } from './chat/VkChat'
import { Toast } from './common/Toast'
import { Credentials } from './credentials/Credentials'
import { StreamForm } from './stream-settings/StreamForm'
import { vkCapabilities } from '../desktop/capabilities'
import { useVkChannel } from './channel/channel-store'
import { useVkChat } from './chat/chat-store'
import './vk.css'

/** The dashboard's VK slot: account, channel, stream settings, RTMP credentials and the chat. */
export function VkPanel(): React.JSX.Element {
  const { t } = useTranslation()
  const titleId = useId()
  useAccountSync()
  const account = useVkAccount((s) => s.account)
  const connected = account?.state === 'connected'
  // Which sections show is the capability map's call (one place for the rules).
  const caps = vkCapabilities(account, useVkChannel((s) => s.channel), useVkChat((s) => s.status))
  const hasChannel = caps.channel
  useChannelRefresh(hasChannel)

  return (
    <section className="panel slot slot-vk vk-panel" aria-labelledby={titleId} data-testid="slot-vk">
      <header className="panel-header">
        <span className="platform-dot platform-dot-vk" aria-hidden="true" />
        <h2 id={titleId}>{t('platform.vk')}</h2>
        <span className={`status ${connected ? 'status-on' : 'status-off'}`}>
          {connected ? t('vk.account.connected') : account?.state === 'needsReconnect' ? t('vk.account.reconnectNeeded') : t('slot.notConnected')}
        </span>
      </header>
      <AccountBar />
      {hasChannel && (
        <>
          <ChannelCard />
          <StreamForm />
          <Credentials />
          <VkChat />
        </>
      )}
      <Toast />
    </section>
  )
}
