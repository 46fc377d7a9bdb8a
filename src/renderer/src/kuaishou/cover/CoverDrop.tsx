import { useDropzone } from 'react-dropzone'
import { useTranslation } from 'react-i18next'
import { useDraftStore } from '../golive/draft-store'
import { COVER_HEIGHT, COVER_WIDTH } from './convert-cover'
import { useCoverPicker, usePasteCover, usePreviewUrl } from './use-cover'

/**
 * The cover: drop a file, click to pick one, or paste. Every file is accepted here and judged by its
 * bytes in `convertCover` (so HEIC and non-images get their own message rather than a silent refusal).
 */
export function CoverDrop({ disabled }: { disabled: boolean }): React.JSX.Element {
  const { t } = useTranslation()
  const cover = useDraftStore((s) => s.cover)
  const fit = useDraftStore((s) => s.fit)
  const { pick, setFit } = useCoverPicker()
  usePasteCover(pick, !disabled)
  const { getRootProps, getInputProps, isDragActive } = useDropzone({
    multiple: false,
    disabled,
    onDrop: (files: File[]) => {
      const [file] = files
      if (file) pick(file)
    }
  })
  const preview = usePreviewUrl(cover.kind === 'ready' ? cover.cover.bytes : null)

  return (
    <div className="ks-cover">
      <div
        {...getRootProps({ className: `ks-dropzone${isDragActive ? ' ks-dropzone-active' : ''}` })}
        data-testid="ks-cover-drop"
        data-paste-ready={!disabled}
        aria-label={t('kuaishou.cover.dropLabel')}
      >
        <input {...getInputProps()} data-testid="ks-cover-input" />
        <div className="ks-frame" style={{ aspectRatio: `${COVER_WIDTH} / ${COVER_HEIGHT}` }}>
          {preview ? (
            <img src={preview} alt={t('kuaishou.cover.previewAlt')} data-testid="ks-cover-preview" />
          ) : (
            <span className="muted">{t(isDragActive ? 'kuaishou.cover.dropNow' : 'kuaishou.cover.dropHint')}</span>
          )}
        </div>
      </div>
      <fieldset className="ks-fit" disabled={disabled}>
        <legend>{t('kuaishou.cover.framing')}</legend>
        {(['crop', 'fit'] as const).map((option) => (
          <label key={option}>
            <input type="radio" name="ks-fit" checked={fit === option} onChange={() => setFit(option)} /> {t(`kuaishou.cover.${option}`)}
          </label>
        ))}
      </fieldset>
      <CoverStatus />
    </div>
  )
}

function CoverStatus(): React.JSX.Element | null {
  const { t } = useTranslation()
  const cover = useDraftStore((s) => s.cover)
  switch (cover.kind) {
    case 'empty':
      return <p className="muted">{t('kuaishou.cover.rules')}</p>
    case 'converting':
      return <p className="muted">{t('kuaishou.cover.converting', { name: cover.name })}</p>
    case 'failed':
      return (
        <p className="ks-warning" role="alert" data-testid="ks-cover-problem" data-problem={cover.problem}>
          {t(`kuaishou.cover.problem.${cover.problem}`, { name: cover.name })}
        </p>
      )
    case 'ready':
      return (
        <p className="muted" data-testid="ks-cover-ready">
          {t('kuaishou.cover.ready', {
            name: cover.name,
            kb: Math.round(cover.cover.bytes.length / 1000),
            width: cover.cover.source.width,
            height: cover.cover.source.height
          })}
        </p>
      )
  }
}
