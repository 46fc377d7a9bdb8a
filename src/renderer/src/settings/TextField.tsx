import { useId } from 'react'

interface Props {
  readonly label: string
  readonly value: string
  readonly onChange: (value: string) => void
  readonly hint?: string
  readonly invalid?: boolean
  readonly type?: 'text' | 'url'
  readonly name: string
  /** A wrapping text area, for long space-separated lists (scopes). */
  readonly multiline?: boolean
}

/** A labelled text input with an optional hint, wired for screen readers. */
export function TextField({ label, value, onChange, hint, invalid = false, type = 'text', name, multiline = false }: Props): React.JSX.Element {
  const id = useId()
  const hintId = useId()
  const common = {
    id,
    name,
    value,
    spellCheck: false,
    autoComplete: 'off',
    'aria-invalid': invalid || undefined,
    'aria-describedby': hint ? hintId : undefined
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={2} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type={type} onChange={(e) => onChange(e.target.value)} />
      )}
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
    </div>
  )
}
