import { SortedBytesMap } from "./sorted-bytes-map.ts";

const SEQNUM_BYTES = 4;
const MAX_SEQNUM = 0x7fffffff;

/** One stored window: the record key's bytes, the window start and the stored value bytes. */
export interface WindowEntry {
  readonly key: Buffer;
  readonly windowStart: number;
  readonly value: Buffer;
}

/**
 * Java's `InMemoryWindowStore` at the bytes level: one map per window start (ascending), keys in byte order inside,
 * so every scan returns windows by start, then key. Retention is measured against the largest window start ever put
 * (the store's own stream time): a put with `start <= observed − retention` is dropped, and older windows are
 * removed before every operation.
 *
 * With `retainDuplicates` (stream-stream join stores) every put is kept under the key plus a 4-byte sequence number
 * (Java's `wrapForDups`), so equal keys in one window do not overwrite each other and come back in put order; a
 * null value is then ignored, as in Java.
 *
 * Scans return snapshots. Java's iterators are weakly consistent, but no DSL processor writes to a window it has not
 * visited yet while iterating, so a snapshot gives the same records.
 */
export class InMemoryWindowBytes {
  private readonly segments = new Map<number, SortedBytesMap<Buffer>>();
  /** Segment times, ascending (Java keeps them in a skip-list map). */
  private readonly times: number[] = [];
  private observedStreamTime = -1;
  private seqnum = 0;

  constructor(
    readonly retentionPeriod: number,
    readonly windowSize: number,
    readonly retainDuplicates: boolean,
  ) {}

  put(key: Buffer, value: Buffer | null, windowStart: number): void {
    this.removeExpiredSegments();
    this.observedStreamTime = Math.max(this.observedStreamTime, windowStart);
    if (windowStart <= this.observedStreamTime - this.retentionPeriod) return; // Java: "Skipping record for expired segment."
    this.putInternal(key, value, windowStart);
  }

  /** Re-applies a changelog record (`toStoreKeyBinary` layout: key, start, sequence number). */
  restore(storeKey: Buffer, value: Buffer | null): void {
    const key = storeKey.subarray(0, storeKey.length - 8 - SEQNUM_BYTES);
    const windowStart = Number(storeKey.readBigInt64BE(key.length));
    this.observedStreamTime = Math.max(this.observedStreamTime, windowStart);
    if (windowStart > this.observedStreamTime - this.retentionPeriod) this.putInternal(Buffer.from(key), value, windowStart);
    this.removeExpiredSegments();
  }

  fetch(key: Buffer, windowStart: number): Buffer | null {
    this.removeExpiredSegments();
    if (windowStart <= this.observedStreamTime - this.retentionPeriod) return null;
    // With duplicates every stored key carries a sequence number, so Java's exact lookup never finds one.
    return this.segments.get(windowStart)?.get(key) ?? null;
  }

  /**
   * Windows with `timeFrom <= start <= timeTo` whose key is within `[keyFrom, keyTo]` (undefined = open), ascending
   * by start then key, or the exact reverse. Java's fetch, backwardFetch, fetchAll and their key-range forms.
   */
  fetchRange(keyFrom: Buffer | undefined, keyTo: Buffer | undefined, timeFrom: number, timeTo: number, forward: boolean): WindowEntry[] {
    this.removeExpiredSegments();
    if (keyFrom && keyTo && Buffer.compare(keyFrom, keyTo) > 0) return []; // Java warns "invalid key range: from > to"
    return this.scan(keyFrom, keyTo, Math.max(timeFrom, this.observedStreamTime - this.retentionPeriod + 1), timeTo, forward);
  }

  /** Every live window (Java's all/backwardAll). */
  all(forward: boolean): WindowEntry[] {
    this.removeExpiredSegments();
    return this.scan(undefined, undefined, this.observedStreamTime - this.retentionPeriod + 1, Number.MAX_SAFE_INTEGER, forward);
  }

  clear(): void {
    this.segments.clear();
    this.times.length = 0;
  }

