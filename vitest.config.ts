import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'main',
          environment: 'node',
          include: ['src/main/**/*.test.ts', 'src/shared/**/*.test.ts', 'src/preload/**/*.test.ts', 'src/browser-host/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['src/main/services/obs/obs-real.test.ts'],
          setupFiles: ['test/electron-stub.ts'],
          testTimeout: 20_000
        }
      },
      {
        // The real-OBS test runs alone in a network namespace of its own (`npm run test:obs`).
        test: {
          name: 'obs',
          environment: 'node',
          include: ['src/main/services/obs/obs-real.test.ts'],
          setupFiles: ['test/electron-stub.ts'],
          testTimeout: 30_000
        }
      },
      {
        test: {
          name: 'sandbox',
          environment: 'node',
          include: ['sandbox/**/*.test.ts'],
          testTimeout: 30_000
        }
      },
      {
        plugins: [react()],
        test: { name: 'renderer', environment: 'jsdom', include: ['src/renderer/**/*.test.{ts,tsx}'] }
      }
    ]
  }
})
