/** PowerSaveBlocker on Electron: 'prevent-app-suspension' keeps the app running; the screen may still sleep. */
import { powerSaveBlocker } from 'electron'
import type { PowerSaveBlocker } from '../../ports/power-save-blocker'

export function createElectronPowerSaveBlocker(): PowerSaveBlocker {
  let id: number | null = null
  return {
    start() {
      if (id === null) id = powerSaveBlocker.start('prevent-app-suspension')
    },
    stop() {
      if (id !== null && powerSaveBlocker.isStarted(id)) powerSaveBlocker.stop(id)
      id = null
    }
  }
}
