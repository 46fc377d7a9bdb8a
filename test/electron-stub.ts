// Importing the real `electron` package outside Electron tries to download the binary and throws.
// Main-process unit tests never need it: services depend on ports. This stub makes an accidental
// import fail loudly instead of hanging on a download.
import { vi } from 'vitest'

vi.mock('electron', () => {
  throw new Error('electron must not be imported by services; use a port and its Node adapter')
})
