import { useTranslation } from 'react-i18next'
import { useUiStore } from '../store/ui-store'

/**
 * Shows the last failed request, translated by its stable `code`. The error's `message` is for logs and
 * is never shown: it is English and may be technical.
 */
export function ErrorBanner(): React.JSX.Element | null {
  const { t } = useTranslation()
  const error = useUiStore((s) => s.error)
  const setError = useUiStore((s) => s.setError)
  if (!error) return null
  return (
    <div className="banner banner-error" role="alert">
      <div>
        <strong>{t('errors.title')}</strong> <span>{t(`errors.${error.code}`)}</span>
      </div>
      <button type="button" className="button button-ghost" onClick={() => setError(null)}>
        {t('errors.dismiss')}
      </button>
    </div>
  )
}
