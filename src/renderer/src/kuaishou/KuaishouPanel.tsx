import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { AccountSection } from './account/AccountSection'
import { useWindowDropGuard } from './cover/use-window-drop-guard'
import { GoLiveForm } from './golive/GoLiveForm'
import { kuaishouCapabilities } from '../desktop/capabilities'
import { useKuaishouStore } from './kuaishou-store'
import { LiveSection } from './live/LiveSection'
import { useKuaishouSync } from './use-kuaishou-sync'
import './kuaishou.css'

/** The Kuaishou slot of the dashboard: account, then either the active live or the "go live" form. */
export function KuaishouPanel(): React.JSX.Element {
  const { t } = useTranslation()
  const titleId = useId()
  useKuaishouSync()
  useWindowDropGuard()
  const account = useKuaishouStore((s) => s.account)
  const live = useKuaishouStore((s) => s.live)
  const connected = account?.state === 'connected'

  return (
    <section className="panel slot slot-kuaishou ks-panel" aria-labelledby={titleId} data-testid="slot-kuaishou">
      <header className="panel-header">
        <span className="platform-dot platform-dot-kuaishou" aria-hidden="true" />
        <h2 id={titleId}>{t('platform.kuaishou')}</h2>
        <span className={`status ${connected ? 'status-on' : 'status-off'}`}>
          {t(connected ? 'kuaishou.account.connected' : 'kuaishou.account.notConnected')}
        </span>
      </header>
      <AccountSection />
      {live ? <LiveSection live={live} /> : kuaishouCapabilities(account, live).form && <GoLiveForm />}
    </section>
  )
}
