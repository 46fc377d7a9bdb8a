import { useTranslation } from 'react-i18next'
import { HeaderStatus } from '../desktop/HeaderStatus'
import { useUiStore, type Screen } from '../store/ui-store'
import { LanguageSwitcher } from './LanguageSwitcher'

export function Header(): React.JSX.Element {
  const { t } = useTranslation()
  const sandbox = useUiStore((s) => s.info?.sandbox.active ?? false)
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <h1 className="brand-name">{t('app.name')}</h1>
        {sandbox && (
          <span className="badge badge-sandbox" title={t('app.sandboxHint')} data-testid="sandbox-badge">
            {t('app.sandbox')}
          </span>
        )}
      </div>
      <nav className="nav" aria-label={t('nav.main')}>
        <NavButton screen="dashboard" label={t('nav.dashboard')} />
        <NavButton screen="settings" label={t('nav.settings')} />
      </nav>
      <HeaderStatus />
      <LanguageSwitcher />
    </header>
  )
}

function NavButton({ screen, label }: { screen: Screen; label: string }): React.JSX.Element {
  const current = useUiStore((s) => s.screen)
  const show = useUiStore((s) => s.show)
  return (
    <button
      type="button"
      className="nav-button"
      aria-current={current === screen ? 'page' : undefined}
      onClick={() => show(screen)}
    >
      {label}
    </button>
  )
}
