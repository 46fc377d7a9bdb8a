import { useTranslation } from 'react-i18next'
import { livedeck } from '../../api/livedeck'
import { ErrorNote } from '../common/ErrorNote'
import { useKuaishouStore } from '../kuaishou-store'
import { useDraftStore, type StepState } from './draft-store'
import { stepIds, stepOfError, stepStates, uploadComplete, type StepId } from './steps'

const marks: Record<StepState, string> = { pending: '○', active: '◔', done: '✓', failed: '✕' }

/** "Get push URL" as four honest steps, each with its own retry. */
export function Checklist({ onRun }: { onRun: () => void }): React.JSX.Element {
  const { t } = useTranslation()
  const account = useKuaishouStore((s) => s.account)
  const upload = useKuaishouStore((s) => s.upload)
  const cover = useDraftStore((s) => s.cover)
  const checklist = useDraftStore((s) => s.checklist)
  const states = stepStates(account, cover, checklist, upload)
  const errorStep = checklist.error ? stepOfError(checklist.error, uploadComplete(upload)) : null
  // A lost answer may still have created a live: say so, and make a new request a deliberate choice.
  const unknownOutcome = checklist.error?.code === 'unknown_outcome'

  const retry = (step: StepId) => {
    if (step === 'account') void livedeck().kuaishou.connect()
    else if (step === 'cover') document.querySelector<HTMLInputElement>('[data-testid="ks-cover-input"]')?.click()
    else onRun()
  }

  return (
    <ol className="ks-checklist" data-testid="ks-checklist">
      {stepIds.map((step) => (
        <li key={step} className={`ks-step ks-step-${states[step]}`} data-step={step} data-state={states[step]}>
          <span className="ks-step-mark" aria-hidden="true">
            {marks[states[step]]}
          </span>
          <span className="ks-step-label">{t(`kuaishou.steps.${step}`)}</span>
          <span className="visually-hidden">{t(`kuaishou.steps.state.${states[step]}`)}</span>
          {step === 'upload' && states.upload === 'active' && upload && (
            <progress className="ks-progress" max={upload.total} value={upload.sent} aria-label={t('kuaishou.steps.upload')} />
          )}
          {errorStep === step && checklist.error && <ErrorNote error={checklist.error} />}
          {states[step] === 'failed' && !checklist.running && !(unknownOutcome && errorStep === step) && (
            <button type="button" className="link-button" onClick={() => retry(step)}>
              {t('kuaishou.steps.retry')}
            </button>
          )}
          {unknownOutcome && errorStep === step && !checklist.running && (
            <button type="button" className="link-button" onClick={onRun} data-testid="ks-request-anyway">
              {t('kuaishou.steps.requestAnyway')}
            </button>
          )}
        </li>
      ))}
    </ol>
  )
}
