import { createRoot, type Root } from 'react-dom/client'
import { I18nextProvider } from 'react-i18next'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { createI18n } from '../../i18n/setup'
import { idleChecklist, useDraftStore } from '../golive/draft-store'
import { CoverDrop } from './CoverDrop'

// Real React scheduling, not act(): act flushes every effect before returning, which hides the gap
// between the drop zone reaching the document and a passive effect attaching the paste listener.
const scope = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }
let root: Root | null = null
let host: HTMLElement

beforeEach(() => {
  scope.IS_REACT_ACT_ENVIRONMENT = false
  useDraftStore.setState({ fit: 'crop', source: null, cover: { kind: 'empty' }, checklist: idleChecklist })
  host = document.body.appendChild(document.createElement('div'))
})
afterEach(() => {
  root?.unmount()
  root = null
  host.remove()
  scope.IS_REACT_ACT_ENVIRONMENT = true
})

/** A paste carrying `file`, as Ctrl+V with an image on the clipboard (jsdom has no DataTransfer). */
function paste(file: File): Event {
  const event = new Event('paste', { bubbles: true, cancelable: true })
  Object.defineProperty(event, 'clipboardData', { value: { files: [file] } })
  window.dispatchEvent(event)
  return event
}

const shot = () => new File([new Uint8Array([1])], 'shot.png', { type: 'image/png' })

/**
 * Renders the cover and resolves in the first DOM mutation callback where `selector` matches: a
 * microtask right after React's commit, before any passive effect of that commit has run.
 */
function renderUntil(disabled: boolean, selector: string): Promise<void> {
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!host.querySelector(selector)) return
      observer.disconnect()
      resolve()
    })
    observer.observe(host, { childList: true, subtree: true, attributes: true })
    root = createRoot(host)
    root.render(
      <I18nextProvider i18n={createI18n('en')}>
        <CoverDrop disabled={disabled} />
      </I18nextProvider>
    )
  })
}

it('takes a paste made as soon as the drop zone says it is ready', async () => {
  await renderUntil(false, '[data-testid="ks-cover-drop"][data-paste-ready="true"]')
  expect(paste(shot()).defaultPrevented).toBe(true)
  expect(useDraftStore.getState().cover).toMatchObject({ kind: 'converting', name: 'shot.png' })
})

it('is not paste-ready, and ignores a paste, while the form is busy', async () => {
  await renderUntil(true, '[data-testid="ks-cover-drop"]')
  expect(host.querySelector('[data-testid="ks-cover-drop"]')!.getAttribute('data-paste-ready')).toBe('false')
  expect(paste(shot()).defaultPrevented).toBe(false)
  expect(useDraftStore.getState().cover).toEqual({ kind: 'empty' })
})
