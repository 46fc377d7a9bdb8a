import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { IpcError } from '../../../../shared/ipc/result'
import { livedeck } from '../../api/livedeck'
import { useVkChannel } from '../channel/channel-store'
import { vkErrorText } from '../common/vk-error'
import { CategoryPicker } from './CategoryPicker'
import { draftFromStream, useStreamDraft } from './draft-store'
import { fromLocalInput, toLocalInput } from './planned-time'

type SaveState = { readonly kind: 'idle' | 'saving' | 'saved' } | { readonly kind: 'failed'; readonly error: IpcError }

/** Title, category and planned time → `vk.editStream`. The draft survives failures and refreshes. */
export function StreamForm(): React.JSX.Element {
  const { t } = useTranslation()
  const channel = useVkChannel((s) => s.channel)
  const { channelUrl, draft, edit, seed } = useStreamDraft()
  const [save, setSave] = useState<SaveState>({ kind: 'idle' })
  const titleId = useId()
  const plannedId = useId()

  // Seed once per channel: later refreshes must not overwrite what the user is typing.
  useEffect(() => {
    if (channel && channelUrl !== channel.url) seed(channel.url, draftFromStream(channel.stream, toLocalInput))
  }, [channel, channelUrl, seed])

  const submit = async (): Promise<void> => {
    if (!draft.category) return
    setSave({ kind: 'saving' })
    const slotUrl = channel?.stream?.slotUrl
    const result = await livedeck().vk.editStream({
      title: draft.title,
      categoryId: draft.category.id,
      plannedAt: fromLocalInput(draft.planned),
      ...(slotUrl ? { slotUrl } : {})
    })
    if (!result.ok) {
      setSave({ kind: 'failed', error: result.error })
      return
    }
    setSave({ kind: 'saved' })
    useVkChannel.getState().set({ channel: result.value })
  }

  const canSave = draft.title.trim() !== '' && draft.category !== null && save.kind !== 'saving'
  return (
    <form
      className="vk-stream-form"
      data-testid="vk-stream-form"
      onSubmit={(e) => {
        e.preventDefault()
        if (canSave) void submit()
      }}
    >
      <h3>{t('vk.stream.heading')}</h3>
      <div className="field">
        <label className="field-label" htmlFor={titleId}>
          {t('vk.stream.title')}
        </label>
        <input id={titleId} value={draft.title} maxLength={140} onChange={(e) => edit({ title: e.target.value })} />
      </div>
      <CategoryPicker />
      <div className="field">
        <label className="field-label" htmlFor={plannedId}>
          {t('vk.stream.planned')}
        </label>
        <input id={plannedId} type="datetime-local" value={draft.planned} onChange={(e) => edit({ planned: e.target.value })} />
        <span className="hint">{t('vk.stream.plannedHint')}</span>
      </div>
      <div className="vk-actions">
        <button type="submit" className="button button-primary" disabled={!canSave}>
          {save.kind === 'saving' ? t('vk.stream.saving') : t('vk.stream.save')}
        </button>
        {save.kind === 'saved' && <span role="status">{t('vk.stream.saved')}</span>}
        {save.kind === 'failed' && (
          <span className="vk-error" role="alert">
            {t('vk.stream.failed', { why: vkErrorText(t, save.error) })}
          </span>
        )}
      </div>
    </form>
  )
}
