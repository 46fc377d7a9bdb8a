/** One printed figure of a benchmark: a measured value, its unit, and the target it is judged against. */
export interface BenchResult {
  readonly name: string
  readonly value: number
  readonly unit: string
  /** The figure passes when `value <= target` (omitted: informational only). */
  readonly target?: number
}

export interface Bench {
  /** Selects the bench on the command line: `npm run bench -- vk-chat`. */
  readonly id: string
  readonly run: () => Promise<readonly BenchResult[]>
}
