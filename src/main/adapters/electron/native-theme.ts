/**
 * Applies the chosen theme to Electron's nativeTheme, so the window chrome, native dialogs and the
 * renderer's prefers-color-scheme all follow it ('system' hands the choice back to the OS).
 */
import { nativeTheme } from 'electron'
import type { Theme } from '../../../shared/ipc/domain'

export function applyNativeTheme(theme: Theme): void {
  if (nativeTheme.themeSource !== theme) nativeTheme.themeSource = theme
}
