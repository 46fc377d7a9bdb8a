/**
 * Quitting while live: the live does not end with the app (the encoder keeps pushing), so the user is
 * asked to confirm and told exactly that. The decision is pure; the Electron adapter calls it from
 * `before-quit` and shows the dialog through the QuitDialog port.
 */
import type { QuitDialog } from '../../ports/quit-dialog'

export type QuitDecision = { readonly kind: 'quit' } | { readonly kind: 'ask'; readonly platforms: readonly string[] }

/** `livePlatforms`: display names of the platforms live now; `confirmed`: the user already said yes. */
export function decideQuit(livePlatforms: readonly string[], confirmed: boolean): QuitDecision {
  if (confirmed || livePlatforms.length === 0) return { kind: 'quit' }
  return { kind: 'ask', platforms: [...new Set(livePlatforms)] }
}

export interface QuitGuard {
  /**
   * Called on every quit attempt. Returns true when quitting may go on now; false when it was held
   * back: then, if the user confirms, `quit` is called once more and goes through.
   */
  beforeQuit(): boolean
}

export function createQuitGuard(deps: {
  readonly livePlatforms: () => readonly string[]
  readonly dialog: QuitDialog
  readonly quit: () => void
  readonly onError?: (error: unknown) => void
}): QuitGuard {
  let confirmed = false
  let asking = false
  return {
    beforeQuit() {
      const decision = decideQuit(deps.livePlatforms(), confirmed)
      if (decision.kind === 'quit') return true
      // A second Cmd+Q while the dialog is open must not stack a second dialog.
      if (asking) return false
      asking = true
      deps.dialog
        .confirmQuitWhileLive(decision.platforms)
        .then((yes) => {
          asking = false
          if (!yes) return
          confirmed = true
          deps.quit()
        })
        .catch((error: unknown) => {
          asking = false
          deps.onError?.(error)
        })
      return false
    }
  }
}
