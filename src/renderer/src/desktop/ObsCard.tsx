import { useTranslation } from 'react-i18next'
import type { ObsStatusView } from '../../../shared/ipc/obs'
import type { Result } from '../../../shared/ipc/result'
import { livedeck } from '../api/livedeck'
import { run } from '../api/run'
import { useKuaishouStore } from '../kuaishou/kuaishou-store'
import { kuaishouCapabilities } from './capabilities'
import { useStreamerStore } from './streamer-store'

/** OBS on the dashboard: state, connect, send VK / Kuaishou credentials (by ref), start/stop streaming. */
export function ObsCard(): React.JSX.Element {
  const { t } = useTranslation()
  const obs = useStreamerStore((s) => s.obs)
  const setObs = useStreamerStore((s) => s.setObs)
  const account = useKuaishouStore((s) => s.account)
  const live = useKuaishouStore((s) => s.live)
  const ks = kuaishouCapabilities(account, live)
  const connected = obs?.connection === 'connected'

  const act = async (call: Promise<Result<ObsStatusView>>): Promise<void> => {
    const status = await run(call)
    if (status) setObs(status)
  }
  const sendVk = async (): Promise<void> => {
    const creds = await run(livedeck().vk.getCredentials())
    if (creds) await act(livedeck().obs.sendStream({ ref: creds.ref }))
  }
  const sendKuaishou = (): void => {
    if (live?.pushUrlRef) void act(livedeck().obs.sendStream({ ref: live.pushUrlRef }))
  }

  return (
    <section className="panel desk-obs" aria-labelledby="desk-obs-title" data-testid="obs-card">
      <header className="panel-header">
        <h2 id="desk-obs-title">{t('desktop.obs.title')}</h2>
        <span className={`status ${connected ? 'status-on' : 'status-off'}`} data-testid="obs-state">
          {t(`desktop.obs.connection.${obs?.connection ?? 'disconnected'}`)}
          {connected && ` · ${t(`desktop.obs.stream.${obs.stream}`)}`}
        </span>
      </header>
      {obs?.error && (
        <p className="vk-error" role="alert">
          {t(`desktop.obs.error.${obs.error}`)}
        </p>
      )}
      {obs?.sentServer && <p className="muted">{t('desktop.obs.sentTo', { server: obs.sentServer })}</p>}
      <div className="desk-actions">
        {connected ? (
          <>
            <button type="button" className="button button-ghost" onClick={() => void sendVk()}>
              {t('desktop.obs.sendVk')}
            </button>
            <button type="button" className="button button-ghost" disabled={!ks.pushUrl} onClick={sendKuaishou}>
              {t('desktop.obs.sendKuaishou')}
            </button>
            {obs.stream === 'inactive' ? (
              <button type="button" className="button" onClick={() => void act(livedeck().obs.startStream())}>
                {t('desktop.obs.start')}
              </button>
            ) : (
              <button type="button" className="button button-danger" onClick={() => void act(livedeck().obs.stopStream())}>
                {t('desktop.obs.stop')}
              </button>
            )}
            <button type="button" className="button button-ghost" onClick={() => void act(livedeck().obs.disconnect())}>
              {t('desktop.obs.disconnect')}
            </button>
          </>
        ) : (
          <button type="button" className="button" disabled={obs?.connection === 'connecting'} onClick={() => void act(livedeck().obs.connect())}>
            {t('desktop.obs.connect')}
          </button>
        )}
      </div>
    </section>
  )
}
