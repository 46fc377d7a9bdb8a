import { useTranslation } from 'react-i18next'
import type { IpcError } from '../../../../shared/ipc/result'
import { livedeck } from '../../api/livedeck'
import { useUiStore } from '../../store/ui-store'
import { errorKeys, verificationUrl } from './error-text'

/** An error in place: what happened and what to do, by code, plus the one action that helps. */
export function ErrorNote({ error }: { error: IpcError }): React.JSX.Element {
  const { t } = useTranslation()
  const show = useUiStore((s) => s.show)
  const link = verificationUrl(error)
  const params = { ...error.params }
  return (
    <div className="ks-error" role="alert" data-code={error.code} data-platform-code={error.platformCode}>
      <p>{t(errorKeys(error), params)}</p>
      {link && (
        <p>
          {/* Shown as text so the user sees where it goes; opened by main in the system browser. */}
          <a
            href={link}
            rel="noreferrer noopener"
            onClick={(e) => {
              e.preventDefault()
              void livedeck().shell.openExternal({ url: link })
            }}
          >
            {t('kuaishou.errors.openVerification')}
          </a>{' '}
          <code className="ks-url">{link}</code>
        </p>
      )}
      {error.code === 'not_configured' && (
        <button type="button" className="link-button" onClick={() => show('settings')}>
          {t('kuaishou.errors.openSettings')}
        </button>
      )}
    </div>
  )
}
