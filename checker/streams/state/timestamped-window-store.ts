import { typedFlushListener } from "./caching/caching-layer.ts";
import { IllegalStateError } from "../errors.ts";
import { KeyValue } from "../keyvalue.ts";
import type { Serde } from "../serdes.ts";
import { TimeWindow } from "../kstream/windows/time-window.ts";
import { Windowed } from "../kstream/windows/windowed.ts";
import type { CacheFlushListener, StoreOptions } from "./in-memory-key-value-store.ts";
import { CachingWindowLayer } from "./caching/caching-window-layer.ts";
import { InMemoryWindowBytes, windowStoreKeyBytes, type WindowEntry } from "./in-memory-window-store.ts";
import { recordCacheFor } from "./key-value-bytes-layer.ts";
import { StoreSerdes } from "./store-serdes.ts";
import type { StateStore, StateStoreContext, ValueAndTimestamp } from "./store.ts";

const TIMESTAMP_BYTES = 8;
/** Java's `ValueAndTimestamp` "no timestamp" marker, used when a plain value is put through the facade. */
const NO_TIMESTAMP = -1;

/** Java's `WindowBytesStoreSupplier` for in-memory window stores. */
export interface WindowStoreSpec {
  readonly name: string;
  readonly retentionPeriod: number;
  readonly windowSize: number;
  readonly retainDuplicates: boolean;
}

/**
 * Java's `TimestampedWindowStore` (Metered → ChangeLogging → InMemoryWindowStore): values carry the timestamp of the
 * record that produced them. Scans return snapshot arrays (Java returns iterators to close): `fetch(key, from, to)`
 * gives `KeyValue<windowStart, value>`, the key-range and `all` forms give `KeyValue<Windowed<K>, value>` whose
 * window is `[start, start + windowSize)`.
 *
 * Changelog records are Java's: key = key bytes + start + sequence number, value = the plain value bytes, record
 * timestamp = the value's timestamp (a delete: the timestamp of the record being processed).
 */
export class InMemoryTimestampedWindowStore<K, V> implements StateStore {
  readonly name: string;
  readonly logged: boolean;
  private readonly cached: boolean;
  /** `bytes` reads through the record cache when there is one (`cache`), else it is the in-memory store itself. */
  private state:
    | { context: StateStoreContext; serdes: StoreSerdes<K, V>; store: InMemoryWindowBytes; bytes: InMemoryWindowBytes | CachingWindowLayer; cache: CachingWindowLayer | undefined }
    | undefined;
  /** The changelog's own sequence number (Java's ChangeLoggingWindowBytesStore keeps one apart from the store's). */
  private changelogSeqnum = 0;

  constructor(
    readonly spec: WindowStoreSpec,
    private readonly keySerde: Serde<K> | undefined,
    private readonly valueSerde: Serde<V> | undefined,
    options: StoreOptions,
  ) {
    this.name = spec.name;
    this.logged = options.logged;
    // Java never caches a store that keeps duplicates (stream-stream join windows).
    this.cached = options.cached && !spec.retainDuplicates;
  }

  init(context: StateStoreContext): void {
    const store = new InMemoryWindowBytes(this.spec.retentionPeriod, this.spec.windowSize, this.spec.retainDuplicates);
    const recordCache = recordCacheFor(this.cached, context);
    const cache = recordCache && new CachingWindowLayer(recordCache, this.name, store, (key, value, start, timestamp) => this.writeThrough(key, value, start, timestamp), context);
    this.state = { context, serdes: new StoreSerdes(this.name, context, this.keySerde, this.valueSerde), store, bytes: cache ?? store, cache };
  }

  /** Stores `value` for the window of `key` starting at `windowStartTimestamp`; null deletes (not in duplicate stores). */
  put(key: K, value: ValueAndTimestamp<V> | null, windowStartTimestamp: number): void {
    const { context, serdes, cache } = this.open();
    const keyBytes = serdes.rawKey(key);
    const rawValue = value === null ? null : serdes.rawValue(value.value);
    const stored = rawValue === null ? null : withTimestamp(rawValue, value!.timestamp);
    if (cache) cache.put(keyBytes, stored, windowStartTimestamp);
    else this.writeThrough(keyBytes, stored, windowStartTimestamp, rawValue === null ? context.recordTimestamp : value!.timestamp);
  }

