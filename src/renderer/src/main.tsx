import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { I18nextProvider } from 'react-i18next'
import { App } from './app/App'
import { createAppI18n, followDocumentLanguage } from './i18n/app-i18n'
import './styles/base.css'
import './styles/layout.css'
import './styles/forms.css'

const i18n = createAppI18n()
followDocumentLanguage(i18n)

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root')
createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <App />
    </I18nextProvider>
  </StrictMode>
)
