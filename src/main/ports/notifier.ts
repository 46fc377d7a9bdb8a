/** Desktop notifications. Electron: `Notification`; browser host: an event to the page. */
export interface Notifier {
  notify(notification: { title: string; body: string }): void
}
