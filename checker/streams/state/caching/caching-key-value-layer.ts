import type { CachingKeyValueBytesLayer, KeyValueBytesLayer, KeyValueCacheFactory, StoredValue } from "../key-value-bytes-layer.ts";
import type { StateStoreContext } from "../store.ts";
import { cacheNamespace, CachingLayer, type CachedRecordContext } from "./caching-layer.ts";
import type { RecordCache } from "./record-cache.ts";

export type { CachedRecordContext } from "./caching-layer.ts";

/**
 * Java's CachingKeyValueStore over the logged in-memory bytes. Reads see the cache first; a read that misses puts
 * the stored value in the cache as a clean entry, as Java does.
 */
export class CachingKeyValueLayer extends CachingLayer implements CachingKeyValueBytesLayer {
  constructor(
    recordCache: RecordCache,
    namespace: string,
    private readonly inner: KeyValueBytesLayer,
    context: StateStoreContext & CachedRecordContext,
  ) {
    super(recordCache, namespace, context);
  }

  get(key: Buffer): StoredValue | undefined {
    const cached = this.cache.get(key);
    if (cached) return cached.value ?? undefined;
    const stored = this.inner.get(key);
    if (stored !== undefined) this.cachePut(key, stored, false);
    return stored;
  }

  put(key: Buffer, value: StoredValue | null): void {
    this.cachePut(key, value, true);
  }

  range(from: Buffer | undefined, to: Buffer | undefined, reverse: boolean): Array<[Buffer, StoredValue]> {
    const inRange = (key: Buffer): boolean => !((from && Buffer.compare(key, from) < 0) || (to && Buffer.compare(key, to) > 0));
    const live = this.mergeWithCache(this.inner.range(from, to, false), inRange);
    live.sort(([a], [b]) => (reverse ? Buffer.compare(b, a) : Buffer.compare(a, b)));
    return live;
  }

  /** Java counts only the underlying store's entries. */
  size(): number {
    return this.inner.size();
  }

  override flush(): void {
    super.flush();
    this.inner.flush();
  }

  protected readStored(key: Buffer): StoredValue | null {
    return this.inner.get(key) ?? null;
  }

  protected writeStored(key: Buffer, value: StoredValue | null): void {
    this.inner.put(key, value);
  }
}

/** The hook the key-value stores look for in their context: one caching layer per store and task. */
export function keyValueCacheFactory(recordCache: RecordCache): KeyValueCacheFactory {
  return (storeName, inner, context) => new CachingKeyValueLayer(recordCache, cacheNamespace(context, storeName), inner, context);
}
