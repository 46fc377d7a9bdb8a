import { useEffect } from 'react'
import { livedeck } from '../../api/livedeck'
import { useVkAccount } from './account-store'

/** Loads the account once and follows main's `vk.account` events. */
export function useAccountSync(): void {
  useEffect(() => {
    const api = livedeck()
    const { set } = useVkAccount.getState()
    const off = api.on('vk.account', (account) => set({ account }))
    void api.vk.getAccount().then((r) => r.ok && set({ account: r.value }))
    return off
  }, [])
}

export async function connectVk(): Promise<void> {
  const { set } = useVkAccount.getState()
  set({ connecting: true, connectError: null, signedOut: null })
  const result = await livedeck().vk.connect()
  if (result.ok) set({ account: result.value, connecting: false })
  else set({ connecting: false, connectError: result.error })
}

export async function disconnectVk(): Promise<void> {
  const { set } = useVkAccount.getState()
  const result = await livedeck().vk.disconnect()
  if (!result.ok) {
    set({ connectError: result.error })
    return
  }
  set({ signedOut: result.value, connectError: null })
  const account = await livedeck().vk.getAccount()
  if (account.ok) set({ account: account.value })
}
