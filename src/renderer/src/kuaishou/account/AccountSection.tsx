import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { IpcError } from '../../../../shared/ipc/result'
import { livedeck } from '../../api/livedeck'
import { safeImageSrc } from '../../images/safe-image-src'
import { call } from '../common/call'
import { ErrorNote } from '../common/ErrorNote'
import { useKuaishouStore } from '../kuaishou-store'


/** Connect / reconnect / sign out, who is connected, and which permission is missing. */
export function AccountSection(): React.JSX.Element {
  const { t } = useTranslation()
  const account = useKuaishouStore((s) => s.account)
  const setAccount = useKuaishouStore((s) => s.setAccount)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<IpcError | null>(null)

  const act = async (which: 'connect' | 'disconnect') => {
    setBusy(true)
    setError(null)
    const result = await call(which === 'connect' ? livedeck().kuaishou.connect() : livedeck().kuaishou.disconnect())
    setBusy(false)
    if (result.ok) setAccount(result.value)
    else setError(result.error)
  }
  const state = account?.state ?? 'disconnected'
  const avatar = safeImageSrc(account?.user?.avatarUrl ?? null)

  return (
    <div className="ks-account" data-testid="ks-account" data-state={state}>
      {state === 'connected' && account?.user && (
        <div className="ks-user">
          {avatar && (
            // Hidden when the image protocol cannot serve it (e.g. the browser host): no broken-image icon.
            <img className="ks-avatar" src={avatar} alt="" width={32} height={32} onError={(e) => void (e.currentTarget.hidden = true)} />
          )}
          <span>{t('kuaishou.account.signedInAs', { name: account.user.name })}</span>
        </div>
      )}
      {state === 'needsReconnect' && <p className="ks-warning">{t('kuaishou.account.needsReconnect')}</p>}
      {state === 'disconnected' && <p className="muted">{t('kuaishou.account.intro')}</p>}
      {account && account.missingScopes.length > 0 && state === 'connected' && (
        <p className="ks-warning" data-testid="ks-missing-scopes">
          {t('kuaishou.account.missingScopes', { scopes: account.missingScopes.join(', ') })}
        </p>
      )}
      <div className="ks-actions">
        {state !== 'connected' && (
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void act('connect')}>
            {t(state === 'needsReconnect' ? 'kuaishou.account.reconnect' : 'kuaishou.account.connect')}
          </button>
        )}
        {state === 'connected' && account && account.missingScopes.length > 0 && (
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void act('connect')}>
            {t('kuaishou.account.reconnect')}
          </button>
        )}
        {state !== 'disconnected' && (
          <button type="button" className="button button-ghost" disabled={busy} onClick={() => void act('disconnect')}>
            {t('kuaishou.account.signOut')}
          </button>
        )}
      </div>
      {busy && <p className="muted">{t('kuaishou.account.waiting')}</p>}
      {error && <ErrorNote error={error} />}
    </div>
  )
}
