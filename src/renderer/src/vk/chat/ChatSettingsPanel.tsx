import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { VkChatSettingsView } from '../../../../shared/ipc/domain'
import type { IpcError } from '../../../../shared/ipc/result'
import { livedeck } from '../../api/livedeck'
import { vkErrorText } from '../common/vk-error'

type Flag = 'followAlert' | 'subscriptionAlert' | 'capsProhibited' | 'linksProhibited' | 'ruEnNumbersOnly'
type Seconds = 'allowAccessAfter' | 'anyMessageTimeout' | 'sameMessageTimeout'
const flags: readonly Flag[] = ['followAlert', 'subscriptionAlert', 'capsProhibited', 'linksProhibited', 'ruEnNumbersOnly']
const numbers: readonly Seconds[] = ['allowAccessAfter', 'anyMessageTimeout', 'sameMessageTimeout']
const maxOf: Record<Seconds, number> = { allowAccessAfter: 10_000_000, anyMessageTimeout: 86_400, sameMessageTimeout: 86_400 }

/** Every documented chat setting (owners and moderators): read, edit, save with VK's answer. */
export function ChatSettingsPanel({ onClose }: { onClose: () => void }): React.JSX.Element {
  const { t } = useTranslation()
  const [draft, setDraft] = useState<VkChatSettingsView | null>(null)
  const [state, setState] = useState<{ kind: 'idle' | 'saving' | 'saved' } | { kind: 'failed'; error: IpcError }>({ kind: 'idle' })
  const id = useId()

  useEffect(() => {
    void livedeck()
      .vkChat.getSettings()
      .then((r) => (r.ok ? setDraft(r.value) : setState({ kind: 'failed', error: r.error })))
  }, [])

  const save = async (): Promise<void> => {
    if (!draft) return
    setState({ kind: 'saving' })
    const r = await livedeck().vkChat.editSettings(draft)
    if (r.ok) {
      setDraft(r.value)
      setState({ kind: 'saved' })
    } else setState({ kind: 'failed', error: r.error })
  }

  const edit = (patch: Partial<VkChatSettingsView>): void => setDraft((d) => (d ? { ...d, ...patch } : d))
  return (
    <form
      className="vk-dialog vk-chat-settings"
      aria-label={t('vk.chatSettings.heading')}
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      <h4>{t('vk.chatSettings.heading')}</h4>
      {draft && (
        <>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-access`}>
              {t('vk.chatSettings.allowAccess')}
            </label>
            <select id={`${id}-access`} value={draft.allowAccess} onChange={(e) => edit({ allowAccess: e.target.value as VkChatSettingsView['allowAccess'] })}>
              {(['any', 'subscribers', 'paid_subscribers'] as const).map((v) => (
                <option key={v} value={v}>
                  {t(`vk.chatSettings.access.${v}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field-label" htmlFor={`${id}-mode`}>
              {t('vk.chatSettings.mode')}
            </label>
            <select id={`${id}-mode`} value={draft.mode} onChange={(e) => edit({ mode: e.target.value as VkChatSettingsView['mode'] })}>
              <option value="general">{t('vk.chatSettings.modes.general')}</option>
              <option value="only_smiles">{t('vk.chatSettings.modes.only_smiles')}</option>
            </select>
          </div>
          {numbers.map((n) => (
            <div className="field" key={n}>
              <label className="field-label" htmlFor={`${id}-${n}`}>
                {t(`vk.chatSettings.${n}`)}
              </label>
              <input
                id={`${id}-${n}`}
                type="number"
                min={0}
                max={maxOf[n]}
                value={draft[n]}
                onChange={(e) => edit({ [n]: Math.max(0, Math.min(maxOf[n], Math.trunc(Number(e.target.value) || 0))) })}
              />
            </div>
          ))}
          {flags.map((f) => (
            <label key={f} className="vk-check">
              <input type="checkbox" checked={draft[f]} onChange={(e) => edit({ [f]: e.target.checked })} /> {t(`vk.chatSettings.${f}`)}
            </label>
          ))}
        </>
      )}
      <div className="vk-actions">
        <button type="submit" className="button button-primary" disabled={!draft || state.kind === 'saving'}>
          {state.kind === 'saving' ? t('vk.stream.saving') : t('vk.stream.save')}
        </button>
        <button type="button" className="button button-ghost" onClick={onClose}>
          {t('vk.members.close')}
        </button>
        {state.kind === 'saved' && <span role="status">{t('vk.stream.saved')}</span>}
        {state.kind === 'failed' && (
          <span className="vk-error" role="alert">
            {vkErrorText(t, state.error)}
          </span>
        )}
      </div>
    </form>
  )
}
