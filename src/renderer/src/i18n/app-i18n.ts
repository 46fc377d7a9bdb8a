/**
 * The app's i18next instance (main.tsx). Kept apart from setup.ts, which bundles every catalogue for
 * tests, so that only English is in the initial bundle.
 */
import i18next, { type i18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { languages } from '../../../shared/ipc/domain'
import { catalogueEn } from './catalogue-en'

/**
 * Loads a non-English catalogue when i18next first needs it (changeLanguage waits for it), so only
 * English is in the initial bundle (issue 7 size target); English is the fallback and always present.
 */
const lazyCatalogues = {
  type: 'backend' as const,
  init: (): void => {},
  read(language: string, _namespace: string, done: (error: unknown, data: object | null) => void): void {
    const load = language === 'ru' ? import('./catalogue-ru').then((m) => m.catalogueRu) : language === 'zh' ? import('./catalogue-zh').then((m) => m.catalogueZh) : Promise.resolve(catalogueEn)
    load.then((data) => done(null, data), (error: unknown) => done(error, null))
  }
}

/** The app's instance (main.tsx): English bundled, the other languages fetched on first use. */
export function createAppI18n(): i18n {
  const instance = i18next.createInstance()
  void instance.use(lazyCatalogues).use(initReactI18next).init({
    resources: { en: { translation: catalogueEn } },
    partialBundledLanguages: true,
    lng: 'en',
    fallbackLng: 'en',
    supportedLngs: [...languages],
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
