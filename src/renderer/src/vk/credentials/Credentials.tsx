import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SensitiveRef } from '../../../../shared/ipc/domain'
import type { IpcError } from '../../../../shared/ipc/result'
import { livedeck } from '../../api/livedeck'
import { useStreamerMode } from '../../desktop/streamer-store'
import { useVkToast } from '../common/toast-store'
import { vkErrorText } from '../common/vk-error'

/** A revealed value hides itself after this long: a stream key on screen is a leak waiting for a screenshot. */
export const REVEAL_MS = 30_000

type Part = 'server' | 'key' | 'whole'

/**
 * RTMP server and stream key as a sensitive value held by main: the page holds only an opaque ref.
 * Reveal asks main for the value (and forgets it after REVEAL_MS); copy is done by main itself.
 */
export function Credentials(): React.JSX.Element {
  const { t } = useTranslation()
  const [ref, setRef] = useState<SensitiveRef | null>(null)
  const [revealed, setRevealed] = useState<string | null>(null)
  const [error, setError] = useState<IpcError | null>(null)
  const toast = useVkToast((s) => s.show)
  // Streamer mode: whatever was revealed goes away and nothing can be revealed.
  const masked = useStreamerMode()
  useEffect(() => void (masked && setRevealed(null)), [masked])

  useEffect(() => {
    let alive = true
    void livedeck()
      .vk.getCredentials()
      .then((r) => {
        if (!alive) return
        if (r.ok) setRef(r.value.ref)
        else setError(r.error)
      })
    return () => {
      alive = false
    }
  }, [])

  useEffect(() => {
    if (revealed === null) return
    const timer = setTimeout(() => setRevealed(null), REVEAL_MS)
    return () => clearTimeout(timer)
  }, [revealed])

  const reveal = async (): Promise<void> => {
    if (!ref || masked) return
    const r = await livedeck().sensitive.reveal({ ref })
    if (r.ok) setRevealed(r.value.value)
    else setError(r.error)
  }

  const copy = async (part: Part): Promise<void> => {
    if (!ref) return
    const r = await livedeck().sensitive.copy({ ref, part })
    if (r.ok) toast(t(`vk.credentials.copied.${part}`))
    else setError(r.error)
  }

  return (
    <section className="vk-credentials" data-testid="vk-credentials" aria-label={t('vk.credentials.heading')}>
      <h3>{t('vk.credentials.heading')}</h3>
      <div className="vk-secret-value" data-testid="vk-credentials-value">
        {(masked ? null : revealed) ?? '••••••••••••••••'}
      </div>
      <div className="vk-actions">
        {revealed === null ? (
          <button type="button" className="button button-ghost" disabled={!ref || masked} onClick={() => void reveal()} data-testid="vk-reveal">
            {t('vk.credentials.reveal')}
          </button>
        ) : (
          <button type="button" className="button button-ghost" onClick={() => setRevealed(null)}>
            {t('vk.credentials.hide')}
          </button>
        )}
        <button type="button" className="button button-ghost" disabled={!ref} onClick={() => void copy('server')}>
          {t('vk.credentials.copyServer')}
        </button>
        <button type="button" className="button button-ghost" disabled={!ref} onClick={() => void copy('key')}>
          {t('vk.credentials.copyKey')}
        </button>
        <button type="button" className="button button-ghost" disabled={!ref} onClick={() => void copy('whole')}>
          {t('vk.credentials.copyBoth')}
        </button>
      </div>
      {revealed !== null && <p className="hint">{t('vk.credentials.autoHide', { seconds: REVEAL_MS / 1000 })}</p>}
      {error && (
        <p className="vk-error" role="alert">
          {vkErrorText(t, error)}
        </p>
      )}
    </section>
  )
}
