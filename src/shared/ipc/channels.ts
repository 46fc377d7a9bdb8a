/**
 * The contract's names only, without zod: the sandboxed preload bundles this file (it can require
 * nothing but `electron`) and the renderer's bridge stays free of validation code. `contract.ts`
 * checks at compile time that these lists match its channels and events exactly, so adding a channel
 * there without adding its name here fails typecheck.
 */
export const invokeChannelNames = [
  'app.getInfo',
  'settings.get',
  'settings.update',
  'secrets.set',
  'secrets.clear',
  'sensitive.reveal',
  'sensitive.copy',
  'shell.openExternal',
  'kuaishou.connect',
  'kuaishou.disconnect',
  'kuaishou.getAccount',
  'kuaishou.createLive',
  'kuaishou.getLive',
  'kuaishou.refreshLive',
  'kuaishou.stopLive',
  'kuaishou.dismissLive',
  'vk.getAccount',
  'vk.connect',
  'vk.disconnect',
  'vk.getChannel',
  'vk.searchCategories',
  'vk.editStream',
  'vk.getCredentials',
  'vkChat.open',
  'vkChat.close',
  'vkChat.getStatus',
  'vkChat.getLines',
  'vkChat.send',
  'vkChat.getMembers',
  'vkChat.getMember',
  'vkChat.getSettings',
  'vkChat.editSettings',
  'obs.getStatus',
  'obs.updateSettings',
  'obs.connect',
  'obs.disconnect',
  'obs.sendStream',
  'obs.startStream',
  'obs.stopStream'
] as const

export const eventNames = ['settings.changed', 'app.info', 'kuaishou.account', 'kuaishou.live', 'kuaishou.uploadProgress', 'vk.account', 'vkChat.batch', 'vkChat.status', 'vkChat.sendState', 'obs.status'] as const

export type InvokeChannelName = (typeof invokeChannelNames)[number]
export type EventNameLiteral = (typeof eventNames)[number]

/** IPC channel string for an invoke channel or event (Electron's ipc namespace is shared; prefix ours). */
export const ipcChannel = (name: InvokeChannelName | EventNameLiteral): string => `livedeck:${name}`
