import { typedFlushListener } from "./caching/caching-layer.ts";
import { IllegalStateError, InvalidArgumentError } from "../errors.ts";
import { KeyValue } from "../keyvalue.ts";
import type { Change, StreamRecord } from "../processor/record.ts";
import { resolveSerde, type Serde } from "../serdes.ts";
import { Topology } from "../topology/topology.ts";
import {
  LoggedInMemoryBytes,
  type CachingKeyValueBytesLayer,
  type CachingStoreContext,
  type KeyValueBytesLayer,
  type StoredValue,
} from "./key-value-bytes-layer.ts";
import type { StateStore, StateStoreContext } from "./store.ts";

/** Called with every record a caching store flushes: Java's CacheFlushListener. */
export type CacheFlushListener<K, V> = (record: StreamRecord<K, Change<V>>) => void;

/**
 * Java's KeyValueStore, synchronous. Keys are ordered by their serialized bytes; `range`, `all` and their reverse
 * forms return a snapshot array (Java returns an iterator to close). A `null` value deletes the key.
 */
export interface KeyValueStore<K, V> extends StateStore {
  get(key: K): V | null;
  put(key: K, value: V | null): void;
  /** Writes only if the key is absent; returns the value already there (or null). */
  putIfAbsent(key: K, value: V | null): V | null;
  putAll(entries: Iterable<KeyValue<K, V | null>>): void;
  /** Removes the key; returns the value it had (or null). */
  delete(key: K): V | null;
  /** Keys from `from` to `to`, both inclusive, in byte order; a missing bound is open. */
  range(from?: K | null, to?: K | null): KeyValue<K, V>[];
  reverseRange(from?: K | null, to?: K | null): KeyValue<K, V>[];
  all(): KeyValue<K, V>[];
  reverseAll(): KeyValue<K, V>[];
  approximateNumEntries(): number;
  /**
   * Hands the store's flushed updates to `listener` when the store caches (Java's CachedStateStore); returns false
   * when it does not, and the caller then forwards every update itself (Java's TimestampedTupleForwarder).
   */
  setFlushListener(listener: CacheFlushListener<K, V>, sendOldValues: boolean): boolean;
}

export interface StoreOptions {
  readonly logged: boolean;
  readonly cached: boolean;
}

/**
 * The typed part shared by plain and timestamped stores: serdes (from the builder, else the config defaults at
 * init), byte-ordered keys, and the hook where a record cache wraps the logged in-memory bytes.
 */
export abstract class KeyValueStoreBase<K, V, S> implements KeyValueStore<K, V> {
  readonly logged: boolean;
  private readonly cached: boolean;
  private state: { context: StateStoreContext; topic: string; keySerde: Serde<K>; valueSerde: Serde<S>; base: LoggedInMemoryBytes; layer: KeyValueBytesLayer; cache: CachingKeyValueBytesLayer | undefined } | undefined;

  constructor(
    readonly name: string,
    private readonly keySerde: Serde<K> | undefined,
    private readonly valueSerde: Serde<S> | undefined,
    options: StoreOptions,
  ) {
    this.logged = options.logged;
    this.cached = options.cached;
  }

  /** The stored form of a value (null = delete) and back. */
  protected abstract toStored(value: V, recordTimestamp: number): StoredValue | null;
  protected abstract fromStored(stored: StoredValue): V;

  init(context: StateStoreContext): void {
    const base = new LoggedInMemoryBytes(this.name, context, this.logged);
    const cacheFactory = (context as CachingStoreContext).keyValueCache;
    const defaults = { key: context.keySerde, value: context.valueSerde };
    const cache = this.cached && context.cacheMaxBytes > 0 && cacheFactory ? cacheFactory(this.name, base, context) : undefined;
    this.state = {
      context,
      topic: Topology.decorate(context.applicationId, `${this.name}-changelog`),
      keySerde: resolveSerde(this.keySerde as Serde<unknown> | undefined, defaults, "key") as Serde<K>,
      valueSerde: resolveSerde(this.valueSerde as Serde<unknown> | undefined, defaults, "value") as Serde<S>,
      base,
      layer: cache ?? base,
      cache,
    };
  }

