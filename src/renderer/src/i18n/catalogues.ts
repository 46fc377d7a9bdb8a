/**
 * The UI string catalogues. English is the reference: the other languages must have exactly its keys
 * (a unit test enforces it), so a missing translation fails the build instead of showing a raw key.
 *
 * Each feature keeps its strings in its own folder (`locales/<feature>/<lang>.json`), mounted under the
 * feature's name (`t('vk.…')`, `t('kuaishou.…')`), so features grow their catalogues independently.
 */
import type { Language } from '../../../shared/ipc/domain'
import { catalogueEn } from './catalogue-en'
import { catalogueRu } from './catalogue-ru'
import { catalogueZh } from './catalogue-zh'

export type Catalogue = typeof catalogueEn

export const catalogues: Readonly<Record<Language, Catalogue>> = {
  en: catalogueEn,
  ru: catalogueRu,
  zh: catalogueZh
}
