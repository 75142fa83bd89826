import { SortedBytesMap } from "./sorted-bytes-map.ts";

/** One stored session: the record key's bytes, the session bounds (both inclusive) and the aggregate bytes. */
export interface SessionEntry {
  readonly key: Buffer;
  readonly start: number;
  readonly end: number;
  readonly value: Buffer;
}

/** Sessions of one end time: per key bytes, the aggregates by session start. */
type EndTimeSegment = SortedBytesMap<Map<number, Buffer>>;

/**
 * Java's `InMemorySessionStore` at the bytes level. Sessions are kept by end time (ascending), then key bytes, then
 * start, and every scan visits them in Java's order: end ascending, key ascending, start **descending** (its
 * iterators walk the start map backwards); the backward forms reverse end and key order and walk starts ascending.
 * Retention counts from the largest session end ever put: a put with `end <= observed − retention` is dropped.
 * Scans return snapshots (the session aggregate reads all overlapping sessions before it writes).
 */
export class InMemorySessionBytes {
  private readonly segments = new Map<number, EndTimeSegment>();
  /** End times, ascending. */
  private readonly ends: number[] = [];
  private observedStreamTime = -1;

  constructor(readonly retentionPeriod: number) {}

  put(key: Buffer, start: number, end: number, value: Buffer | null): void {
    this.removeExpiredSegments();
    this.observedStreamTime = Math.max(this.observedStreamTime, end);
    if (end <= this.observedStreamTime - this.retentionPeriod) return; // Java: "Skipping record for expired segment."
    this.putInternal(key, start, end, value);
  }

  remove(key: Buffer, start: number, end: number): void {
    this.putInternal(key, start, end, null);
  }

  /** Re-applies a changelog record (key bytes, end, start). */
  restore(sessionKey: Buffer, value: Buffer | null): void {
    const keyLength = sessionKey.length - 16;
    const end = Number(sessionKey.readBigInt64BE(keyLength));
    const start = Number(sessionKey.readBigInt64BE(keyLength + 8));
    this.observedStreamTime = Math.max(this.observedStreamTime, end);
    if (end > this.observedStreamTime - this.retentionPeriod) this.putInternal(Buffer.from(sessionKey.subarray(0, keyLength)), start, end, value);
    this.removeExpiredSegments();
  }

  fetchSession(key: Buffer, start: number, end: number): Buffer | null {
    this.removeExpiredSegments();
    if (end <= this.observedStreamTime - this.retentionPeriod) return null;
    return this.segments.get(end)?.get(key)?.get(start) ?? null;
  }

  /**
   * Sessions of keys in `[keyFrom, keyTo]` (undefined = open) with `end >= earliestSessionEndTime` and
   * `start <= latestSessionStartTime` (Java's findSessions / backwardFindSessions / fetch).
   */
  findSessions(keyFrom: Buffer | undefined, keyTo: Buffer | undefined, earliestSessionEndTime: number, latestSessionStartTime: number, forward: boolean): SessionEntry[] {
    this.removeExpiredSegments();
    if (keyFrom && keyTo && Buffer.compare(keyFrom, keyTo) > 0) return []; // Java warns "invalid key range: from > to"
    return this.scan(keyFrom, keyTo, earliestSessionEndTime, Number.MAX_SAFE_INTEGER, latestSessionStartTime, forward);
  }

  /** Sessions of every key whose end is in `[earliestSessionEndTime, latestSessionEndTime]` (Java's findSessions(long, long)). */
  findSessionsByEnd(earliestSessionEndTime: number, latestSessionEndTime: number): SessionEntry[] {
    this.removeExpiredSegments();
    return this.scan(undefined, undefined, earliestSessionEndTime, latestSessionEndTime, Number.MAX_SAFE_INTEGER, true);
  }

  clear(): void {
    this.segments.clear();
    this.ends.length = 0;
  }

  private putInternal(key: Buffer, start: number, end: number, value: Buffer | null): void {
    if (value !== null) {
      const keyMap = this.segment(end);
      let starts = keyMap.get(key);
      if (!starts) {
        starts = new Map();
        keyMap.set(key, starts);
      }
      starts.set(start, value);
      return;
    }
    const keyMap = this.segments.get(end);
    const starts = keyMap?.get(key);
    if (!keyMap || !starts) return;
    starts.delete(start);
    if (starts.size > 0) return;
    keyMap.delete(key);
    if (keyMap.size === 0) {
      this.segments.delete(end);
      this.ends.splice(this.ends.indexOf(end), 1);
    }
  }

  private scan(keyFrom: Buffer | undefined, keyTo: Buffer | undefined, endFrom: number, endTo: number, latestStart: number, forward: boolean): SessionEntry[] {
    const ends = this.ends.slice(this.firstEndAtLeast(endFrom), this.firstEndAtLeast(endTo + 1));
    if (!forward) ends.reverse();
    const entries: SessionEntry[] = [];
    for (const end of ends) {
      for (const [key, starts] of this.segments.get(end)!.range(keyFrom, keyTo, !forward)) {
        const matching = [...starts.keys()].filter((start) => start <= latestStart).sort((a, b) => (forward ? b - a : a - b));
        for (const start of matching) entries.push({ key, start, end, value: starts.get(start)! });
      }
    }
    return entries;
  }

  private segment(end: number): EndTimeSegment {
    let segment = this.segments.get(end);
    if (!segment) {
      segment = new SortedBytesMap();
      this.segments.set(end, segment);
      this.ends.splice(this.firstEndAtLeast(end), 0, end);
    }
    return segment;
  }

  /** Index of the first end time >= `time`. */
  private firstEndAtLeast(time: number): number {
    let low = 0;
    let high = this.ends.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.ends[middle]! < time) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private removeExpiredSegments(): void {
    const minLiveTime = Math.max(0, this.observedStreamTime - this.retentionPeriod + 1);
    while (this.ends.length > 0 && this.ends[0]! < minLiveTime) this.segments.delete(this.ends.shift()!);
  }
}