  get(key: K): V | null {
    const stored = this.open().layer.get(this.keyBytes(key));
    return stored === undefined ? null : this.fromStored(stored);
  }

  put(key: K, value: V | null): void {
    const { layer, context } = this.open();
    layer.put(this.keyBytes(key), value === null ? null : this.toStored(value, context.recordTimestamp));
  }

  putIfAbsent(key: K, value: V | null): V | null {
    const existing = this.get(key);
    if (existing === null) this.put(key, value);
    return existing;
  }

  putAll(entries: Iterable<KeyValue<K, V | null>>): void {
    for (const entry of entries) this.put(entry.key, entry.value);
  }

  delete(key: K): V | null {
    const existing = this.get(key);
    this.open().layer.put(this.keyBytes(key), null);
    return existing;
  }

  range(from?: K | null, to?: K | null): KeyValue<K, V>[] {
    return this.scan(from, to, false);
  }

  reverseRange(from?: K | null, to?: K | null): KeyValue<K, V>[] {
    return this.scan(from, to, true);
  }

  all(): KeyValue<K, V>[] {
    return this.scan(null, null, false);
  }

  reverseAll(): KeyValue<K, V>[] {
    return this.scan(null, null, true);
  }

  approximateNumEntries(): number {
    return this.open().layer.size();
  }

  setFlushListener(listener: CacheFlushListener<K, V>, sendOldValues: boolean): boolean {
    const { cache } = this.open();
    if (!cache) return false;
    cache.setFlushListener(
      typedFlushListener(listener, sendOldValues, (key) => this.keyFromBytes(key), (stored) => this.fromStored(stored)),
      sendOldValues,
    );
    return true;
  }

  flush(): void {
    this.open().layer.flush();
  }

  close(): void {
    // Java's InMemoryKeyValueStore.close() drops the data.
    this.state?.base.clear();
    this.state = undefined;
  }

  restore(key: Buffer, value: Buffer | null, timestamp: number): void {
    this.open().base.restore(key, value === null ? null : { bytes: value, timestamp });
  }

  protected serializeValue(value: S): Buffer | null {
    const { valueSerde, topic } = this.open();
    return valueSerde.serialize(topic, value);
  }

  protected deserializeValue(bytes: Buffer): S {
    const { valueSerde, topic } = this.open();
    return valueSerde.deserialize(topic, bytes) as S;
  }

  private scan(from: K | null | undefined, to: K | null | undefined, reverse: boolean): KeyValue<K, V>[] {
    const fromBytes = from === null || from === undefined ? undefined : this.keyBytes(from);
    const toBytes = to === null || to === undefined ? undefined : this.keyBytes(to);
    // Java logs a warning and returns nothing when the bounds are the wrong way round.
    if (fromBytes && toBytes && Buffer.compare(fromBytes, toBytes) > 0) return [];
    return this.open()
      .layer.range(fromBytes, toBytes, reverse)
      .map(([key, stored]) => KeyValue.pair(this.keyFromBytes(key), this.fromStored(stored)));
  }

  private keyBytes(key: K): Buffer {
    if (key === null || key === undefined) throw new InvalidArgumentError("key cannot be null");
    const { keySerde, topic } = this.open();
    const bytes = keySerde.serialize(topic, key);
    if (bytes === null) throw new InvalidArgumentError("key cannot be null");
    return bytes;
  }

  private keyFromBytes(bytes: Buffer): K {
    const { keySerde, topic } = this.open();
    return keySerde.deserialize(topic, bytes) as K;
  }

  private open(): NonNullable<typeof this.state> {
    if (!this.state) throw new IllegalStateError(`Store ${this.name} is currently closed.`);
    return this.state;
  }
}

/** Java's InMemoryKeyValueStore behind a MeteredKeyValueStore: plain values, logged with the writing record's timestamp. */
export class InMemoryKeyValueStore<K, V> extends KeyValueStoreBase<K, V, V> {
  protected toStored(value: V, recordTimestamp: number): StoredValue | null {
    const bytes = this.serializeValue(value);
    return bytes === null ? null : { bytes, timestamp: recordTimestamp };
  }

  protected fromStored(stored: StoredValue): V {
    return this.deserializeValue(stored.bytes);
  }
}
