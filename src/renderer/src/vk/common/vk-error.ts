import type { TFunction } from 'i18next'
import type { IpcError } from '../../../../shared/ipc/result'

/** VK refusals the UI explains in its own words; anything else falls back to the generic code text. */
const knownPlatformCodes = new Set([
  'message_too_long',
  'same_message',
  'send_too_fast',
  'forbidden',
  'not_live',
  'no_channel',
  'invalid_param',
  'missing_param',
  'unprocessable_entity',
  'not_found',
  'chat_closed',
  'unauthorized'
])

/** A user-facing sentence for a failed VK request: VK's own refusal when we know it, else the error code. */
export function vkErrorText(t: TFunction, error: IpcError): string {
  const platform = typeof error.platformCode === 'string' ? error.platformCode : null
  if (platform && knownPlatformCodes.has(platform)) return t(`vk.errors.${platform}`)
  const generic = t(`errors.${error.code}`)
  return platform ? t('vk.errors.withCode', { text: generic, code: platform }) : generic
}
