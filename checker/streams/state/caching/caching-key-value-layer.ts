import type { RecordHeaders } from "../../processor/record.ts";
import type { BytesFlushEntry, CachingKeyValueBytesLayer, KeyValueBytesLayer, KeyValueCacheFactory, StoredValue } from "../key-value-bytes-layer.ts";
import type { StateStoreContext } from "../store.ts";
import type { DirtyEntry, NamedCache } from "./named-cache.ts";
import { cachedWriteBytes, RecordCache } from "./record-cache.ts";

/** The record context a write is cached with: Java's LRUCacheEntry keeps the writing record's timestamp and headers. */
export interface CachedRecordContext {
  readonly recordTimestamp: number;
  readonly recordHeaders?: RecordHeaders;
}

/**
 * Java's CachingKeyValueStore over the logged in-memory bytes: writes stay in the record cache (compacted per key)
 * and reach the store, its changelog and the flush listener only when the cache is flushed (commit) or evicts.
 * Reads see the cache first; a read that misses puts the stored value in the cache as a clean entry, as Java does.
 */
export class CachingKeyValueLayer implements CachingKeyValueBytesLayer {
  private readonly cache: NamedCache<StoredValue>;
  private listener: ((entry: BytesFlushEntry) => void) | undefined;
  private sendOldValues = false;

  constructor(
    private readonly recordCache: RecordCache,
    namespace: string,
    private readonly inner: KeyValueBytesLayer,
    private readonly context: StateStoreContext & CachedRecordContext,
  ) {
    this.cache = recordCache.register<StoredValue>(namespace, (entries) => entries.forEach((entry) => this.putAndMaybeForward(entry)));
  }

  setFlushListener(listener: (entry: BytesFlushEntry) => void, sendOldValues: boolean): void {
    this.listener = listener;
    this.sendOldValues = sendOldValues;
  }

  get(key: Buffer): StoredValue | undefined {
    const cached = this.cache.get(key);
    if (cached) return cached.value ?? undefined;
    const stored = this.inner.get(key);
    if (stored !== undefined) this.recordCache.put(this.cache, key, this.entry(key, stored), false);
    return stored;
  }

  /** A null value is cached too: a tombstone that hides the stored value until it is flushed. */
  put(key: Buffer, value: StoredValue | null): void {
    this.recordCache.put(this.cache, Buffer.from(key), this.entry(key, value), true);
  }

  range(from: Buffer | undefined, to: Buffer | undefined, reverse: boolean): Array<[Buffer, StoredValue]> {
    const merged = new Map<string, [Buffer, StoredValue | null]>();
    for (const [key, value] of this.inner.range(from, to, false)) merged.set(key.toString("latin1"), [key, value]);
    for (const key of this.cache.keys()) {
      if ((from && Buffer.compare(key, from) < 0) || (to && Buffer.compare(key, to) > 0)) continue;
      merged.set(key.toString("latin1"), [key, this.cache.get(key)!.value]);
    }
    const live = [...merged.values()].filter((entry): entry is [Buffer, StoredValue] => entry[1] !== null);
    live.sort(([a], [b]) => (reverse ? Buffer.compare(b, a) : Buffer.compare(a, b)));
    return live;
  }

  /** Java counts only the underlying store's entries. */
  size(): number {
    return this.inner.size();
  }

  flush(): void {
    this.cache.flush();
    this.inner.flush();
  }

  private entry(key: Buffer, value: StoredValue | null) {
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

  /** Java's CachingKeyValueStore.putAndMaybeForward. */
  private putAndMaybeForward(entry: DirtyEntry<StoredValue>): void {
    if (!this.listener) {
      this.inner.put(entry.key, entry.value);
      return;
    }
    const newValue = entry.value;
    const oldValue = newValue === null || this.sendOldValues ? (this.inner.get(entry.key) ?? null) : null;
    // A key that was neither stored nor cached and is now deleted: nothing to write, nothing to forward.
    if (newValue === null && oldValue === null) return;
    this.inner.put(entry.key, newValue);
    this.listener({ key: entry.key, newValue, oldValue: this.sendOldValues ? oldValue : null, timestamp: entry.timestamp, headers: entry.headers });
  }
}

/** The hook the key-value stores look for in their context: one caching layer per store and task. */
export function keyValueCacheFactory(recordCache: RecordCache): KeyValueCacheFactory {
  return (storeName, inner, context) => new CachingKeyValueLayer(recordCache, RecordCache.namespace(context.taskId, storeName), inner, context);
}
