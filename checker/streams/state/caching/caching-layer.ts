import type { Change, RecordHeaders, StreamRecord } from "../../processor/record.ts";
import type { BytesFlushEntry, StoredValue } from "../key-value-bytes-layer.ts";
import type { StateStoreContext } from "../store.ts";
import type { CacheEntry, DirtyEntry, NamedCache } from "./named-cache.ts";
import { cachedWriteBytes, RecordCache } from "./record-cache.ts";

/** The record context a write is cached with: Java's LRUCacheEntry keeps the writing record's timestamp and headers. */
export interface CachedRecordContext {
  readonly recordTimestamp: number;
  readonly recordHeaders?: RecordHeaders;
}

/**
 * What every caching store layer shares (Java's CachingKeyValueStore / CachingWindowStore / CachingSessionStore):
 * writes stay in the store's NamedCache, compacted per cache key, and reach the underlying store, its changelog and
 * the flush listener only when the cache flushes (commit) or evicts. Subclasses map cache keys to their store.
 */
export abstract class CachingLayer {
  protected readonly cache: NamedCache<StoredValue>;
  private listener: ((entry: BytesFlushEntry) => void) | undefined;
  private sendOldValues = false;

  constructor(
    protected readonly recordCache: RecordCache,
    namespace: string,
    private readonly context: StateStoreContext & CachedRecordContext,
  ) {
    this.cache = recordCache.register<StoredValue>(namespace, (entries) => entries.forEach((entry) => this.putAndMaybeForward(entry)));
  }

  setFlushListener(listener: (entry: BytesFlushEntry) => void, sendOldValues: boolean): void {
    this.listener = listener;
    this.sendOldValues = sendOldValues;
  }

  flush(): void {
    this.cache.flush();
  }

  /** The value the underlying store holds for a cache key (null = none). */
  protected abstract readStored(key: Buffer): StoredValue | null;
  /** Writes a flushed entry to the underlying store (and its changelog); `timestamp` is the writing record's. */
  protected abstract writeStored(key: Buffer, value: StoredValue | null, timestamp: number): void;

  /** A null value is cached too: a tombstone that hides the stored value until it is flushed. */
  protected cachePut(key: Buffer, value: StoredValue | null, dirty: boolean): void {
    this.recordCache.put(this.cache, Buffer.from(key), this.entry(key, value), dirty);
  }

  /** Cached entries whose key passes `wanted`, layered over the store's entries (a cached null hides a stored one). */
  protected mergeWithCache(stored: Iterable<[Buffer, StoredValue]>, wanted: (key: Buffer) => boolean): Array<[Buffer, StoredValue]> {
    const merged = new Map<string, [Buffer, StoredValue | null]>();
    for (const [key, value] of stored) merged.set(key.toString("latin1"), [key, value]);
    for (const key of this.cache.keys()) {
      if (wanted(key)) merged.set(key.toString("latin1"), [key, this.cache.get(key)!.value]);
    }
    return [...merged.values()].filter((entry): entry is [Buffer, StoredValue] => entry[1] !== null);
  }

  private entry(key: Buffer, value: StoredValue | null): CacheEntry<StoredValue> {
    const headers = this.context.recordHeaders ?? [];
    return {
      value,
      // The timestamp forwarded on flush: a timestamped value's own, else the writing record's (Java's
      // TimestampedCacheFlushListener forwards newValue.timestamp(), or the entry's record timestamp for a delete).
      timestamp: value?.timestamp ?? this.context.recordTimestamp,
      headers,
      sizeBytes: cachedWriteBytes(key, value === null ? 0 : value.bytes.length + 8, "", headers),
    };
  }

  /** Java's putAndMaybeForward, the same in the three caching stores. */
  private putAndMaybeForward(entry: DirtyEntry<StoredValue>): void {
    if (!this.listener) {
      this.writeStored(entry.key, entry.value, entry.timestamp);
      return;
    }
    const newValue = entry.value;
    const oldValue = newValue === null || this.sendOldValues ? this.readStored(entry.key) : null;
    // A key that was neither stored nor cached and is now deleted: nothing to write, nothing to forward.
    if (newValue === null && oldValue === null) return;
    this.writeStored(entry.key, newValue, entry.timestamp);
    this.listener({ key: entry.key, newValue, oldValue: this.sendOldValues ? oldValue : null, timestamp: entry.timestamp, headers: entry.headers });
  }
}

/** Java names a cache `<taskId>-<storeName>`. */
export function cacheNamespace(context: StateStoreContext, storeName: string): string {
  return RecordCache.namespace(context.taskId, storeName);
}

/**
 * Adapts a store's typed flush listener to the bytes its cache flushes: the key and values are read back through
 * the store's serdes; the old value only when old values were asked for.
 */
export function typedFlushListener<K, V>(
  listener: (record: StreamRecord<K, Change<V>>) => void,
  sendOldValues: boolean,
  keyOf: (bytes: Buffer) => K,
  valueOf: (stored: StoredValue) => V,
): (entry: BytesFlushEntry) => void {
  return (entry) =>
    listener({
      key: keyOf(entry.key),
      value: { newValue: entry.newValue === null ? null : valueOf(entry.newValue), oldValue: entry.oldValue === null || !sendOldValues ? null : valueOf(entry.oldValue) },
      timestamp: entry.timestamp,
      headers: entry.headers,
    });
}
