import type { RecordHeaders } from "../../processor/record.ts";
import { NamedCache, type CacheEntry, type FlushListener } from "./named-cache.ts";

/**
 * The record cache of one stream thread (Java's `ThreadCache`): `statestore.cache.max.bytes` shared by the caching
 * stores of every task the thread runs. A write that pushes the total over the limit evicts from the cache that was
 * written to (never from another one), and evicting a dirty entry flushes that cache downstream — so with a small
 * cache, updates leave sooner and are compacted less.
 */
export class RecordCache {
  private readonly caches = new Map<string, NamedCache<unknown>>();

  constructor(readonly maxBytes: number) {}

  /** Java names a cache `<taskId>-<storeName>`. */
  static namespace(taskId: string, storeName: string): string {
    return `${taskId}-${storeName}`;
  }

  register<V>(namespace: string, listener: FlushListener<V>): NamedCache<V> {
    const cache = new NamedCache<V>(namespace, listener);
    this.caches.set(namespace, cache as NamedCache<unknown>);
    return cache;
  }

  /** Keeps a write (`dirty`) or a value read back from the store (clean), then evicts from that cache while over the limit. */
  put<V>(cache: NamedCache<V>, key: Buffer, entry: CacheEntry<V>, dirty: boolean): void {
    cache.put(key, entry, dirty);
    while (this.sizeBytes > this.maxBytes && !cache.isEmpty) cache.evictEldest();
  }

  get sizeBytes(): number {
    let total = 0;
    for (const cache of this.caches.values()) total += cache.sizeBytes;
    return total;
  }

  /** Drops every store cache of a task without flushing (the task was committed, or is closed dirty). */
  closeTask(taskId: string): void {
    for (const [namespace, cache] of this.caches) {
      if (!namespace.startsWith(`${taskId}-`)) continue;
      cache.clear();
      this.caches.delete(namespace);
    }
  }
}

/**
 * Bytes one cached write is counted as: key and value bytes, the LRU links (3 × 8), the dirty flag, and the record
 * context (timestamp, offset, partition, topic, headers) — the terms of Java's `LRUCacheEntry`/`LRUNode` estimate.
 */
export function cachedWriteBytes(key: Buffer, valueBytes: number, topic: string, headers: RecordHeaders): number {
  const headerBytes = headers.reduce((sum, header) => sum + header.key.length + (header.value?.length ?? 0), 0);
  return key.length + 24 + 1 + valueBytes + 8 + 8 + 4 + topic.length + headerBytes;
}
