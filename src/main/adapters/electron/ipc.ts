/**
 * Connects the IPC router to Electron: every contract channel is registered with `ipcMain.handle`
 * under its `livedeck:` name and answered by the router (which checks the sender, parses the input
 * and maps errors); EventHub events are forwarded to the main window.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import { ipcChannel } from '../../../shared/ipc/contract'
import type { EventHub } from '../../ipc/events'
import type { IpcRouter, SenderInfo } from '../../ipc/router'

/** What the router needs to know about who sent an invoke. */
export function senderInfo(event: IpcMainInvokeEvent): SenderInfo {
  const frame = event.senderFrame
  return {
    url: frame?.url ?? '',
    // A frame whose parent is null is its page's top frame; a destroyed frame counts as untrusted.
    isTopFrame: frame !== null && frame.parent === null,
    webContentsId: event.sender.id
  }
}

/** Registers every channel and forwards events; returns the function that undoes both. */
export function registerIpc(router: IpcRouter, events: EventHub, mainWindow: () => BrowserWindow | null): () => void {
  for (const name of router.channels) {
    ipcMain.handle(ipcChannel(name), (event, input: unknown) => router.dispatch(name, input, senderInfo(event)))
  }
  const unsubscribe = events.subscribe((name, payload) => {
    const window = mainWindow()
    if (window !== null && !window.isDestroyed()) window.webContents.send(ipcChannel(name), payload)
  })
  return () => {
    unsubscribe()
    for (const name of router.channels) ipcMain.removeHandler(ipcChannel(name))
  }
}
