import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { KuaishouLiveView } from '../../../../shared/ipc/kuaishou'
import type { IpcError } from '../../../../shared/ipc/result'
import { livedeck } from '../../api/livedeck'
import { useStreamerMode } from '../../desktop/streamer-store'
import { call } from '../common/call'
import { ErrorNote } from '../common/ErrorNote'
import { useNow } from '../common/use-now'
import { timeLeft } from './countdown'

/** A revealed push URL is hidden again after this long: it is a credential. */
export const REVEAL_MS = 30_000
const STUDIO_URL = 'https://liveopen.kuaishou.com'
type Part = 'whole' | 'server' | 'key'

/** The push URL as a sensitive value: masked, revealed briefly on request, copied whole or split for OBS. */
export function PushUrlCard({ live }: { live: KuaishouLiveView }): React.JSX.Element {
  const { t } = useTranslation()
  const now = useNow()
  const [revealed, setRevealed] = useState<string | null>(null)
  const [copied, setCopied] = useState<Part | null>(null)
  const [error, setError] = useState<IpcError | null>(null)
  const ref = live.pushUrlRef
  // Streamer mode: whatever was revealed goes away and nothing can be revealed.
  const masked = useStreamerMode()
  useEffect(() => void (masked && setRevealed(null)), [masked])

  useEffect(() => {
    if (revealed === null) return
    const timer = setTimeout(() => setRevealed(null), REVEAL_MS)
    return () => clearTimeout(timer)
  }, [revealed])
  // The ref went away (live started, URL expired): so does anything revealed from it.
  useEffect(() => void (ref === null && setRevealed(null)), [ref])

  const reveal = async (r: string) => {
    if (masked) return
    const result = await call(livedeck().sensitive.reveal({ ref: r }))
    setError(result.ok ? null : result.error)
    if (result.ok) setRevealed(result.value.value)
  }
  const copy = async (r: string, part: Part) => {
    const result = await call(livedeck().sensitive.copy({ ref: r, part }))
    setError(result.ok ? null : result.error)
    setCopied(result.ok ? part : null)
  }
  const left = timeLeft(live.expiresAt, now)

  return (
    <div className="ks-push" data-testid="ks-push-url">
      <h3>{t('kuaishou.push.title')}</h3>
      {ref ? (
        <>
          <code className="ks-url" data-testid="ks-push-value">
            {(masked ? null : revealed) ?? t('kuaishou.push.masked')}
          </code>
          <div className="ks-actions">
            {revealed === null ? (
              <button type="button" className="button button-ghost" disabled={masked} onClick={() => void reveal(ref)} data-testid="ks-reveal">
                {t('kuaishou.push.reveal')}
              </button>
            ) : (
              <button type="button" className="button button-ghost" onClick={() => setRevealed(null)}>
                {t('kuaishou.push.hide')}
              </button>
            )}
            {(['whole', 'server', 'key'] as const).map((part) => (
              <button key={part} type="button" className="button" onClick={() => void copy(ref, part)} data-testid={`ks-copy-${part}`}>
                {t(copied === part ? 'kuaishou.push.copied' : `kuaishou.push.copy.${part}`)}
              </button>
            ))}
          </div>
          <p className="muted">{t('kuaishou.push.obsHint')}</p>
        </>
      ) : (
        <p className="muted" data-testid="ks-push-gone">
          {t('kuaishou.push.unavailable')}
        </p>
      )}
      {ref && (
        // Expiry only matters while the URL can still be used.
        <>
          <p className="muted">{t('kuaishou.push.oneLive')}</p>
          <p data-testid="ks-push-expiry">{left ? t('kuaishou.push.expiresIn', left) : t('kuaishou.push.expired')}</p>
        </>
      )}
      <p className="ks-note">{t('kuaishou.push.aac')}</p>
      <p>
        <a
          href={STUDIO_URL}
          rel="noreferrer noopener"
          onClick={(e) => {
            e.preventDefault()
            void livedeck().shell.openExternal({ url: STUDIO_URL })
          }}
        >
          {t('kuaishou.push.studio')}
        </a>
      </p>
      {error && <ErrorNote error={error} />}
    </div>
  )
}
