/**
 * Whether the chat list follows new lines. It follows until the user scrolls up; then it pauses (the
 * list stops moving under the reader) and counts what arrived meanwhile, until the user returns to the
 * bottom or presses "N new messages".
 */
export interface Follow {
  readonly paused: boolean
  /** `received` when the pause began. */
  readonly pausedAt: number
}

export const following: Follow = { paused: false, pausedAt: 0 }

/** Within this many pixels of the end counts as "at the bottom". */
export const BOTTOM_SLACK_PX = 24

export function onScroll(state: Follow, view: { scrollTop: number; previousTop: number; atBottom: boolean }, received: number): Follow {
  if (view.atBottom) return state.paused ? following : state
  // Only the user moves the list up; our own scrolls only ever go down.
  if (!state.paused && view.scrollTop < view.previousTop) return { paused: true, pausedAt: received }
  return state
}

export const unseen = (state: Follow, received: number): number => (state.paused ? Math.max(0, received - state.pausedAt) : 0)
