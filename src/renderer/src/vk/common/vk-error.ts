import type { TFunction } from 'i18next'
import type { IpcError } from '../../../../shared/ipc/result'

/** VK refusals the UI explains in its own words; anything else falls back to the generic code text. */
export const knownPlatformCodes: ReadonlySet<string> = new Set([
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
  'unauthorized',
  'invalid_scope',
  'access_denied',
  'state_mismatch',
  'channel_not_found',
  'channel_banned',
  'ratelimit_exceeded',
  'service_unavailable',
  'internal_server_error',
  'bad_response',
  'invalid_grant',
  'invalid_client',
  'invalid_request',
  'no_code',
  'no_token',
  'authorize_error'
])

/** A user-facing sentence for a failed VK request: VK's own refusal when we know it, else the error code. */
export function vkErrorText(t: TFunction, error: IpcError): string {
  const platform = typeof error.platformCode === 'string' ? error.platformCode : null
  if (platform && knownPlatformCodes.has(platform)) return t(`vk.errors.${platform}`)
  const generic = t(`errors.${error.code}`)
  return platform ? t('vk.errors.withCode', { text: generic, code: platform }) : generic
}
