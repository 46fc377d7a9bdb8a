/**
 * The browser host's Clipboard, Notifier and ExternalOpener: each asks the connected page to do it.
 * A refusal (no page, permission denied, popup blocked) surfaces as an error to the calling service.
 */
import type { Clipboard } from '../../main/ports/clipboard'
import type { ExternalOpener } from '../../main/ports/external-opener'
import type { Notifier } from '../../main/ports/notifier'
import type { PageLink } from './page-link'

export interface PageAdapters {
  readonly clipboard: Clipboard
  readonly notifier: Notifier
  readonly externalOpener: ExternalOpener
}

export function createPageAdapters(link: PageLink, onNotifyFailure: (error: unknown) => void): PageAdapters {
  const must = async (done: Promise<boolean>, what: string): Promise<void> => {
    if (!(await done)) throw new Error(`the page could not ${what}`)
  }
  return {
    clipboard: { writeText: (text) => must(link.request({ kind: 'clipboard', text }), 'write the clipboard') },
    externalOpener: { openExternal: (url) => must(link.request({ kind: 'openExternal', url }), 'open a tab') },
    // Fire-and-forget like a desktop notification; a missing page is only logged.
    notifier: { notify: ({ title, body }) => void link.request({ kind: 'notify', title, body }).catch(onNotifyFailure) }
  }
}
