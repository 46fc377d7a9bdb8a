import { useEffect } from 'react'
import { livedeck } from '../../api/livedeck'
import { useVkChat } from './chat-store'

/**
 * Follows main's chat events and makes sure a chat is open for the signed-in channel. Main keeps the
 * chat open across screen switches; coming back only re-reads its lines.
 */
export function useChatSync(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) {
      useVkChat.getState().clear()
      return
    }
    const api = livedeck()
    const store = useVkChat.getState()
    const offs = [api.on('vkChat.batch', store.applyBatch), api.on('vkChat.status', store.setStatus), api.on('vkChat.sendState', store.sendState)]
    void (async () => {
      const status = await api.vkChat.getStatus()
      if (status.ok && status.value.channelUrl !== null && status.value.transport !== 'stopped' && status.value.transport !== 'idle') {
        store.setStatus(status.value)
        const lines = await api.vkChat.getLines()
        if (lines.ok) store.applyBatch({ lines: lines.value, deleted: [], reset: true })
        return
      }
      await reopenChat()
    })()
    return () => {
      offs.forEach((off) => off())
      // Nothing of this session lingers for the next account; coming back re-reads main's lines.
      useVkChat.getState().clear()
    }
  }, [enabled])
}

/** (Re)opens the chat for the signed-in channel; main answers with the backlog as a reset batch. */
export async function reopenChat(): Promise<void> {
  const r = await livedeck().vkChat.open()
  if (r.ok) useVkChat.getState().setStatus(r.value)
}
