import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { livedeck } from '../api/livedeck'
import { run } from '../api/run'
import { useUiStore } from '../store/ui-store'

/** Loads app info and settings from main once, then follows main's change events. */
export function useBootstrap(): void {
  const setInfo = useUiStore((s) => s.setInfo)
  const setSettings = useUiStore((s) => s.setSettings)

  useEffect(() => {
    const api = livedeck()
    const offSettings = api.on('settings.changed', setSettings)
    const offInfo = api.on('app.info', setInfo)
    void run(api.app.getInfo()).then((info) => info && setInfo(info))
    void run(api.settings.get()).then((settings) => settings && setSettings(settings))
    return () => {
      offSettings()
      offInfo()
    }
  }, [setInfo, setSettings])

  useFollowLanguage()
}

/** The UI language is a setting owned by main; the renderer only follows it. */
function useFollowLanguage(): void {
  const { i18n } = useTranslation()
  const language = useUiStore((s) => s.settings?.language)
  useEffect(() => {
    if (language && i18n.language !== language) void i18n.changeLanguage(language)
  }, [language, i18n])
}