  private putInternal(key: Buffer, value: Buffer | null, windowStart: number): void {
    if (value !== null) {
      if (this.retainDuplicates) this.seqnum = (this.seqnum + 1) & MAX_SEQNUM;
      this.segment(windowStart).set(this.retainDuplicates ? wrapForDups(key, this.seqnum) : key, value);
    } else if (!this.retainDuplicates) {
      const segment = this.segments.get(windowStart);
      segment?.delete(key);
      if (segment?.size === 0) this.dropSegment(windowStart);
    }
  }

  private scan(keyFrom: Buffer | undefined, keyTo: Buffer | undefined, timeFrom: number, timeTo: number, forward: boolean): WindowEntry[] {
    if (timeTo < timeFrom) return [];
    const from = keyFrom && this.retainDuplicates ? wrapForDups(keyFrom, 0) : keyFrom;
    const to = keyTo && this.retainDuplicates ? wrapForDups(keyTo, MAX_SEQNUM) : keyTo;
    const times = this.times.slice(this.insertionIndex(timeFrom), this.insertionIndex(timeTo + 1));
    if (!forward) times.reverse();
    const entries: WindowEntry[] = [];
    const singleKey = !this.retainDuplicates && keyFrom !== undefined && keyTo !== undefined && keyFrom.equals(keyTo);
    for (const windowStart of times) {
      if (singleKey) {
        // One key: an exact lookup per segment gives the same entries as the range, for far less work.
        const value = this.segments.get(windowStart)!.get(keyFrom);
        if (value !== undefined) entries.push({ key: keyFrom, windowStart, value });
        continue;
      }
      for (const [storedKey, value] of this.segments.get(windowStart)!.range(from, to, !forward)) {
        const key = this.retainDuplicates ? storedKey.subarray(0, storedKey.length - SEQNUM_BYTES) : storedKey;
        // A wrapped bound also matches longer keys that share the prefix; Java filters them out the same way.
        if (this.retainDuplicates && !inRange(key, keyFrom, keyTo)) continue;
        entries.push({ key, windowStart, value });
      }
    }
    return entries;
  }

  private segment(windowStart: number): SortedBytesMap<Buffer> {
    let segment = this.segments.get(windowStart);
    if (!segment) {
      segment = new SortedBytesMap<Buffer>();
      this.segments.set(windowStart, segment);
      this.times.splice(this.insertionIndex(windowStart), 0, windowStart);
    }
    return segment;
  }

  private dropSegment(windowStart: number): void {
    this.segments.delete(windowStart);
    this.times.splice(this.times.indexOf(windowStart), 1);
  }

  private removeExpiredSegments(): void {
    const minLiveTime = Math.max(0, this.observedStreamTime - this.retentionPeriod + 1);
    while (this.times.length > 0 && this.times[0]! < minLiveTime) this.segments.delete(this.times.shift()!);
  }

  /** Index of the first segment time >= `time`. */
  private insertionIndex(time: number): number {
    let low = 0;
    let high = this.times.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.times[middle]! < time) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

function wrapForDups(key: Buffer, seqnum: number): Buffer {
  const wrapped = Buffer.alloc(key.length + SEQNUM_BYTES);
  key.copy(wrapped);
  wrapped.writeInt32BE(seqnum, key.length);
  return wrapped;
}

function inRange(key: Buffer, from: Buffer | undefined, to: Buffer | undefined): boolean {
  return (from === undefined || Buffer.compare(key, from) >= 0) && (to === undefined || Buffer.compare(key, to) <= 0);
}

/** Java's `WindowKeySchema.toStoreKeyBinary`: the changelog key of a window (key, start, sequence number). */
export function windowStoreKeyBytes(key: Buffer, windowStart: number, seqnum: number): Buffer {
  const bytes = Buffer.alloc(key.length + 8 + SEQNUM_BYTES);
  key.copy(bytes);
  bytes.writeBigInt64BE(BigInt(windowStart), key.length);
  bytes.writeInt32BE(seqnum, key.length + 8);
  return bytes;
}
