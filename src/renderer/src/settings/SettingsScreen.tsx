import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { SettingsView } from '../../../shared/ipc/domain'
import { livedeck } from '../api/livedeck'
import { run } from '../api/run'
import { ObsSettings } from '../desktop/ObsSettings'
import { LanguageSwitcher } from '../header/LanguageSwitcher'
import { useUiStore } from '../store/ui-store'
import { draftFrom, invalidFields, patchFrom, type SettingsDraft } from './draft'
import { SecretField } from './SecretField'
import { TextField } from './TextField'

type Status = 'idle' | 'saving' | 'saved'

export function SettingsScreen(): React.JSX.Element | null {
  const settings = useUiStore((s) => s.settings)
  return settings ? <SettingsForm settings={settings} /> : null
}

function SettingsForm({ settings }: { settings: SettingsView }): React.JSX.Element {
  const { t } = useTranslation()
  const setSettings = useUiStore((s) => s.setSettings)
  const [draft, setDraft] = useState<SettingsDraft>(() => draftFrom(settings))
  const [status, setStatus] = useState<Status>('idle')
  const invalid = invalidFields(draft)

  const edit = <P extends keyof SettingsDraft>(platform: P, field: keyof SettingsDraft[P]) => (value: string) => {
    setStatus('idle')
    setDraft((d) => ({ ...d, [platform]: { ...d[platform], [field]: value } }))
  }

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault()
    setStatus('saving')
    const view = await run(livedeck().settings.update(patchFrom(draft)))
    if (!view) return setStatus('idle')
    setSettings(view)
    setStatus('saved')
  }

  return (
    <form className="settings" onSubmit={(e) => void submit(e)} noValidate>
      <div className="settings-heading">
        <h2>{t('settings.title')}</h2>
        <p className="muted">{t('settings.intro')}</p>
      </div>

      <fieldset className="panel settings-group" data-testid="settings-vk">
        <legend>{t('platform.vk')}</legend>
        <TextField name="vk.clientId" label={t('settings.clientId')} value={draft.vk.clientId} invalid={invalid.has('vk.clientId')} onChange={edit('vk', 'clientId')} />
        <SecretField secretKey="vk.clientSecret" label={t('settings.clientSecret')} hint={t('settings.clientSecretHint')} configured={settings.vk.clientSecretConfigured} />
        <TextField name="vk.redirectUri" type="url" label={t('settings.redirectUri')} value={draft.vk.redirectUri} invalid={invalid.has('vk.redirectUri')} onChange={edit('vk', 'redirectUri')} />
        <TextField name="vk.scopes" multiline label={t('settings.scopes')} hint={t('settings.scopesHint')} value={draft.vk.scopes} invalid={invalid.has('vk.scopes')} onChange={edit('vk', 'scopes')} />
      </fieldset>

      <fieldset className="panel settings-group" data-testid="settings-kuaishou">
        <legend>{t('platform.kuaishou')}</legend>
        <TextField name="kuaishou.appId" label={t('settings.appId')} value={draft.kuaishou.appId} invalid={invalid.has('kuaishou.appId')} onChange={edit('kuaishou', 'appId')} />
        <SecretField secretKey="kuaishou.appSecret" label={t('settings.appSecret')} configured={settings.kuaishou.appSecretConfigured} />
        <TextField name="kuaishou.redirectUri" type="url" label={t('settings.redirectUri')} value={draft.kuaishou.redirectUri} invalid={invalid.has('kuaishou.redirectUri')} onChange={edit('kuaishou', 'redirectUri')} />
        <TextField name="kuaishou.scopes" multiline label={t('settings.scopes')} hint={t('settings.scopesHint')} value={draft.kuaishou.scopes} invalid={invalid.has('kuaishou.scopes')} onChange={edit('kuaishou', 'scopes')} />
        <TextField name="kuaishou.bizId" label={t('settings.bizId')} hint={t('settings.bizIdHint')} value={draft.kuaishou.bizId} invalid={invalid.has('kuaishou.bizId')} onChange={edit('kuaishou', 'bizId')} />
      </fieldset>

      <fieldset className="panel settings-group">
        <legend>{t('settings.general')}</legend>
        <LanguageSwitcher className="field" />
      </fieldset>

      <div className="settings-actions">
        <span className="muted" role="status">
          {status === 'saved' ? t('settings.saved') : null}
        </span>
        <button type="submit" className="button button-primary" disabled={status === 'saving' || invalid.size > 0}>
          {status === 'saving' ? t('settings.saving') : t('settings.save')}
        </button>
      </div>
      <ObsSettings />
    </form>
  )
}
