/**
 * A map ordered by key bytes (Buffer.compare), the order Java's in-memory stores iterate in (a TreeMap over Bytes).
 * Sorted arrays with binary search: lookups are O(log n), inserts O(n), plenty for a task's state in this kit.
 */
export class SortedBytesMap<V> {
  private readonly keys: Buffer[] = [];
  private readonly values: V[] = [];

  get size(): number {
    return this.keys.length;
  }

  get(key: Buffer): V | undefined {
    const index = this.lowerBound(key);
    return this.isAt(index, key) ? this.values[index] : undefined;
  }

  set(key: Buffer, value: V): void {
    const index = this.lowerBound(key);
    if (this.isAt(index, key)) {
      this.values[index] = value;
    } else {
      this.keys.splice(index, 0, Buffer.from(key));
      this.values.splice(index, 0, value);
    }
  }

  delete(key: Buffer): V | undefined {
    const index = this.lowerBound(key);
    if (!this.isAt(index, key)) return undefined;
    this.keys.splice(index, 1);
    return this.values.splice(index, 1)[0];
  }

  /** Entries with `from <= key <= to` (either bound may be open), ascending or descending; a snapshot. */
  range(from: Buffer | undefined, to: Buffer | undefined, reverse = false): Array<[Buffer, V]> {
    const start = from === undefined ? 0 : this.lowerBound(from);
    const end = to === undefined ? this.keys.length : this.upperBound(to);
    const entries: Array<[Buffer, V]> = [];
    for (let index = start; index < end; index++) entries.push([this.keys[index]!, this.values[index]!]);
    return reverse ? entries.reverse() : entries;
  }

  clear(): void {
    this.keys.length = 0;
    this.values.length = 0;
  }

  /** First index whose key is >= `key`. */
  private lowerBound(key: Buffer): number {
    return this.search((candidate) => Buffer.compare(candidate, key) < 0);
  }

  /** First index whose key is > `key`. */
  private upperBound(key: Buffer): number {
    return this.search((candidate) => Buffer.compare(candidate, key) <= 0);
  }

  private search(isBefore: (candidate: Buffer) => boolean): number {
    let low = 0;
    let high = this.keys.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (isBefore(this.keys[middle]!)) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private isAt(index: number, key: Buffer): boolean {
    const candidate = this.keys[index];
    return candidate !== undefined && candidate.equals(key);
  }
}
