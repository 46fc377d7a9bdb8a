import { useTranslation } from 'react-i18next'
import { livedeck } from '../../api/livedeck'
import { isOpenableLink } from './compose-parts'

/** Asks before a chat link leaves the app; only http(s) links can be opened at all. */
export function LinkConfirm({ url, onClose }: { url: string; onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation()
  const openable = isOpenableLink(url)
  return (
    <div className="vk-dialog" role="dialog" aria-modal="true" aria-label={t('vk.chat.linkTitle')}>
      <p>{openable ? t('vk.chat.linkQuestion') : t('vk.chat.linkRefused')}</p>
      <code className="vk-link-url">{url}</code>
      <div className="vk-actions">
        {openable && (
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              void livedeck().shell.openExternal({ url })
              onClose()
            }}
          >
            {t('vk.chat.linkOpen')}
          </button>
        )}
        <button type="button" className="button button-ghost" onClick={onClose}>
          {t('vk.chat.linkCancel')}
        </button>
      </div>
    </div>
  )
}
