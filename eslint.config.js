import js from '@eslint/js'
import { defineConfig } from 'eslint/config'
import tseslint from 'typescript-eslint'

const electronModules = ['electron', 'electron-store', 'electron-log', 'electron-log/*', 'electron-updater']

export default defineConfig(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  js.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
    }
  },
  {
    // Electron lives only in the adapter folder and the Electron entry point.
    files: ['**/*.{ts,tsx}'],
    ignores: ['src/main/adapters/electron/**', 'src/main/index.ts', 'src/preload/**', 'e2e/electron*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: electronModules.filter((m) => !m.includes('*')).map((name) => ({ name, message: 'Electron APIs belong in src/main/adapters/electron/.' })),
        patterns: [{ group: ['electron-log/*'], message: 'Electron APIs belong in src/main/adapters/electron/.' }]
      }]
    }
  },
  {
    // The renderer is a web page: no Node, no Electron.
    files: ['src/renderer/**/*.{ts,tsx}', 'src/browser-host/bridge/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: electronModules.filter((m) => !m.includes('*')),
        patterns: [{ group: ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'net', 'http', 'https', 'url', 'stream', 'events', 'buffer', 'util', 'electron-log/*', '**/main/**', '**/preload/**'], message: 'The renderer runs without Node.' }]
      }]
    }
  },
  {
    files: ['**/*.{js,cjs,mjs}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', require: 'readonly', setTimeout: 'readonly', module: 'writable', __dirname: 'readonly' } }
  }
)
