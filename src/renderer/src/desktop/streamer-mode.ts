/**
 * Streamer mode: while on, every stream key and push URL stays masked and cannot be revealed (copy and
 * "send to OBS" still work: they never put the value on screen). It is forced on while OBS is connected
 * or streaming — the moment a capture may be running — whatever the user chose.
 */
import type { ObsStatusView } from '../../../shared/ipc/obs'

/** True when OBS's state alone requires streamer mode. */
export function obsForcesStreamerMode(obs: ObsStatusView | null): boolean {
  if (obs === null) return false
  return obs.connection === 'connected' || obs.stream !== 'inactive'
}

export function streamerModeOn(chosen: boolean, obs: ObsStatusView | null): boolean {
  return chosen || obsForcesStreamerMode(obs)
}
