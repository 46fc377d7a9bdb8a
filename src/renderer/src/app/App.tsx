import { useTranslation } from 'react-i18next'
import { Dashboard } from '../dashboard/lazy'
import { ErrorBanner } from '../errors/ErrorBanner'
import { Header } from '../header/Header'
import { SettingsScreen } from '../settings/lazy'
import { useUiStore } from '../store/ui-store'
import { useObsSync } from '../desktop/use-obs-sync'
import { useShortcuts } from '../desktop/use-shortcuts'
import { useTheme } from '../desktop/use-theme'
import { useBootstrap } from './use-bootstrap'

export function App(): React.JSX.Element {
  useBootstrap()
  useTheme()
  useObsSync()
  useShortcuts()
  const { t } = useTranslation()
  const screen = useUiStore((s) => s.screen)
  const ready = useUiStore((s) => s.settings !== null && s.info !== null)

  return (
    <div className="app">
      <Header />
      <ErrorBanner />
      <main className="app-main" id="main">
        {!ready ? (
          <p className="loading" role="status">
            {t('app.loading')}
          </p>
        ) : screen === 'settings' ? (
          <SettingsScreen />
        ) : (
          <Dashboard />
        )}
      </main>
    </div>
  )
}
