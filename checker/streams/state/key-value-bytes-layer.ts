import type { RecordHeaders } from "../processor/record.ts";
import type { RecordCache } from "./caching/record-cache.ts";
import type { StateStoreContext } from "./store.ts";
import { SortedBytesMap } from "./sorted-bytes-map.ts";

/**
 * What a key-value store keeps per key: the serialized value and the timestamp it is logged with (a timestamped
 * store's own timestamp; a plain store's is the timestamp of the record that wrote it, as Java logs it).
 */
export interface StoredValue {
  readonly bytes: Buffer;
  readonly timestamp: number;
}

/**
 * The byte level under a typed key-value store. Java stacks Metered (serdes) → Caching → ChangeLogging → InMemory;
 * here the typed store is the Metered part, and a record cache (runtime, state/caching) wraps this layer.
 */
export interface KeyValueBytesLayer {
  get(key: Buffer): StoredValue | undefined;
  /** null deletes. */
  put(key: Buffer, value: StoredValue | null): void;
  /** Entries with `from <= key <= to` in byte order (bounds optional), a snapshot. */
  range(from: Buffer | undefined, to: Buffer | undefined, reverse: boolean): Array<[Buffer, StoredValue]>;
  size(): number;
  flush(): void;
}

/** One cache eviction or flush, as the cache hands it to the store (Java's CacheFlushListener input). */
export interface BytesFlushEntry {
  readonly key: Buffer;
  readonly newValue: StoredValue | null;
  /** Only read from the underlying store when the listener asked for old values. */
  readonly oldValue: StoredValue | null;
  readonly timestamp: number;
  readonly headers: RecordHeaders;
}

/** A record cache in front of a bytes layer; it forwards through the listener when it flushes or evicts. */
export interface CachingKeyValueBytesLayer extends KeyValueBytesLayer {
  setFlushListener(listener: (entry: BytesFlushEntry) => void, sendOldValues: boolean): void;
}

/** Supplied by the runtime for stores built with caching when the task has cache space; absent = no cache. */
export type KeyValueCacheFactory = (storeName: string, inner: KeyValueBytesLayer, context: StateStoreContext) => CachingKeyValueBytesLayer;

/** A task's store context, optionally carrying the runtime's record cache. */
export interface CachingStoreContext extends StateStoreContext {
  readonly keyValueCache?: KeyValueCacheFactory;
  /** The record cache window and session stores built with caching wrap themselves in (when cacheMaxBytes > 0). */
  readonly recordCache?: RecordCache;
}

/** The record cache a store built with caching uses in this context, if any (Java: caching on and cache size > 0). */
export function recordCacheFor(cached: boolean, context: StateStoreContext): RecordCache | undefined {
  const { recordCache } = context as CachingStoreContext;
  return cached && context.cacheMaxBytes > 0 ? recordCache : undefined;
}

/** The in-memory map plus changelog writes: Java's InMemoryKeyValueStore under ChangeLoggingKeyValueBytesStore. */
export class LoggedInMemoryBytes implements KeyValueBytesLayer {
  private readonly map = new SortedBytesMap<StoredValue>();

  constructor(
    private readonly storeName: string,
    private readonly context: StateStoreContext,
    private readonly logged: boolean,
  ) {}

  get(key: Buffer): StoredValue | undefined {
    return this.map.get(key);
  }

  put(key: Buffer, value: StoredValue | null): void {
    this.restore(key, value);
    if (this.logged) this.context.log(this.storeName, key, value?.bytes ?? null, value?.timestamp ?? this.context.recordTimestamp);
  }

  /** Applies a changelog record without logging it again. */
  restore(key: Buffer, value: StoredValue | null): void {
    if (value === null) this.map.delete(key);
    else this.map.set(key, value);
  }

  range(from: Buffer | undefined, to: Buffer | undefined, reverse: boolean): Array<[Buffer, StoredValue]> {
    return this.map.range(from, to, reverse);
  }

  size(): number {
    return this.map.size;
  }

  flush(): void {}

  clear(): void {
    this.map.clear();
  }
}
