/**
 * The dashboard (both platform panels, chat, cover conversion, OBS) in its own chunk, so the initial
 * bundle is only the shell (issue 7 size target). Its download starts as soon as this module is
 * evaluated — in parallel with the first settings/app-info round trip — not when it is first rendered.
 */
import { lazy, Suspense } from 'react'
import { useTranslation } from 'react-i18next'

const loading = import('./Dashboard')
const LazyDashboard = lazy(async () => ({ default: (await loading).Dashboard }))

export function Dashboard(): React.JSX.Element {
  const { t } = useTranslation()
  return (
    <Suspense
      fallback={
        <p className="loading" role="status">
          {t('app.loading')}
        </p>
      }
    >
      <LazyDashboard />
    </Suspense>
  )
}
