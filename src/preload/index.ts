/**
 * The sandboxed preload (built to out/preload/index.cjs). It exposes exactly one object,
 * `window.livedeck`, built from the contract; the page never sees `ipcRenderer` or an IPC event.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { buildLivedeckApi } from '../shared/ipc/build-api'
import { ipcChannel } from '../shared/ipc/channels'
import type { Result } from '../shared/ipc/result'

const api = buildLivedeckApi(
  (channel, input) => ipcRenderer.invoke(ipcChannel(channel), input) as Promise<Result<unknown>>,
  (event, listener) => {
    const wrapped = (_event: IpcRendererEvent, payload: unknown): void => listener(payload)
    ipcRenderer.on(ipcChannel(event), wrapped)
    return () => {
      ipcRenderer.removeListener(ipcChannel(event), wrapped)
    }
  }
)

contextBridge.exposeInMainWorld('livedeck', api)
