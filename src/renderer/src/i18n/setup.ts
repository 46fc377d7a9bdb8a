/**
 * One i18next instance for the renderer. The language is decided by main (OS default, `LIVEDECK_LANG`,
 * or the user's choice in settings); the renderer only follows `settings.language`.
 */
import i18next, { type i18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { languages, type Language } from '../../../shared/ipc/domain'
import { catalogues } from './catalogues'

export function createI18n(language: Language = 'en'): i18n {
  const instance = i18next.createInstance()
  void instance.use(initReactI18next).init({
    resources: Object.fromEntries(languages.map((lng) => [lng, { translation: catalogues[lng] }])),
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...languages],
    // React already escapes text; escaping here would double-encode.
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false
  })
  return instance
}

/** Keeps `<html lang>` in step with the UI language (screen readers, CJK font selection). */
export function followDocumentLanguage(instance: i18n): void {
  const apply = (lng: string): void => {
    document.documentElement.lang = lng === 'zh' ? 'zh-CN' : lng
  }
  apply(instance.language)
  instance.on('languageChanged', apply)
}
