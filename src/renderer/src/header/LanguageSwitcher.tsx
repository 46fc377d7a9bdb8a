import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { isLanguage, languages } from '../../../shared/ipc/domain'
import { livedeck } from '../api/livedeck'
import { run } from '../api/run'
import { useUiStore } from '../store/ui-store'

/** Changes the language setting in main; the UI follows through `settings.changed` / the returned view. */
export function LanguageSwitcher({ className = 'language' }: { className?: string }): React.JSX.Element {
  const { t, i18n } = useTranslation()
  const id = useId()
  const current = useUiStore((s) => s.settings?.language) ?? (isLanguage(i18n.language) ? i18n.language : 'en')
  const setSettings = useUiStore((s) => s.setSettings)

  const change = async (value: string): Promise<void> => {
    // Main validates the language again; this only keeps unknown values from reaching it.
    if (!isLanguage(value)) return
    const view = await run(livedeck().settings.update({ language: value }))
    if (view) setSettings(view)
  }

  return (
    <div className={className}>
      <label htmlFor={id}>{t('language.label')}</label>
      <select id={id} value={current} onChange={(e) => void change(e.target.value)}>
        {languages.map((lng) => (
          <option key={lng} value={lng} lang={lng}>
            {t(`language.${lng}`)}
          </option>
        ))}
      </select>
    </div>
  )
}
