import type { RecordHeaders } from "../../processor/record.ts";

/** One cached write: the value a store was asked to keep, with the context of the record that wrote it. */
export interface CacheEntry<V> {
  readonly value: V | null;
  readonly timestamp: number;
  readonly headers: RecordHeaders;
  /** Estimated bytes this entry holds (key, value and record context), as Java's `LRUCacheEntry` counts them. */
  readonly sizeBytes: number;
}

/** A write that has not reached the underlying store (nor downstream) yet. */
export interface DirtyEntry<V> {
  readonly key: Buffer;
  readonly value: V | null;
  readonly timestamp: number;
  readonly headers: RecordHeaders;
}

/** Receives dirty entries in the order their keys were last written (Java's `DirtyEntryFlushListener`). */
export type FlushListener<V> = (entries: readonly DirtyEntry<V>[]) => void;

interface Node<V> {
  readonly key: Buffer;
  entry: CacheEntry<V>;
  dirty: boolean;
}

/**
 * The cache of one store in one task (Java's `NamedCache`): least-recently-used order for eviction, and the dirty
 * keys in arrival order for flushing. Keys are compared as bytes, like every store here.
 */
export class NamedCache<V> {
  // A Map iterates in insertion order: re-inserting on every access keeps the least recently used entry first.
  private readonly lru = new Map<string, Node<V>>();
  // Re-inserted on every dirty write, so a flush forwards keys in the order of their last update, as Java does.
  private readonly dirtyKeys = new Set<string>();
  private bytes = 0;

  constructor(
    readonly name: string,
    private readonly listener: FlushListener<V>,
  ) {}

  get sizeBytes(): number {
    return this.bytes;
  }

  get isEmpty(): boolean {
    return this.lru.size === 0;
  }

  get(key: Buffer): CacheEntry<V> | undefined {
    const id = idOf(key);
    const node = this.lru.get(id);
    if (!node) return undefined;
    this.touch(id, node);
    return node.entry;
  }

  /** Keeps a write; `dirty` = it still has to be flushed (false for values read back from the store). */
  put(key: Buffer, entry: CacheEntry<V>, dirty = true): void {
    const id = idOf(key);
    const node = this.lru.get(id);
    if (node) {
      this.bytes -= node.entry.sizeBytes;
      node.entry = entry;
      node.dirty ||= dirty;
      this.touch(id, node);
    } else {
      this.lru.set(id, { key, entry, dirty });
    }
    if (dirty) {
      this.dirtyKeys.delete(id);
      this.dirtyKeys.add(id);
    }
    this.bytes += entry.sizeBytes;
  }

  delete(key: Buffer): void {
    const id = idOf(key);
    const node = this.lru.get(id);
    if (!node) return;
    this.lru.delete(id);
    this.dirtyKeys.delete(id);
    this.bytes -= node.entry.sizeBytes;
  }

  /** Every dirty entry goes to the listener; deleted keys (null values) then leave the cache. */
  flush(): void {
    this.flushWith(undefined);
  }

  /** Drops the least recently used entry; if it was dirty, the whole cache is flushed first (Java does the same). */
  evictEldest(): void {
    const first = this.lru.entries().next();
    if (first.done) return;
    const [id, eldest] = first.value;
    this.lru.delete(id);
    this.bytes -= eldest.entry.sizeBytes;
    if (eldest.dirty) this.flushWith({ id, node: eldest });
  }

  /** Sorted by key bytes, for range reads that merge the cache with the store. */
  keys(): Buffer[] {
    return [...this.lru.values()].map((node) => node.key).sort(Buffer.compare);
  }

  clear(): void {
    this.lru.clear();
    this.dirtyKeys.clear();
    this.bytes = 0;
  }

  private flushWith(evicted: { id: string; node: Node<V> } | undefined): void {
    if (this.dirtyKeys.size === 0) return;
    const entries: DirtyEntry<V>[] = [];
    const deleted: Buffer[] = [];
    if (evicted) {
      this.dirtyKeys.delete(evicted.id);
      entries.push(dirtyEntry(evicted.node));
    }
    for (const id of this.dirtyKeys) {
      const node = this.lru.get(id)!;
      entries.push(dirtyEntry(node));
      node.dirty = false;
      if (node.entry.value === null) deleted.push(node.key);
    }
    // Cleared before the listener runs: forwarding downstream may write to this cache again.
    this.dirtyKeys.clear();
    this.listener(entries);
    for (const key of deleted) this.delete(key);
  }

  private touch(id: string, node: Node<V>): void {
    this.lru.delete(id);
    this.lru.set(id, node);
  }
}

function dirtyEntry<V>(node: Node<V>): DirtyEntry<V> {
  return { key: node.key, value: node.entry.value, timestamp: node.entry.timestamp, headers: node.entry.headers };
}

// latin1 maps every byte to one char: a cheap, exact Map key for a Buffer.
function idOf(key: Buffer): string {
  return key.toString("latin1");
}
