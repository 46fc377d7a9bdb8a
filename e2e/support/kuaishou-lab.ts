/**
 * Node-side handle on `src/renderer/src/testing/kuaishou-lab.ts` once it is loaded into a page: calls
 * one of its functions by name with JSON arguments.
 */
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { loadIntoPage } from './page-module'

const LAB = 'LivedeckKuaishouLab'
const entry = join(import.meta.dirname, '..', '..', 'src', 'renderer', 'src', 'testing', 'kuaishou-lab.ts')

/** The lab's functions (mirrors the page module, which is DOM code and cannot be imported here). */
export interface KuaishouLab {
  dropImage(testId: string, kind?: 'png1920x1080' | 'nearLimit'): Promise<number>
  dropOutside(): boolean
  readClipboard(): Promise<string>
  clearClipboard(): Promise<void>
  naturalSize(testId: string): [number, number]
  timeClickUntil(testId: string, selector: string, timeoutMs?: number): Promise<number>
  pasteImage(): Promise<void>
}

type Method = keyof KuaishouLab

/** Loads the lab (needed again after every navigation or reload). */
export const loadKuaishouLab = (page: Page): Promise<void> => loadIntoPage(page, entry, LAB)

export function lab<M extends Method>(page: Page, method: M, ...args: Parameters<KuaishouLab[M]>): Promise<Awaited<ReturnType<KuaishouLab[M]>>> {
  return page.evaluate(
    ([name, m, a]) => {
      const target = (globalThis as unknown as Record<string, Record<string, (...x: unknown[]) => unknown>>)[name]!
      return target[m]!(...a)
    },
    [LAB, method, args as unknown[]] as const
  ) as Promise<Awaited<ReturnType<KuaishouLab[M]>>>
}
