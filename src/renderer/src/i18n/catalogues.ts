/**
 * The UI string catalogues. English is the reference: the other languages must have exactly its keys
 * (a unit test enforces it), so a missing translation fails the build instead of showing a raw key.
 *
 * Each feature keeps its strings in its own folder (`locales/<feature>/<lang>.json`), mounted under the
 * feature's name (`t('vk.…')`, `t('kuaishou.…')`), so features grow their catalogues independently.
 */
import type { Language } from '../../../shared/ipc/domain'
import en from './locales/en.json'
import ru from './locales/ru.json'
import zh from './locales/zh.json'
import desktopEn from './locales/desktop/en.json'
import desktopRu from './locales/desktop/ru.json'
import desktopZh from './locales/desktop/zh.json'
import kuaishouEn from './locales/kuaishou/en.json'
import kuaishouRu from './locales/kuaishou/ru.json'
import kuaishouZh from './locales/kuaishou/zh.json'
import vkEn from './locales/vk/en.json'
import vkRu from './locales/vk/ru.json'
import vkZh from './locales/vk/zh.json'

const english = { ...en, vk: vkEn, kuaishou: kuaishouEn, desktop: desktopEn }

export type Catalogue = typeof english

export const catalogues: Readonly<Record<Language, Catalogue>> = {
  en: english,
  ru: { ...ru, vk: vkRu, kuaishou: kuaishouRu, desktop: desktopRu },
  zh: { ...zh, vk: vkZh, kuaishou: kuaishouZh, desktop: desktopZh }
}
