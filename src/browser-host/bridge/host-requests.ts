/**
 * What the host cannot do itself because it has no screen: the page writes the clipboard, opens tabs
 * and shows notifications for it. Each resolves to whether it worked.
 */
import type { HostRequest } from '../../shared/browser-bridge/protocol'

/** Event the page dispatches for a host notification (the Notifier port in web mode). */
export const NOTIFICATION_EVENT = 'livedeck:notification'

/** Opens a tab that cannot reach back into this page; false when the browser blocked the popup. */
function openTab(url: string): boolean {
  if (!/^https?:\/\//i.test(url)) return false
  // Not 'noopener' in features: then open() returns null and a blocked popup is indistinguishable.
  const tab = window.open(url, '_blank')
  if (!tab) return false
  try {
    tab.opener = null
  } catch {
    // Already navigated cross-origin: it cannot reach this page's objects anyway.
  }
  return true
}

export async function performHostRequest(request: HostRequest): Promise<boolean> {
  switch (request.kind) {
    case 'clipboard':
      await navigator.clipboard.writeText(request.text)
      return true
    case 'openExternal':
    case 'authOpen':
      return openTab(request.url)
    case 'notify': {
      window.dispatchEvent(new CustomEvent(NOTIFICATION_EVENT, { detail: { title: request.title, body: request.body } }))
      if ('Notification' in window && Notification.permission === 'granted') new Notification(request.title, { body: request.body })
      return true
    }
  }
}
