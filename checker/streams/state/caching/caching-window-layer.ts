import type { StoredValue } from "../key-value-bytes-layer.ts";
import { windowStoreKeyBytes, type InMemoryWindowBytes, type WindowEntry } from "../in-memory-window-store.ts";
import type { StateStoreContext } from "../store.ts";
import { cacheNamespace, CachingLayer, type CachedRecordContext } from "./caching-layer.ts";
import type { RecordCache } from "./record-cache.ts";

/** Writes a flushed window to the store and its changelog (null deletes), logged with `timestamp`. */
export type WindowWriter = (key: Buffer, value: Buffer | null, windowStart: number, timestamp: number) => void;

/**
 * Java's CachingWindowStore over the in-memory window bytes (never a duplicates store): one cache entry per
 * (key, window start), cache key = the changelog key with sequence number 0. Stored values are the timestamped
 * bytes (timestamp, then value). Reads look in the cache first; a miss is not cached (Java neither).
 */
export class CachingWindowLayer extends CachingLayer {
  constructor(
    recordCache: RecordCache,
    storeName: string,
    private readonly store: InMemoryWindowBytes,
    private readonly write: WindowWriter,
    context: StateStoreContext & CachedRecordContext,
  ) {
    super(recordCache, cacheNamespace(context, storeName), context);
  }

  put(key: Buffer, value: Buffer | null, windowStart: number): void {
    this.cachePut(windowStoreKeyBytes(key, windowStart, 0), value === null ? null : storedWindow(value), true);
  }

  fetch(key: Buffer, windowStart: number): Buffer | null {
    const cached = this.cache.get(windowStoreKeyBytes(key, windowStart, 0));
    return cached ? (cached.value?.bytes ?? null) : this.store.fetch(key, windowStart);
  }

  fetchRange(keyFrom: Buffer | undefined, keyTo: Buffer | undefined, timeFrom: number, timeTo: number, forward: boolean): WindowEntry[] {
    if (keyFrom && keyTo && Buffer.compare(keyFrom, keyTo) > 0) return [];
    return this.merged(this.store.fetchRange(keyFrom, keyTo, timeFrom, timeTo, forward), forward, ({ key, windowStart }) =>
      windowStart >= timeFrom && windowStart <= timeTo && (!keyFrom || Buffer.compare(key, keyFrom) >= 0) && (!keyTo || Buffer.compare(key, keyTo) <= 0),
    );
  }

  all(forward: boolean): WindowEntry[] {
    return this.merged(this.store.all(forward), forward, () => true);
  }

  /** A window's key bytes, as the flush listener receives it. */
  static windowOf(cacheKey: Buffer): { key: Buffer; windowStart: number } {
    const keyLength = cacheKey.length - 12;
    return { key: cacheKey.subarray(0, keyLength), windowStart: Number(cacheKey.readBigInt64BE(keyLength)) };
  }

  protected readStored(cacheKey: Buffer): StoredValue | null {
    const { key, windowStart } = CachingWindowLayer.windowOf(cacheKey);
    const stored = this.store.fetch(key, windowStart);
    return stored === null ? null : storedWindow(stored);
  }

  protected writeStored(cacheKey: Buffer, value: StoredValue | null, timestamp: number): void {
    const { key, windowStart } = CachingWindowLayer.windowOf(cacheKey);
    this.write(Buffer.from(key), value?.bytes ?? null, windowStart, value?.timestamp ?? timestamp);
  }

  /** The store's windows with the cached ones laid over, by window start then key (the in-memory store's order). */
  private merged(stored: WindowEntry[], forward: boolean, wanted: (window: { key: Buffer; windowStart: number }) => boolean): WindowEntry[] {
    const entries = this.mergeWithCache(
      stored.map((entry): [Buffer, StoredValue] => [windowStoreKeyBytes(entry.key, entry.windowStart, 0), storedWindow(entry.value)]),
      (cacheKey) => wanted(CachingWindowLayer.windowOf(cacheKey)),
    ).map(([cacheKey, value]) => ({ ...CachingWindowLayer.windowOf(cacheKey), value: value.bytes }));
    entries.sort((a, b) => (a.windowStart - b.windowStart || Buffer.compare(a.key, b.key)) * (forward ? 1 : -1));
    return entries;
  }
}

/** Timestamped window bytes (8-byte timestamp, then the value) as a cached value. */
function storedWindow(bytes: Buffer): StoredValue {
  return { bytes, timestamp: Number(bytes.readBigInt64BE(0)) };
}
