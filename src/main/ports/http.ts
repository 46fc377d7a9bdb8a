/** The fetch every platform client uses. Electron injects `net.fetch` (system proxy and certificates). */
export type Fetch = (input: string | URL, init?: RequestInit) => Promise<Response>
