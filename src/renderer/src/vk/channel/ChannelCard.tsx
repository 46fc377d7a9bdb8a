import { useTranslation } from 'react-i18next'
import { useFormat } from '../../desktop/format'
import { VkImage } from '../common/VkImage'
import { vkErrorText } from '../common/vk-error'
import { useVkChannel } from './channel-store'

/** The channel as viewers see it: status, subscribers and the current stream. */
export function ChannelCard(): React.JSX.Element | null {
  const { t } = useTranslation()
  const fmt = useFormat()
  const channel = useVkChannel((s) => s.channel)
  const error = useVkChannel((s) => s.error)
  if (!channel) {
    return error ? (
      <p className="vk-error" role="alert">
        {vkErrorText(t, error)}
      </p>
    ) : (
      <p className="muted">{t('vk.channel.loading')}</p>
    )
  }
  const stream = channel.stream
  return (
    <div className="vk-channel" data-testid="vk-channel">
      <div className="vk-who">
        <VkImage url={channel.avatarUrl} alt={t('vk.account.avatar', { nick: channel.nick })} size={44} className="vk-avatar" />
        <div>
          <strong>{channel.nick}</strong>
          <div className="muted">
            <span className={`status ${channel.isLive ? 'status-on' : 'status-off'}`}>{channel.isLive ? t('vk.channel.live') : t('vk.channel.offline')}</span>{' '}
            {t('vk.channel.subscribers', { count: channel.subscribers })}
          </div>
        </div>
      </div>
      {stream && (
        <dl className="vk-stream-facts">
          <dt>{t('vk.channel.title')}</dt>
          <dd>{stream.title}</dd>
          <dt>{t('vk.channel.category')}</dt>
          <dd>{stream.category?.title ?? '—'}</dd>
          {stream.isLive && (
            <>
              <dt>{t('vk.channel.viewers')}</dt>
              <dd>{stream.viewers}</dd>
            </>
          )}
          {stream.startedAt !== null && (
            <>
              <dt>{t('vk.channel.startedAt')}</dt>
              <dd>{fmt.dateTime(stream.startedAt)}</dd>
            </>
          )}
        </dl>
      )}
    </div>
  )
}
