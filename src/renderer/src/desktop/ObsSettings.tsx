import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { obsAddressSchema } from '../../../shared/ipc/obs-schemas'
import { livedeck } from '../api/livedeck'
import { run } from '../api/run'
import { SecretField } from '../settings/SecretField'
import { useUiStore } from '../store/ui-store'
import { useStreamerStore } from './streamer-store'

/** Settings: obs-websocket address and its write-only password (main's vault, secret `obs.password`). */
export function ObsSettings(): React.JSX.Element {
  const { t } = useTranslation()
  const addressId = useId()
  const obs = useStreamerStore((s) => s.obs)
  const setObs = useStreamerStore((s) => s.setObs)
  const settings = useUiStore((s) => s.settings)
  const [address, setAddress] = useState(obs?.address ?? '')
  useEffect(() => setAddress((a) => a || obs?.address || ''), [obs?.address])
  // A secret saved or cleared changes the settings view; OBS's "password configured" is re-read then.
  useEffect(() => {
    void livedeck().obs.getStatus().then((r) => r.ok && setObs(r.value))
  }, [settings, setObs])
  const valid = obsAddressSchema.safeParse(address).success

  const save = async (): Promise<void> => {
    const status = await run(livedeck().obs.updateSettings({ address }))
    if (status) setObs(status)
  }

  return (
    <fieldset className="panel settings-group" data-testid="settings-obs">
      <legend>{t('desktop.obs.settingsTitle')}</legend>
      <div className="field">
        <label htmlFor={addressId}>{t('desktop.obs.address')}</label>
        <div className="secret-row">
          <input id={addressId} value={address} aria-invalid={!valid} onChange={(e) => setAddress(e.target.value)} autoComplete="off" />
          <button type="button" className="button" disabled={!valid} onClick={() => void save()}>
            {t('desktop.obs.save')}
          </button>
        </div>
      </div>
      <SecretField secretKey="obs.password" label={t('desktop.obs.password')} configured={obs?.passwordConfigured ?? false} />
    </fieldset>
  )
}
