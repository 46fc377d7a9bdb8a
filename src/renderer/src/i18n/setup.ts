/**
 * One i18next instance for the renderer. The language is decided by main (OS default, `LIVEDECK_LANG`,
 * or the user's choice in settings); the renderer only follows `settings.language`.
 */
import i18next, { type i18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { languages, type Language } from '../../../shared/ipc/domain'
import { catalogues } from './catalogues'

/** An instance with every catalogue loaded (tests; synchronous language switches). */
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

export { followDocumentLanguage } from './app-i18n'
