import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { obsAddressSchema } from '../../../shared/ipc/obs-schemas'
import { livedeck } from '../api/livedeck'
import { run } from '../api/run'
import { useStreamerStore } from './streamer-store'

/** Settings: obs-websocket address and a write-only password (kept in main's vault as `obs.password`). */
export function ObsSettings(): React.JSX.Element {
  const { t } = useTranslation()
  const addressId = useId()
  const passwordId = useId()
  const obs = useStreamerStore((s) => s.obs)
  const setObs = useStreamerStore((s) => s.setObs)
  const [address, setAddress] = useState(obs?.address ?? '')
  const [password, setPassword] = useState('')
  useEffect(() => setAddress((a) => a || obs?.address || ''), [obs?.address])
  const valid = obsAddressSchema.safeParse(address).success

  const save = async (): Promise<void> => {
    const status = await run(livedeck().obs.updateSettings({ address }))
    if (status) setObs(status)
    if (password === '') return
    const ok = await run(livedeck().secrets.set({ key: 'obs.password', value: password }))
    // The password never stays in the page once main has it.
    if (ok) setPassword('')
    const refreshed = await run(livedeck().obs.getStatus())
    if (refreshed) setObs(refreshed)
  }

  return (
    <section className="panel" aria-labelledby={`${addressId}-h`} data-testid="obs-settings">
      <h2 id={`${addressId}-h`}>{t('desktop.obs.settingsTitle')}</h2>
      <label htmlFor={addressId}>{t('desktop.obs.address')}</label>
      <input id={addressId} value={address} aria-invalid={!valid} onChange={(e) => setAddress(e.target.value)} autoComplete="off" />
      <label htmlFor={passwordId}>{t('desktop.obs.password')}</label>
      <input id={passwordId} type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" />
      {obs?.passwordConfigured && <p className="muted">{t('desktop.obs.passwordSet')}</p>}
      <button type="button" className="button" disabled={!valid} onClick={() => void save()}>
        {t('desktop.obs.save')}
      </button>
    </section>
  )
}
