import { useEffect } from 'react'
import { TOAST_MS, useVkToast } from './toast-store'

export function Toast(): React.JSX.Element | null {
  const text = useVkToast((s) => s.text)
  const seq = useVkToast((s) => s.seq)
  const hide = useVkToast((s) => s.hide)
  useEffect(() => {
    if (text === null) return
    const timer = setTimeout(() => hide(seq), TOAST_MS)
    return () => clearTimeout(timer)
  }, [text, seq, hide])
  if (text === null) return null
  return (
    <div className="vk-toast" role="status" aria-live="polite">
      {text}
    </div>
  )
}
