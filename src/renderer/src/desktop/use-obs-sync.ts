import { useEffect } from 'react'
import { livedeck } from '../api/livedeck'
import { useStreamerStore } from './streamer-store'

/** Follows OBS's status (it drives streamer mode and the OBS card). */
export function useObsSync(): void {
  const setObs = useStreamerStore((s) => s.setObs)
  useEffect(() => {
    const api = livedeck()
    const off = api.on('obs.status', setObs)
    void api.obs.getStatus().then((r) => r.ok && setObs(r.value))
    return off
  }, [setObs])
}
