import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SecretKey, SettingsView } from '../../../shared/ipc/domain'
import type { Result } from '../../../shared/ipc/result'
import { livedeck } from '../api/livedeck'
import { run } from '../api/run'
import { useUiStore } from '../store/ui-store'

interface Props {
  readonly secretKey: SecretKey
  readonly label: string
  readonly hint?: string
  /** From main's settings view: the only thing the renderer ever learns about a stored secret. */
  readonly configured: boolean
}

/**
 * A write-only secret: a password input and "Save"; once stored it shows "Configured" and "Clear".
 * The typed value lives only in this component's state and is dropped as soon as main has it.
 */
export function SecretField({ secretKey, label, hint, configured }: Props): React.JSX.Element {
  const { t } = useTranslation()
  const id = useId()
  const hintId = useId()
  const [draft, setDraft] = useState('')
  const [busy, setBusy] = useState(false)
  const setSettings = useUiStore((s) => s.setSettings)

  const send = async (request: Promise<Result<SettingsView>>): Promise<void> => {
    setBusy(true)
    const view = await run(request)
    setBusy(false)
    // Dropped even on failure: a secret should not linger in the page; pasting it again is cheap.
    setDraft('')
    if (view) setSettings(view)
  }
  const save = (): Promise<void> => send(livedeck().secrets.set({ key: secretKey, value: draft }))
  const clear = (): Promise<void> => send(livedeck().secrets.clear({ key: secretKey }))

  return (
    <div className="field secret-field" data-testid={`secret-${secretKey}`}>
      {configured ? (
        // Nothing to type into: the label names the group (status + Clear) instead of an input.
        <div role="group" aria-labelledby={id}>
          <span className="field-label" id={id}>
            {label}
          </span>
          <div className="secret-row">
            <span className="status status-on">{t('secret.configured')}</span>
            <button type="button" className="button button-ghost" disabled={busy} onClick={() => void clear()}>
              {t('secret.clear')}
            </button>
          </div>
        </div>
      ) : (
        <>
          <label htmlFor={id}>{label}</label>
          <div className="secret-row">
            <input
              id={id}
              type="password"
              autoComplete="new-password"
              spellCheck={false}
              value={draft}
              placeholder={t('secret.placeholder')}
              aria-describedby={hintId}
              onChange={(e) => setDraft(e.target.value)}
              onKeyDown={(e) => {
                // Enter saves this secret rather than submitting the surrounding settings form.
                if (e.key !== 'Enter') return
                e.preventDefault()
                if (draft) void save()
              }}
            />
            <button type="button" className="button" disabled={busy || draft === ''} onClick={() => void save()}>
              {t('secret.save')}
            </button>
          </div>
        </>
      )}
      <p className="hint" id={hintId}>
        {configured ? null : <span className="status status-off">{t('secret.notConfigured')}</span>} {hint ?? t('secret.hint')}
      </p>
    </div>
  )
}
