/**
 * Fails when renderer JSX shows words that do not go through `t()`, or when a `t('key')` in the source
 * names a key that is not in the catalogues. Uses the TypeScript compiler API on the real sources.
 */
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { languages } from '../../../shared/ipc/domain'
import { catalogues } from './catalogues'

/**
 * The renderer's own sources, read through Vite (no Node APIs in the renderer tree). Tests and the test
 * helpers in `testing/` are not UI.
 */
const sources = import.meta.glob<string>(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}', '!../**/*.d.ts', '!../testing/**'], {
  query: '?raw',
  import: 'default',
  eager: true
})
/** Attributes whose string value a user sees or hears. */
const visibleAttributes = new Set(['title', 'aria-label', 'aria-description', 'placeholder', 'alt', 'label', 'aria-valuetext'])
/** Letters in any script; pure punctuation, digits and symbols are not words to translate. */
const hasWords = (s: string): boolean => /\p{L}/u.test(s)

interface Finding {
  file: string
  line: number
  text: string
}

function scan(file: string, text: string): { literals: Finding[]; keys: Finding[] } {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS)
  const literals: Finding[] = []
  const keys: Finding[] = []
  const at = (node: ts.Node, found: string): Finding => ({
    file,
    line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1,
    text: found
  })
  const isStringy = (n: ts.Node): n is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral =>
    ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)

  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && hasWords(node.text)) literals.push(at(node, node.text.trim()))
    // {'words'} as a JSX child.
    if (ts.isJsxExpression(node) && node.expression && isStringy(node.expression) && ts.isJsxElement(node.parent) && hasWords(node.expression.text)) {
      literals.push(at(node, node.expression.text))
    }
    if (ts.isJsxAttribute(node) && visibleAttributes.has(node.name.getText(source))) {
      const init = node.initializer
      const value = init && (isStringy(init) ? init : ts.isJsxExpression(init) && init.expression && isStringy(init.expression) ? init.expression : null)
      if (value && hasWords(value.text)) literals.push(at(node, `${node.name.getText(source)}="${value.text}"`))
    }
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 't') {
      const [first] = node.arguments
      if (first && isStringy(first)) keys.push(at(node, first.text))
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return { literals, keys }
}

const files = Object.keys(sources)
const scanned = Object.entries(sources).map(([file, text]) => scan(file, text))

function hasKey(lng: (typeof languages)[number], key: string): boolean {
  return typeof key.split('.').reduce<unknown>((n, k) => (n as Record<string, unknown> | undefined)?.[k], catalogues[lng]) === 'string'
}

describe('user-visible strings in src/renderer', () => {
  it('scans the real renderer sources', () => {
    expect(files.some((f) => f.endsWith('SettingsScreen.tsx'))).toBe(true)
    expect(scanned.flatMap((s) => s.keys).length).toBeGreaterThan(20)
  })

  it('has no literal words in JSX text or visible attributes', () => {
    expect(scanned.flatMap((s) => s.literals)).toEqual([])
  })

  it('uses only keys that exist in every catalogue', () => {
    const missing = scanned.flatMap((s) => s.keys).flatMap((k) => languages.filter((l) => !hasKey(l, k.text)).map((l) => ({ ...k, lng: l })))
    expect(missing).toEqual([])
  })

  it('the scanner catches literals and unknown keys (self-check)', () => {
    const probe = scan(
      'probe.tsx',
      `const A = () => <div title="Hello there"><p>Not connected</p>{'Save'}<input placeholder={'Paste'} aria-label="—" />{t('nope.missing')}</div>`
    )
    expect(probe.literals.map((l) => l.text)).toEqual(['title="Hello there"', 'Not connected', 'Save', 'placeholder="Paste"'])
    expect(probe.keys.map((k) => k.text)).toEqual(['nope.missing'])
  })
})
