import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { VkCategoryView } from '../../../../shared/ipc/domain'
import { livedeck } from '../../api/livedeck'
import { VkImage } from '../common/VkImage'
import { useStreamDraft } from './draft-store'

/** Typing pauses this long before a search is sent, so each keystroke is not a request. */
export const SEARCH_DEBOUNCE_MS = 250

/** Category search-as-you-type; picking a result sets the draft's category. */
export function CategoryPicker(): React.JSX.Element {
  const { t } = useTranslation()
  const query = useStreamDraft((s) => s.draft.categoryQuery)
  const chosen = useStreamDraft((s) => s.draft.category)
  const edit = useStreamDraft((s) => s.edit)
  const [results, setResults] = useState<VkCategoryView[]>([])
  const [open, setOpen] = useState(false)
  const inputId = useId()
  const listId = useId()

  useEffect(() => {
    if (!open) return
    let stale = false
    const timer = setTimeout(() => {
      void livedeck()
        .vk.searchCategories({ query: query.trim().slice(0, 100) })
        .then((r) => {
          if (!stale && r.ok) setResults(r.value)
        })
    }, SEARCH_DEBOUNCE_MS)
    return () => {
      stale = true
      clearTimeout(timer)
    }
  }, [query, open])

  const pick = (c: VkCategoryView): void => {
    edit({ category: { id: c.id, title: c.title }, categoryQuery: c.title })
    setOpen(false)
  }

  return (
    <div className="field vk-category">
      <label className="field-label" htmlFor={inputId}>
        {t('vk.stream.category')}
      </label>
      <input
        id={inputId}
        role="combobox"
        aria-expanded={open && results.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        value={query}
        placeholder={t('vk.stream.categoryPlaceholder')}
        onChange={(e) => {
          edit({ categoryQuery: e.target.value })
          setOpen(true)
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setOpen(false)
        }}
      />
      {open && results.length > 0 && (
        <ul className="vk-options" id={listId} role="listbox" aria-label={t('vk.stream.categoryResults')}>
          {results.map((c) => (
            <li key={c.id} role="option" aria-selected={chosen?.id === c.id} onMouseDown={(e) => e.preventDefault()} onClick={() => pick(c)}>
              <VkImage url={c.coverUrl} alt="" size={28} className="vk-cover" />
              <span>{c.title}</span>
              <span className="muted">{t(`vk.stream.type.${c.type === 'irl' || c.type === 'sport' ? c.type : 'game'}`)}</span>
            </li>
          ))}
        </ul>
      )}
      <span className="hint">{chosen ? t('vk.stream.categoryChosen', { title: chosen.title }) : t('vk.stream.categoryNone')}</span>
    </div>
  )
}
