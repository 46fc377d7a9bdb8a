/**
 * The settings screen, loaded on first open: it is the only screen that validates with zod (the
 * form pre-checks fields with main's schemas), so zod and the form land in their own chunk instead
 * of the initial bundle (issue 7 size target).
 */
import { lazy, Suspense } from 'react'
import { useTranslation } from 'react-i18next'

const LazySettings = lazy(async () => ({ default: (await import('./SettingsScreen')).SettingsScreen }))

export function SettingsScreen(): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <Suspense
      fallback={
        <p className="loading" role="status">
          {t('app.loading')}
        </p>
      }
    >
      <LazySettings />
    </Suspense>
  )
}
