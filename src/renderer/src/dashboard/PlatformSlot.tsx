import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { Platform } from '../../../shared/ipc/domain'
import { useUiStore } from '../store/ui-store'

export function PlatformSlot({ platform }: { platform: Platform }): React.JSX.Element {
  const { t } = useTranslation()
  const show = useUiStore((s) => s.show)
  const titleId = useId()
  return (
    <section className={`panel slot slot-${platform}`} aria-labelledby={titleId} data-testid={`slot-${platform}`}>
      <header className="panel-header">
        <span className={`platform-dot platform-dot-${platform}`} aria-hidden="true" />
        <h2 id={titleId}>{t(`platform.${platform}`)}</h2>
        <span className="status status-off">{t('slot.notConnected')}</span>
      </header>
      <p className="muted">{t('slot.hint')}</p>
      <button
        type="button"
        className="link-button"
        onClick={() => {
          show('settings')
        }}
      >
        {t('slot.openSettings')}
      </button>
    </section>
  )
}
