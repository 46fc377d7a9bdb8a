import { useEffect } from 'react'

/**
 * A file dropped anywhere outside a drop zone would make the window navigate to it (leaving the app).
 * Cancelling dragover/drop on the window stops that; drop zones handle their own events first.
 */
export function useWindowDropGuard(): void {
  useEffect(() => {
    const cancel = (e: DragEvent) => e.preventDefault()
    window.addEventListener('dragover', cancel)
    window.addEventListener('drop', cancel)
    return () => {
      window.removeEventListener('dragover', cancel)
      window.removeEventListener('drop', cancel)
    }
  }, [])
}
