import { useCallback, useEffect, useLayoutEffect, useMemo } from 'react'
import { useDraftStore } from '../golive/draft-store'
import { convertCover, type CoverFit } from './convert-cover'

/** Converts a picked file (or re-converts it for another fit); a newer pick wins over a slower older one. */
let generation = 0

async function convert(file: File, fit: CoverFit): Promise<void> {
  const mine = ++generation
  const { patch } = useDraftStore.getState()
  patch({ source: file, cover: { kind: 'converting', name: file.name } })
  const outcome = await convertCover(file, fit).catch(() => ({ ok: false as const, problem: 'broken' as const }))
  if (mine !== generation) return
  patch({ cover: outcome.ok ? { kind: 'ready', name: file.name, cover: outcome.cover } : { kind: 'failed', name: file.name, problem: outcome.problem } })
}

export function useCoverPicker(): { pick: (file: File) => void; setFit: (fit: CoverFit) => void } {
  const pick = useCallback((file: File) => void convert(file, useDraftStore.getState().fit), [])
  const setFit = useCallback((fit: CoverFit) => {
    const { source, patch } = useDraftStore.getState()
    patch({ fit })
    if (source) void convert(source, fit)
  }, [])
  return { pick, setFit }
}

/** An object URL for the converted cover's preview, revoked when it changes. */
export function usePreviewUrl(bytes: Uint8Array | null): string | null {
  const url = useMemo(() => (bytes ? URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'image/jpeg' })) : null), [bytes])
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url])
  return url
}

/**
 * Paste an image anywhere in the window while the cover can be chosen. A layout effect, so the listener
 * is attached in the same commit that shows the drop zone: a passive effect runs only after paint, and
 * a Ctrl+V in between (a busy machine, a user quick on the keys) was silently lost. So the drop zone's
 * `data-paste-ready`, rendered in that same commit, is true exactly when a paste will be taken.
 */
export function usePasteCover(pick: (file: File) => void, enabled: boolean): void {
  useLayoutEffect(() => {
    if (!enabled) return
    const onPaste = (e: ClipboardEvent) => {
      const file = Array.from(e.clipboardData?.files ?? [])[0]
      if (!file) return
      e.preventDefault()
      pick(file)
    }
    window.addEventListener('paste', onPaste)
    return () => window.removeEventListener('paste', onPaste)
  }, [pick, enabled])
}
