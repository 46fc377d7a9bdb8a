import { render, type RenderResult } from '@testing-library/react'
import { I18nextProvider } from 'react-i18next'
import { App } from '../app/App'
import { createI18n } from '../i18n/setup'
import { useUiStore } from '../store/ui-store'
import { installFakeLivedeck, type FakeLivedeck } from './fake-livedeck'

/** Renders the whole app against a fake `window.livedeck`, with fresh UI state and i18n. */
export function renderApp(fake: FakeLivedeck): RenderResult {
  installFakeLivedeck(fake)
  useUiStore.setState({ screen: 'dashboard', info: null, settings: null, error: null })
  return render(
    <I18nextProvider i18n={createI18n()}>
      <App />
    </I18nextProvider>
  )
}
