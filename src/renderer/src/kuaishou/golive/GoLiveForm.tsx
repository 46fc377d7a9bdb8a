import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { codePointLength, KUAISHOU_CAPTION_MAX } from '../../../../shared/ipc/kuaishou'
import { CoverDrop } from '../cover/CoverDrop'
import { useKuaishouStore } from '../kuaishou-store'
import { Checklist } from './Checklist'
import { useDraftStore } from './draft-store'
import { accountReady } from './steps'
import { useGoLive } from './use-go-live'

/** Title, cover and options, then "Get push URL". */
export function GoLiveForm(): React.JSX.Element {
  const { t } = useTranslation()
  const ids = { caption: useId(), panoramic: useId(), device: useId(), deviceHint: useId() }
  const draft = useDraftStore()
  const account = useKuaishouStore((s) => s.account)
  const run = useGoLive()
  const length = codePointLength(draft.caption)
  const tooLong = length > KUAISHOU_CAPTION_MAX
  const running = draft.checklist.running
  const canRun = !running && !tooLong && accountReady(account) && draft.cover.kind === 'ready'

  return (
    <form
      className="ks-golive"
      onSubmit={(e) => {
        e.preventDefault()
        void run()
      }}
    >
      <CoverDrop disabled={running} />
      <div className="field">
        <label htmlFor={ids.caption}>{t('kuaishou.form.caption')}</label>
        <input
          id={ids.caption}
          value={draft.caption}
          disabled={running}
          aria-invalid={tooLong}
          onChange={(e) => draft.patch({ caption: e.target.value })}
        />
        <span className={tooLong ? 'ks-warning' : 'muted'} data-testid="ks-caption-counter" aria-live="polite">
          {t('kuaishou.form.captionCounter', { count: length, max: KUAISHOU_CAPTION_MAX })}
        </span>
      </div>
      <div className="field">
        <label htmlFor={ids.panoramic}>{t('kuaishou.form.panoramic')}</label>
        <select
          id={ids.panoramic}
          value={draft.panoramic}
          disabled={running}
          onChange={(e) => draft.patch({ panoramic: Number(e.target.value) as 0 | 1 | 2 })}
        >
          {([0, 1, 2] as const).map((v) => (
            <option key={v} value={v}>
              {t(`kuaishou.form.panoramic${v}`)}
            </option>
          ))}
        </select>
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={draft.shopLive} disabled={running} onChange={(e) => draft.patch({ shopLive: e.target.checked })} />{' '}
        {t('kuaishou.form.shopLive')}
      </label>
      <div className="field">
        <label htmlFor={ids.device}>{t('kuaishou.form.deviceName')}</label>
        <input
          id={ids.device}
          value={draft.deviceName}
          disabled={running}
          aria-describedby={ids.deviceHint}
          onChange={(e) => draft.patch({ deviceName: e.target.value })}
        />
        <span id={ids.deviceHint} className="muted">
          {t('kuaishou.form.deviceNameHint')}
        </span>
      </div>
      <Checklist onRun={() => void run()} />
      <button type="submit" className="button button-primary" disabled={!canRun} data-testid="ks-get-push-url">
        {t(running ? 'kuaishou.form.requesting' : 'kuaishou.form.getPushUrl')}
      </button>
    </form>
  )
}
