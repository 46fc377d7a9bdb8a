import { useEffect } from 'react'
import { livedeck } from '../api/livedeck'
import { useKuaishouStore } from './kuaishou-store'

/**
 * Loads the account and the active live once, then follows main's events. A live restored by main
 * after a restart shows up through `getLive` here.
 */
export function useKuaishouSync(): void {
  useEffect(() => {
    const api = livedeck()
    const { setAccount, setLive, setUpload } = useKuaishouStore.getState()
    const offs = [
      api.on('kuaishou.account', setAccount),
      api.on('kuaishou.live', setLive),
      api.on('kuaishou.uploadProgress', setUpload)
    ]
    void api.kuaishou.getAccount().then((r) => r.ok && setAccount(r.value))
    void api.kuaishou.getLive().then((r) => r.ok && setLive(r.value))
    return () => offs.forEach((off) => off())
  }, [])
}
