/**
 * Where the main window opens: the bounds saved last time, unless the display they were on is gone
 * (monitor unplugged, resolution changed) — then they are pulled back onto a display the user can see.
 * Pure functions of the saved state and the current displays' work areas.
 */
import { z } from 'zod'

export const rectSchema = z.strictObject({
  x: z.number().int().min(-100_000).max(100_000),
  y: z.number().int().min(-100_000).max(100_000),
  width: z.number().int().min(1).max(100_000),
  height: z.number().int().min(1).max(100_000)
})
export type Rect = z.infer<typeof rectSchema>

export const windowStateSchema = z.strictObject({ bounds: rectSchema, maximized: z.boolean() })
export type WindowState = z.infer<typeof windowStateSchema>

export interface WindowLimits {
  readonly defaultWidth: number
  readonly defaultHeight: number
  readonly minWidth: number
  readonly minHeight: number
}

/** A window whose visible part on every display is smaller than this is treated as lost. */
const MIN_VISIBLE = 100

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return { width: Math.max(0, width), height: Math.max(0, height) }
}

const area = (s: { width: number; height: number }): number => s.width * s.height

/** The work area showing most of `bounds`, or null when none shows enough of it to grab. */
function bestDisplay(bounds: Rect, workAreas: readonly Rect[]): Rect | null {
  let best: Rect | null = null
  let bestArea = 0
  for (const wa of workAreas) {
    const o = overlap(bounds, wa)
    if (o.width >= Math.min(MIN_VISIBLE, bounds.width) && o.height >= Math.min(MIN_VISIBLE, bounds.height) && area(o) > bestArea) {
      best = wa
      bestArea = area(o)
    }
  }
  return best
}

const clampSize = (size: number, min: number, max: number): number => Math.max(Math.min(size, max), Math.min(min, max))

/** Fits `bounds` inside `wa`: shrinks it when larger, then moves it in. */
function fitInto(bounds: Rect, wa: Rect, limits: WindowLimits): Rect {
  const width = clampSize(bounds.width, limits.minWidth, wa.width)
  const height = clampSize(bounds.height, limits.minHeight, wa.height)
  const x = Math.min(Math.max(bounds.x, wa.x), wa.x + wa.width - width)
  const y = Math.min(Math.max(bounds.y, wa.y), wa.y + wa.height - height)
  return { x, y, width, height }
}

function centered(wa: Rect, limits: WindowLimits): Rect {
  const width = clampSize(limits.defaultWidth, limits.minWidth, wa.width)
  const height = clampSize(limits.defaultHeight, limits.minHeight, wa.height)
  return { x: wa.x + Math.round((wa.width - width) / 2), y: wa.y + Math.round((wa.height - height) / 2), width, height }
}

/**
 * The state to open with. `workAreas[0]` must be the primary display; with no saved state, or one
 * no display can show, the window gets the default size centred on the primary display.
 */
export function restoreWindowState(saved: WindowState | null, workAreas: readonly Rect[], limits: WindowLimits): WindowState {
  const primary = workAreas[0]
  if (primary === undefined) {
    return { bounds: saved?.bounds ?? { x: 0, y: 0, width: limits.defaultWidth, height: limits.defaultHeight }, maximized: saved?.maximized ?? false }
  }
  if (saved === null) return { bounds: centered(primary, limits), maximized: false }
  const display = bestDisplay(saved.bounds, workAreas)
  if (display === null) return { bounds: centered(primary, limits), maximized: saved.maximized }
  return { bounds: fitInto(saved.bounds, display, limits), maximized: saved.maximized }
}
