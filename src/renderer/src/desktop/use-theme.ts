import { useEffect } from 'react'
import { useUiStore } from '../store/ui-store'

/**
 * Puts the theme choice on <html data-theme>: the stylesheet maps it to `color-scheme`, so `system`
 * follows prefers-color-scheme (which Electron's nativeTheme.themeSource also drives).
 */
export function useTheme(): void {
  const theme = useUiStore((s) => s.settings?.ui.theme ?? 'system')
  useEffect(() => {
    document.documentElement.dataset.theme = theme
  }, [theme])
}
