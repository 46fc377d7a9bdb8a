/**
 * Global keyboard shortcuts. Alt+Shift+letter by physical key (`KeyboardEvent.code`), so they work on
 * a Russian or Chinese layout too, and never collide with typing or the OS's Ctrl/Cmd shortcuts.
 */
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { livedeck } from '../api/livedeck'
import { useKuaishouStore } from '../kuaishou/kuaishou-store'
import { useShortcutStore } from './shortcut-store'

export const shortcuts = [
  { id: 'copyKey', keys: 'Alt+Shift+K', code: 'KeyK' },
  { id: 'copyUrl', keys: 'Alt+Shift+U', code: 'KeyU' },
  { id: 'focusChat', keys: 'Alt+Shift+C', code: 'KeyC' },
  { id: 'send', keys: 'Enter', code: null },
  { id: 'stopLive', keys: 'Alt+Shift+S', code: 'KeyS' },
  { id: 'help', keys: 'Alt+Shift+H', code: 'KeyH' }
] as const
export type ShortcutId = (typeof shortcuts)[number]['id']

const byCode = new Map<string, ShortcutId>(shortcuts.flatMap((s) => (s.code ? [[s.code, s.id] as const] : [])))

export function useShortcuts(): void {
  const { t } = useTranslation()
  const announce = useShortcutStore((s) => s.announce)
  const toggleHelp = useShortcutStore((s) => s.toggleHelp)

  useEffect(() => {
    const copyVkKey = async (): Promise<void> => {
      const creds = await livedeck().vk.getCredentials()
      if (!creds.ok) return announce(t('desktop.nothing.key'))
      const r = await livedeck().sensitive.copy({ ref: creds.value.ref, part: 'key' })
      announce(t(r.ok ? 'desktop.copied.key' : 'desktop.nothing.key'))
    }
    const copyPushUrl = async (): Promise<void> => {
      const ref = useKuaishouStore.getState().live?.pushUrlRef
      if (!ref) return announce(t('desktop.nothing.url'))
      const r = await livedeck().sensitive.copy({ ref, part: 'whole' })
      announce(t(r.ok ? 'desktop.copied.url' : 'desktop.nothing.url'))
    }
    // Focus/click the panels' own controls: the confirmation and send rules stay in one place.
    const focusChat = (): void => {
      const input = document.querySelector<HTMLInputElement>('[data-testid="vk-chat-input"] input')
      if (input && !input.disabled) input.focus()
      else announce(t('desktop.nothing.chat'))
    }
    const stopLive = (): void => {
      const stop = document.querySelector<HTMLButtonElement>('[data-testid="ks-stop"]')
      if (!stop) return announce(t('desktop.nothing.stop'))
      stop.click()
      // The confirmation replaces the button; put the keyboard on its confirm button.
      requestAnimationFrame(() => document.querySelector<HTMLButtonElement>('[data-testid="ks-stop-confirm"]')?.focus())
    }
    const run: Record<Exclude<ShortcutId, 'send'>, () => void> = {
      copyKey: () => void copyVkKey(),
      copyUrl: () => void copyPushUrl(),
      focusChat,
      stopLive,
      help: toggleHelp
    }
    const onKey = (e: KeyboardEvent): void => {
      if (!e.altKey || !e.shiftKey || e.ctrlKey || e.metaKey) return
      const id = byCode.get(e.code)
      if (!id || id === 'send') return
      e.preventDefault()
      run[id]()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [t, announce, toggleHelp])
}