  /** The in-memory store and its changelog (Java's ChangeLoggingWindowBytesStore over InMemoryWindowStore). */
  private writeThrough(keyBytes: Buffer, stored: Buffer | null, windowStart: number, timestamp: number): void {
    const { context, store } = this.open();
    store.put(keyBytes, stored, windowStart);
    if (!this.logged) return;
    if (this.spec.retainDuplicates) this.changelogSeqnum = (this.changelogSeqnum + 1) & 0x7fffffff;
    context.log(this.name, windowStoreKeyBytes(keyBytes, windowStart, this.changelogSeqnum), stored === null ? null : stored.subarray(TIMESTAMP_BYTES), timestamp);
  }

  /** The value of one window, or null. */
  fetch(key: K, time: number): ValueAndTimestamp<V> | null;
  /** The windows of `key` starting in `[timeFrom, timeTo]`, by start. */
  fetch(key: K, timeFrom: number, timeTo: number): KeyValue<number, ValueAndTimestamp<V>>[];
  /** The windows of keys in `[keyFrom, keyTo]` (null = open) starting in `[timeFrom, timeTo]`, by start then key. */
  fetch(keyFrom: K | null, keyTo: K | null, timeFrom: number, timeTo: number): KeyValue<Windowed<K>, ValueAndTimestamp<V>>[];
  fetch(...args: unknown[]): unknown {
    if (args.length === 2) {
      const { serdes, bytes } = this.open();
      const stored = bytes.fetch(serdes.rawKey(args[0] as K), args[1] as number);
      return stored === null ? null : this.valueFrom(stored);
    }
    return this.scanArgs(args, true);
  }

  backwardFetch(key: K, timeFrom: number, timeTo: number): KeyValue<number, ValueAndTimestamp<V>>[];
  backwardFetch(keyFrom: K | null, keyTo: K | null, timeFrom: number, timeTo: number): KeyValue<Windowed<K>, ValueAndTimestamp<V>>[];
  backwardFetch(...args: unknown[]): unknown {
    return this.scanArgs(args, false);
  }

  fetchAll(timeFrom: number, timeTo: number): KeyValue<Windowed<K>, ValueAndTimestamp<V>>[] {
    return this.windowed(this.open().bytes.fetchRange(undefined, undefined, timeFrom, timeTo, true));
  }

  backwardFetchAll(timeFrom: number, timeTo: number): KeyValue<Windowed<K>, ValueAndTimestamp<V>>[] {
    return this.windowed(this.open().bytes.fetchRange(undefined, undefined, timeFrom, timeTo, false));
  }

  all(): KeyValue<Windowed<K>, ValueAndTimestamp<V>>[] {
    return this.windowed(this.open().bytes.all(true));
  }

  backwardAll(): KeyValue<Windowed<K>, ValueAndTimestamp<V>>[] {
    return this.windowed(this.open().bytes.all(false));
  }

  /**
   * Java's CachedStateStore hook: when the store caches, flushed windows go to `listener` (with the stored old value
   * if asked) and it returns true; otherwise false, and the caller forwards every update itself.
   */
  setFlushListener(listener: CacheFlushListener<Windowed<K>, ValueAndTimestamp<V>>, sendOldValues: boolean): boolean {
    const { cache } = this.open();
    if (!cache) return false;
    const windowedKeyOf = (cacheKey: Buffer) => {
      const { key, windowStart } = CachingWindowLayer.windowOf(cacheKey);
      return this.windowedKey(key, windowStart);
    };
    cache.setFlushListener(typedFlushListener(listener, sendOldValues, windowedKeyOf, (stored) => this.valueFrom(stored.bytes)), sendOldValues);
    return true;
  }

  flush(): void {
    this.open().cache?.flush();
  }

  close(): void {
    this.state?.store.clear();
    this.state = undefined;
  }

  restore(key: Buffer, value: Buffer | null, timestamp: number): void {
    this.open().store.restore(key, value === null ? null : withTimestamp(value, timestamp));
  }

  private scanArgs(args: unknown[], forward: boolean): unknown {
    const { serdes, bytes } = this.open();
    if (args.length === 3) {
      const [key, timeFrom, timeTo] = args as [K, number, number];
      const keyBytes = serdes.rawKey(key);
      return bytes.fetchRange(keyBytes, keyBytes, timeFrom, timeTo, forward).map((entry) => KeyValue.pair(entry.windowStart, this.valueFrom(entry.value)));
    }
    const [keyFrom, keyTo, timeFrom, timeTo] = args as [K | null, K | null, number, number];
    const fromBytes = keyFrom === null || keyFrom === undefined ? undefined : serdes.rawKey(keyFrom);
    const toBytes = keyTo === null || keyTo === undefined ? undefined : serdes.rawKey(keyTo);
    return this.windowed(bytes.fetchRange(fromBytes, toBytes, timeFrom, timeTo, forward));
  }

