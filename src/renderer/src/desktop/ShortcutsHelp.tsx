import { useEffect, useId, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useShortcutStore } from './shortcut-store'
import { shortcuts } from './use-shortcuts'

/** The "?" button and its popover listing every shortcut; Escape closes it and gives focus back. */
export function ShortcutsHelp(): React.JSX.Element {
  const { t } = useTranslation()
  const id = useId()
  const open = useShortcutStore((s) => s.helpOpen)
  const toggle = useShortcutStore((s) => s.toggleHelp)
  const close = useShortcutStore((s) => s.closeHelp)
  const message = useShortcutStore((s) => s.message)
  const seq = useShortcutStore((s) => s.seq)
  const button = useRef<HTMLButtonElement>(null)
  const dialog = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (open) dialog.current?.focus()
  }, [open])

  const dismiss = (): void => {
    close()
    button.current?.focus()
  }

  return (
    <div className="desk-help">
      <button
        ref={button}
        type="button"
        className="button button-ghost"
        aria-label={t('desktop.shortcuts.button')}
        aria-expanded={open}
        aria-controls={id}
        onClick={toggle}
        data-testid="shortcuts-button"
      >
        ?
      </button>
      {open && (
        <div
          ref={dialog}
          id={id}
          className="desk-help-popover"
          role="dialog"
          aria-label={t('desktop.shortcuts.title')}
          tabIndex={-1}
          onKeyDown={(e) => e.key === 'Escape' && dismiss()}
          data-testid="shortcuts-help"
        >
          <h2>{t('desktop.shortcuts.title')}</h2>
          <dl>
            {shortcuts.map((s) => (
              <div key={s.id}>
                <dt>
                  <kbd>{s.keys}</kbd>
                </dt>
                <dd>{t(`desktop.shortcuts.${s.id}`)}</dd>
              </div>
            ))}
          </dl>
          <button type="button" className="button button-ghost" onClick={dismiss}>
            {t('desktop.shortcuts.close')}
          </button>
        </div>
      )}
      <p className="desk-visually-hidden" role="status" aria-live="polite" data-testid="shortcut-status" data-seq={seq}>
        {message}
      </p>
    </div>
  )
}
