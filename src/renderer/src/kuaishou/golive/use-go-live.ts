import { useCallback } from 'react'
import { codePointLength, KUAISHOU_CAPTION_MAX, type KuaishouCreateLive } from '../../../../shared/ipc/kuaishou'
import { livedeck } from '../../api/livedeck'
import { call } from '../common/call'
import { useKuaishouStore } from '../kuaishou-store'
import { useDraftStore } from './draft-store'
import { accountReady, uploadComplete } from './steps'

type CreateInput = Omit<KuaishouCreateLive, 'caption' | 'panoramic' | 'shopLive'> & Partial<KuaishouCreateLive>

/** The form as main's `kuaishou.createLive` takes it; `deviceName` only when the user typed one. */
export function createInput(): CreateInput | null {
  const d = useDraftStore.getState()
  if (d.cover.kind !== 'ready' || codePointLength(d.caption) > KUAISHOU_CAPTION_MAX) return null
  const deviceName = d.deviceName.trim()
  return {
    cover: d.cover.cover.bytes,
    caption: d.caption,
    panoramic: d.panoramic,
    shopLive: d.shopLive,
    ...(deviceName ? { deviceName } : {})
  }
}

/** Runs "Get push URL": upload with progress, then the push URL; the checklist says where it stands. */
export function useGoLive(): () => Promise<void> {
  return useCallback(async () => {
    const input = createInput()
    const { account, setUpload, setLive } = useKuaishouStore.getState()
    const { setChecklist, checklist } = useDraftStore.getState()
    if (!input || !accountReady(account) || checklist.running) return
    setUpload(null)
    setChecklist({ running: true, upload: 'active', pushUrl: 'pending', error: null })
    const result = await call(livedeck().kuaishou.createLive(input))
    if (result.ok) {
      setLive(result.value)
      setChecklist({ running: false, upload: 'done', pushUrl: 'done', error: null })
      return
    }
    const uploaded = uploadComplete(useKuaishouStore.getState().upload)
    setChecklist({ running: false, upload: uploaded ? 'done' : 'failed', pushUrl: uploaded ? 'failed' : 'pending', error: result.error })
  }, [])
}
