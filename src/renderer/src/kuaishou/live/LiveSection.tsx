import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../desktop/format'
import type { KuaishouLiveView } from '../../../../shared/ipc/kuaishou'
import type { IpcError } from '../../../../shared/ipc/result'
import { livedeck } from '../../api/livedeck'
import { call } from '../common/call'
import { ErrorNote } from '../common/ErrorNote'
import { idleChecklist, useDraftStore } from '../golive/draft-store'
import { useKuaishouStore } from '../kuaishou-store'
import { PushUrlCard } from './PushUrlCard'

const isActive = (live: KuaishouLiveView): boolean => live.status !== 'LIVE_END' && live.stop !== 'stopped'

/** The active live: status from main's poller, Stop with a confirmation, and the way to a new push URL. */
export function LiveSection({ live }: { live: KuaishouLiveView }): React.JSX.Element {
  const { t } = useTranslation()
  const fmt = useFormat()
  const setLive = useKuaishouStore((s) => s.setLive)
  const [confirming, setConfirming] = useState<'stop' | 'newUrl' | null>(null)
  const [error, setError] = useState<IpcError | null>(null)
  const active = isActive(live)

  const stop = async () => {
    setConfirming(null)
    setError(null)
    const result = await call(livedeck().kuaishou.stopLive())
    if (result.ok) setLive(result.value)
    else setError(result.error)
  }
  const startOver = async () => {
    setError(null)
    const result = await call(livedeck().kuaishou.dismissLive())
    if (!result.ok) return setError(result.error)
    useDraftStore.getState().setChecklist(idleChecklist)
    setLive(null)
  }

  return (
    <div className="ks-live" data-testid="ks-live" data-status={live.status} data-stop={live.stop}>
      <p className="ks-live-status">
        <span className={`status ks-status-${live.status}`} data-testid="ks-live-status">
          {t(`kuaishou.status.${live.status}`)}
        </span>
        {live.statusMsg && <span className="muted"> — {live.statusMsg}</span>}
      </p>
      {live.checkedAt !== null && <p className="muted">{t('kuaishou.status.checkedAt', { time: fmt.time(live.checkedAt) })}</p>}
      {live.pollError && <ErrorNote error={{ code: live.pollError as IpcError['code'], message: '' }} />}
      {live.endedWithoutStop && (
        <p className="ks-warning" role="alert" data-testid="ks-ended-without-stop">
          {t('kuaishou.status.endedWithoutStop')}
        </p>
      )}
      {live.stop === 'stopping' && <p className="muted">{t('kuaishou.stop.stopping')}</p>}
      {live.stop === 'failed' && (
        <p className="ks-warning" role="alert" data-testid="ks-stop-failed">
          {t('kuaishou.stop.failed')}
        </p>
      )}
      {live.stop === 'stopped' && live.status === 'LIVE_END' && <p data-testid="ks-stopped">{t('kuaishou.stop.done')}</p>}
      {live.status !== 'LIVE_END' && <PushUrlCard live={live} />}

      {confirming === 'stop' || confirming === 'newUrl' ? (
        <div className="ks-confirm" role="alertdialog" aria-label={t('kuaishou.stop.confirmTitle')}>
          <p>{t(confirming === 'newUrl' ? 'kuaishou.stop.confirmNewUrl' : 'kuaishou.stop.confirm')}</p>
          <button type="button" className="button button-danger" onClick={() => void stop()} data-testid="ks-stop-confirm">
            {t('kuaishou.stop.confirmButton')}
          </button>
          <button type="button" className="button button-ghost" onClick={() => setConfirming(null)}>
            {t('kuaishou.stop.cancel')}
          </button>
        </div>
      ) : (
        <div className="ks-actions">
          {active && live.stop !== 'stopping' && (
            <button type="button" className="button button-danger" onClick={() => setConfirming('stop')} data-testid="ks-stop">
              {t(live.stop === 'failed' ? 'kuaishou.stop.retry' : 'kuaishou.stop.button')}
            </button>
          )}
          <button
            type="button"
            className="button button-ghost"
            disabled={live.stop === 'stopping'}
            onClick={() => (active ? setConfirming('newUrl') : void startOver())}
            data-testid="ks-new-url"
          >
            {t('kuaishou.push.newUrl')}
          </button>
        </div>
      )}
      {error && <ErrorNote error={error} />}
    </div>
  )
}
