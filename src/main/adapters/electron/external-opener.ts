/** ExternalOpener port on `shell.openExternal`; callers have validated the URL (http/https only). */
import { shell } from 'electron'
import type { ExternalOpener } from '../../ports/external-opener'

export const electronExternalOpener: ExternalOpener = {
  openExternal: (url) => shell.openExternal(url)
}
