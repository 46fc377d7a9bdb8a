/**
 * The UI string catalogues. English is the reference: the other languages must have exactly its keys
 * (a unit test enforces it), so a missing translation fails the build instead of showing a raw key.
 */
import type { Language } from '../../../shared/ipc/domain'
import en from './locales/en.json'
import ru from './locales/ru.json'
import zh from './locales/zh.json'

export type Catalogue = typeof en

export const catalogues: Readonly<Record<Language, Catalogue>> = { en, ru, zh }
