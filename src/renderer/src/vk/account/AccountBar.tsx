import { useTranslation } from 'react-i18next'
import { useFormat } from '../../desktop/format'
import { useUiStore } from '../../store/ui-store'
import { VkImage } from '../common/VkImage'
import { vkErrorText } from '../common/vk-error'
import { useVkAccount } from './account-store'
import { connectVk, disconnectVk } from './use-account'

/** Who is connected, and the one button that fits the state: connect, reconnect or sign out. */
export function AccountBar(): React.JSX.Element {
  const { t } = useTranslation()
  const fmt = useFormat()
  const { account, connecting, connectError, signedOut } = useVkAccount()
  const show = useUiStore((s) => s.show)
  const state = account?.state ?? 'disconnected'
  const user = account?.user ?? null

  return (
    <div className="vk-account" data-testid="vk-account">
      {state !== 'disconnected' && user ? (
        <div className="vk-who">
          <VkImage url={user.avatarUrl} alt={t('vk.account.avatar', { nick: user.nick })} size={36} className="vk-avatar" />
          <div>
            <strong className="vk-nick">{user.nick}</strong>
            <div className="muted">
              {account?.channelUrl ? t('vk.account.channel', { channel: account.channelUrl }) : t('vk.account.noChannel')}
            </div>
          </div>
        </div>
      ) : (
        <p className="muted">{t('vk.account.intro')}</p>
      )}
      {state === 'needsReconnect' && (
        <p className="vk-warning" role="alert">
          {account?.flow === 'implicit' ? t('vk.account.expiredImplicit') : t('vk.account.needsReconnect')}
        </p>
      )}
      {connecting && (
        <p className="muted" role="status">
          {t('vk.account.connecting')}
        </p>
      )}
      {connectError && (
        <p className="vk-error" role="alert">
          {connectError.code === 'cancelled' || connectError.code === 'timed_out' ? t('vk.account.cancelled') : vkErrorText(t, connectError)}
        </p>
      )}
      {signedOut && !signedOut.revoked && signedOut.validUntil !== null && (
        <p className="muted" role="note">
          {t('vk.account.implicitSignOut', { until: fmt.dateTime(signedOut.validUntil) })}
        </p>
      )}
      <div className="vk-actions">
        {state === 'disconnected' && (
          <button type="button" className="button button-primary" disabled={connecting} onClick={() => void connectVk()}>
            {t('vk.account.connect')}
          </button>
        )}
        {state === 'needsReconnect' && (
          <button type="button" className="button button-primary" disabled={connecting} onClick={() => void connectVk()}>
            {t('vk.account.reconnect')}
          </button>
        )}
        {state === 'disconnected' && (
          // The app credentials (client ID, optional secret) are set in settings.
          <button type="button" className="link-button" onClick={() => show('settings')}>
            {t('slot.openSettings')}
          </button>
        )}
        {state !== 'disconnected' && (
          <button type="button" className="button button-ghost" onClick={() => void disconnectVk()}>
            {t('vk.account.signOut')}
          </button>
        )}
      </div>
    </div>
  )
}
