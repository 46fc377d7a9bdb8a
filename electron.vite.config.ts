import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  main: {
    build: { rolldownOptions: { input: { index: resolve('src/main/index.ts') } } }
  },
  // A sandboxed preload must be CommonJS even though the package is "type": "module".
  preload: {
    build: {
      rolldownOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: resolve('src/renderer'),
    build: { minify: true, rolldownOptions: { input: { index: resolve('src/renderer/index.html') } } },
    plugins: [react()]
  }
})
