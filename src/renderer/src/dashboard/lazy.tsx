/**
 * The dashboard (both platform panels, chat, cover conversion, OBS) in its own chunk, so the initial
 * bundle is only the shell (issue 7 size target). Its download starts as soon as this module is
 * evaluated — in parallel with the first settings/app-info round trip — not when it is first rendered.
 * Rendered from state rather than React.lazy: Suspense holds revealed content back (its fallback
 * throttle), which cost ~800 ms of first paint in the bench.
 */
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

type DashboardModule = typeof import('./Dashboard')
let loaded: DashboardModule | null = null
const loading = import('./Dashboard').then((m) => (loaded = m))

export function Dashboard(): React.JSX.Element {
  const { t } = useTranslation()
  const [module, setModule] = useState(loaded)
  useEffect(() => {
    if (module) return
    let alive = true
    void loading.then((m) => alive && setModule(m))
    return () => {
      alive = false
    }
  }, [module])
  return module ? (
    <module.Dashboard />
  ) : (
    <p className="loading" role="status">
      {t('app.loading')}
    </p>
  )
}