  private windowed(entries: WindowEntry[]): KeyValue<Windowed<K>, ValueAndTimestamp<V>>[] {
    const { serdes } = this.open();
    return entries.map((entry) => KeyValue.pair(this.windowedKey(entry.key, entry.windowStart, serdes), this.valueFrom(entry.value)));
  }

  private windowedKey(keyBytes: Buffer, windowStart: number, serdes = this.open().serdes): Windowed<K> {
    return new Windowed(serdes.keyFrom(keyBytes), new TimeWindow(windowStart, windowStart + this.spec.windowSize));
  }

  private valueFrom(stored: Buffer): ValueAndTimestamp<V> {
    return { value: this.open().serdes.valueFrom(stored.subarray(TIMESTAMP_BYTES)), timestamp: Number(stored.readBigInt64BE(0)) };
  }

  private open(): NonNullable<typeof this.state> {
    if (!this.state) throw new IllegalStateError(`Store ${this.name} is currently closed.`);
    return this.state;
  }
}

/** Java's `ValueAndTimestampSerializer` layout: the timestamp (8 bytes, big-endian), then the value bytes. */
function withTimestamp(rawValue: Buffer, timestamp: number): Buffer {
  const bytes = Buffer.alloc(TIMESTAMP_BYTES + rawValue.length);
  bytes.writeBigInt64BE(BigInt(timestamp), 0);
  rawValue.copy(bytes, TIMESTAMP_BYTES);
  return bytes;
}

/**
 * The plain `WindowStore<K, V>` view of a timestamped window store that Java's TopologyTestDriver.getWindowStore
 * returns (its `WindowStoreFacade`): same scans, values without their timestamps.
 */
export class WindowStoreFacade<K, V> {
  constructor(private readonly inner: InMemoryTimestampedWindowStore<K, V>) {}

  get name(): string {
    return this.inner.name;
  }

  put(key: K, value: V | null, windowStartTimestamp: number): void {
    this.inner.put(key, value === null ? null : { value, timestamp: NO_TIMESTAMP }, windowStartTimestamp);
  }

  fetch(key: K, time: number): V | null;
  fetch(key: K, timeFrom: number, timeTo: number): KeyValue<number, V>[];
  fetch(keyFrom: K | null, keyTo: K | null, timeFrom: number, timeTo: number): KeyValue<Windowed<K>, V>[];
  fetch(...args: unknown[]): unknown {
    const result = (this.inner.fetch as (...a: unknown[]) => unknown)(...args);
    if (args.length === 2) return result === null ? null : (result as ValueAndTimestamp<V>).value;
    return plainValues(result as KeyValue<unknown, ValueAndTimestamp<V>>[]);
  }

  backwardFetch(key: K, timeFrom: number, timeTo: number): KeyValue<number, V>[];
  backwardFetch(keyFrom: K | null, keyTo: K | null, timeFrom: number, timeTo: number): KeyValue<Windowed<K>, V>[];
  backwardFetch(...args: unknown[]): unknown {
    return plainValues((this.inner.backwardFetch as (...a: unknown[]) => KeyValue<unknown, ValueAndTimestamp<V>>[])(...args));
  }

  fetchAll(timeFrom: number, timeTo: number): KeyValue<Windowed<K>, V>[] {
    return plainValues(this.inner.fetchAll(timeFrom, timeTo));
  }

  backwardFetchAll(timeFrom: number, timeTo: number): KeyValue<Windowed<K>, V>[] {
    return plainValues(this.inner.backwardFetchAll(timeFrom, timeTo));
  }

  all(): KeyValue<Windowed<K>, V>[] {
    return plainValues(this.inner.all());
  }

  backwardAll(): KeyValue<Windowed<K>, V>[] {
    return plainValues(this.inner.backwardAll());
  }
}

function plainValues<T, V>(entries: KeyValue<T, ValueAndTimestamp<V>>[]): KeyValue<T, V>[] {
  return entries.map((entry) => KeyValue.pair(entry.key, entry.value.value));
}
