/**
 * A least-recently-used cache bounded by entry count and total size. Map keeps insertion order, so
 * re-inserting on read moves an entry to the young end and the first key is the oldest.
 */
export class LruCache<V> {
  private readonly entries = new Map<string, { value: V; size: number }>()
  private total = 0

  constructor(
    private readonly maxEntries: number,
    private readonly maxSize: number,
    private readonly sizeOf: (value: V) => number
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key)
    if (entry === undefined) return undefined
    this.entries.delete(key)
    this.entries.set(key, entry)
    return entry.value
  }

  set(key: string, value: V): void {
    const size = this.sizeOf(value)
    if (size > this.maxSize) return
    this.delete(key)
    this.entries.set(key, { value, size })
    this.total += size
    while (this.entries.size > this.maxEntries || this.total > this.maxSize) {
      const oldest = this.entries.keys().next().value
      if (oldest === undefined) break
      this.delete(oldest)
    }
  }

  delete(key: string): void {
    const entry = this.entries.get(key)
    if (entry === undefined) return
    this.entries.delete(key)
    this.total -= entry.size
  }

  get size(): number {
    return this.entries.size
  }

  get totalSize(): number {
    return this.total
  }
}
