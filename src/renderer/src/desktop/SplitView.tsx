import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { livedeck } from '../api/livedeck'
import { run } from '../api/run'
import { useUiStore } from '../store/ui-store'

const MIN = 0.2
const MAX = 0.8
const STEP = 0.05
/** Below this width two columns get too narrow for the chat: the panels become tabs. */
export const COMPACT_WIDTH = 900
const clamp = (v: number): number => Math.min(MAX, Math.max(MIN, Math.round(v * 1000) / 1000))

/** jsdom (unit tests) has no matchMedia: there the wide layout is used. */
const media = (query: string): MediaQueryList | null => (typeof window.matchMedia === 'function' ? window.matchMedia(query) : null)

/** Whether the window is narrow (second monitor, half screen). */
function useCompact(): boolean {
  const query = `(max-width: ${COMPACT_WIDTH - 1}px)`
  const [compact, setCompact] = useState(() => media(query)?.matches ?? false)
  useEffect(() => {
    const mq = media(query)
    if (!mq) return
    const on = (): void => setCompact(mq.matches)
    mq.addEventListener('change', on)
    return () => mq.removeEventListener('change', on)
  }, [query])
  return compact
}

interface Pane {
  readonly id: string
  readonly label: string
  readonly node: React.ReactNode
}

/**
 * Two panes with a draggable (and arrow-key) separator; the share is saved in main's settings on
 * release, so it survives a reload or restart. Narrow windows get tabs instead.
 */
export function SplitView({ left, right }: { left: Pane; right: Pane }): React.JSX.Element {
  const { t } = useTranslation()
  const compact = useCompact()
  const saved = useUiStore((s) => s.settings?.ui.split ?? 0.5)
  const setSettings = useUiStore((s) => s.setSettings)
  const [share, setShare] = useState(saved)
  const [tab, setTab] = useState(left.id)
  const box = useRef<HTMLDivElement>(null)
  // Saves in flight or a drag under way: the answers of earlier saves must not pull the separator back
  // from where the user has since moved it, so the saved value is followed only when nothing is local.
  const busy = useRef(0)
  useEffect(() => {
    if (busy.current === 0) setShare(saved)
  }, [saved])

  const save = async (value: number): Promise<void> => {
    busy.current++
    try {
      const view = await run(livedeck().settings.update({ ui: { split: value } }))
      if (view) setSettings(view)
    } finally {
      busy.current--
    }
  }

  const onPointerDown = (e: React.PointerEvent<HTMLDivElement>): void => {
    const rect = box.current?.getBoundingClientRect()
    if (!rect) return
    e.currentTarget.setPointerCapture(e.pointerId)
    busy.current++
    let last = share
    const move = (ev: PointerEvent): void => {
      last = clamp((ev.clientX - rect.left) / rect.width)
      setShare(last)
    }
    const up = (): void => {
      window.removeEventListener('pointermove', move)
      window.removeEventListener('pointerup', up)
      busy.current--
      void save(last)
    }
    window.addEventListener('pointermove', move)
    window.addEventListener('pointerup', up)
  }

  const onKeyDown = (e: React.KeyboardEvent): void => {
    const delta = e.key === 'ArrowLeft' ? -STEP : e.key === 'ArrowRight' ? STEP : 0
    const next = e.key === 'Home' ? MIN : e.key === 'End' ? MAX : clamp(share + delta)
    if (next === share) return
    e.preventDefault()
    setShare(next)
    void save(next)
  }

  if (compact) {
    const panes = [left, right]
    return (
      <div className="desk-tabs" data-testid="dashboard-tabs">
        <div role="tablist" aria-label={t('desktop.tabs.label')} className="desk-tablist">
          {panes.map((p) => (
            <button
              key={p.id}
              type="button"
              role="tab"
              id={`tab-${p.id}`}
              aria-selected={tab === p.id}
              aria-controls={`pane-${p.id}`}
              className="desk-tab"
              onClick={() => setTab(p.id)}
            >
              {p.label}
            </button>
          ))}
        </div>
        {panes.map((p) => (
          <div key={p.id} role="tabpanel" id={`pane-${p.id}`} aria-labelledby={`tab-${p.id}`} hidden={tab !== p.id}>
            {p.node}
          </div>
        ))}
      </div>
    )
  }

  return (
    <div ref={box} className="desk-split" style={{ gridTemplateColumns: `minmax(0, ${share * 100}fr) 12px minmax(0, ${(1 - share) * 100}fr)` }} data-testid="dashboard-split">
      <div className="desk-pane">{left.node}</div>
      <div
        role="separator"
        tabIndex={0}
        aria-orientation="vertical"
        aria-label={t('desktop.split.label')}
        aria-valuemin={MIN * 100}
        aria-valuemax={MAX * 100}
        aria-valuenow={Math.round(share * 100)}
        className="desk-separator"
        onPointerDown={onPointerDown}
        onKeyDown={onKeyDown}
        data-testid="split-separator"
      />
      <div className="desk-pane">{right.node}</div>
    </div>
  )
}
