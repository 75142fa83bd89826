import { typedFlushListener } from "./caching/caching-layer.ts";
import { IllegalStateError } from "../errors.ts";
import { KeyValue } from "../keyvalue.ts";
import type { Serde } from "../serdes.ts";
import { SessionWindow } from "../kstream/windows/session-window.ts";
import { Windowed } from "../kstream/windows/windowed.ts";
import { sessionKeyBytes } from "../kstream/windows/windowed-serdes.ts";
import type { CacheFlushListener, StoreOptions } from "./in-memory-key-value-store.ts";
import { CachingSessionLayer } from "./caching/caching-session-layer.ts";
import { InMemorySessionBytes, type SessionEntry } from "./in-memory-session-store.ts";
import { recordCacheFor } from "./key-value-bytes-layer.ts";
import { StoreSerdes } from "./store-serdes.ts";
import type { StateStore, StateStoreContext } from "./store.ts";

/** Java's `SessionBytesStoreSupplier` for in-memory session stores. */
export interface SessionStoreSpec {
  readonly name: string;
  readonly retentionPeriod: number;
}

/**
 * Java's `SessionStore<K, AGG>` (Metered → ChangeLogging → InMemorySessionStore). Session windows are keyed by
 * `Windowed<K>` with a `SessionWindow` (both bounds inclusive); scans return snapshot arrays in the in-memory
 * store's order (end, key, start descending). Changelog records: key = key bytes + end + start, value = the
 * aggregate bytes (null for a removal), record timestamp = the timestamp of the record being processed.
 */
export class InMemorySessionStore<K, V> implements StateStore {
  readonly name: string;
  readonly logged: boolean;
  private readonly cached: boolean;
  /** `bytes` reads through the record cache when there is one (`cache`), else it is the in-memory store itself. */
  private state:
    | { context: StateStoreContext; serdes: StoreSerdes<K, V>; store: InMemorySessionBytes; bytes: InMemorySessionBytes | CachingSessionLayer; cache: CachingSessionLayer | undefined }
    | undefined;

  constructor(
    readonly spec: SessionStoreSpec,
    private readonly keySerde: Serde<K> | undefined,
    private readonly valueSerde: Serde<V> | undefined,
    options: StoreOptions,
  ) {
    this.name = spec.name;
    this.logged = options.logged;
    this.cached = options.cached;
  }

  init(context: StateStoreContext): void {
    const store = new InMemorySessionBytes(this.spec.retentionPeriod);
    const recordCache = recordCacheFor(this.cached, context);
    const cache = recordCache && new CachingSessionLayer(recordCache, this.name, store, (key, start, end, value, timestamp) => this.writeThrough(key, start, end, value, timestamp), context);
    this.state = { context, serdes: new StoreSerdes(this.name, context, this.keySerde, this.valueSerde), store, bytes: cache ?? store, cache };
  }

  /** Stores the aggregate of a session; a null aggregate removes it. */
  put(sessionKey: Windowed<K>, aggregate: V | null): void {
    const { serdes } = this.open();
    this.write(sessionKey, aggregate === null ? null : serdes.rawValue(aggregate), false);
  }

  remove(sessionKey: Windowed<K>): void {
    this.write(sessionKey, null, true);
  }

  /** The aggregate of exactly the session `[sessionStartTime, sessionEndTime]` of `key`, or null. */
  fetchSession(key: K, sessionStartTime: number, sessionEndTime: number): V | null {
    const { serdes, bytes } = this.open();
    const stored = bytes.fetchSession(serdes.rawKey(key), sessionStartTime, sessionEndTime);
    return stored === null ? null : serdes.valueFrom(stored);
  }

  /** Sessions of every key ending in `[earliestSessionEndTime, latestSessionEndTime]`. */
  findSessions(earliestSessionEndTime: number, latestSessionEndTime: number): KeyValue<Windowed<K>, V>[];
  /** Sessions of `key` with `end >= earliestSessionEndTime` and `start <= latestSessionStartTime`. */
  findSessions(key: K, earliestSessionEndTime: number, latestSessionStartTime: number): KeyValue<Windowed<K>, V>[];
  findSessions(keyFrom: K | null, keyTo: K | null, earliestSessionEndTime: number, latestSessionStartTime: number): KeyValue<Windowed<K>, V>[];
  findSessions(...args: unknown[]): KeyValue<Windowed<K>, V>[] {
    if (args.length === 2) return this.windowed(this.open().bytes.findSessionsByEnd(args[0] as number, args[1] as number));
    return this.find(args, true);
  }

  backwardFindSessions(key: K, earliestSessionEndTime: number, latestSessionStartTime: number): KeyValue<Windowed<K>, V>[];
  backwardFindSessions(keyFrom: K | null, keyTo: K | null, earliestSessionEndTime: number, latestSessionStartTime: number): KeyValue<Windowed<K>, V>[];
  backwardFindSessions(...args: unknown[]): KeyValue<Windowed<K>, V>[] {
    return this.find(args, false);
  }

  /** Every session of `key` (or of keys in `[keyFrom, keyTo]`). */
  fetch(key: K): KeyValue<Windowed<K>, V>[];
  fetch(keyFrom: K | null, keyTo: K | null): KeyValue<Windowed<K>, V>[];
  fetch(...args: unknown[]): KeyValue<Windowed<K>, V>[] {
    return this.find(args.length === 1 ? [args[0], 0, Number.MAX_SAFE_INTEGER] : [args[0], args[1], 0, Number.MAX_SAFE_INTEGER], true);
  }

  backwardFetch(key: K): KeyValue<Windowed<K>, V>[];
  backwardFetch(keyFrom: K | null, keyTo: K | null): KeyValue<Windowed<K>, V>[];
  backwardFetch(...args: unknown[]): KeyValue<Windowed<K>, V>[] {
    return this.find(args.length === 1 ? [args[0], 0, Number.MAX_SAFE_INTEGER] : [args[0], args[1], 0, Number.MAX_SAFE_INTEGER], false);
  }

  /**
   * Java's CachedStateStore hook: when the store caches, flushed sessions go to `listener` (with the stored old
   * aggregate if asked) and it returns true; otherwise false, and the caller forwards every update itself.
   */
  setFlushListener(listener: CacheFlushListener<Windowed<K>, V>, sendOldValues: boolean): boolean {
    const { cache, serdes } = this.open();
    if (!cache) return false;
    const sessionKeyOf = (cacheKey: Buffer) => {
      const { key, start, end } = CachingSessionLayer.sessionOf(cacheKey);
      return new Windowed(serdes.keyFrom(key), new SessionWindow(start, end));
    };
    cache.setFlushListener(typedFlushListener(listener, sendOldValues, sessionKeyOf, (stored) => serdes.valueFrom(stored.bytes)), sendOldValues);
    return true;
  }

  flush(): void {
    this.open().cache?.flush();
  }

  close(): void {
    this.state?.store.clear();
    this.state = undefined;
  }

  restore(key: Buffer, value: Buffer | null): void {
    this.open().store.restore(key, value);
  }

  private find(args: unknown[], forward: boolean): KeyValue<Windowed<K>, V>[] {
    const { serdes, bytes } = this.open();
    const bound = (key: unknown): Buffer | undefined => (key === null || key === undefined ? undefined : serdes.rawKey(key as K));
    if (args.length === 3) {
      const keyBytes = serdes.rawKey(args[0] as K);
      return this.windowed(bytes.findSessions(keyBytes, keyBytes, args[1] as number, args[2] as number, forward));
    }
    return this.windowed(bytes.findSessions(bound(args[0]), bound(args[1]), args[2] as number, args[3] as number, forward));
  }

  /**
   * A write goes to the record cache when there is one (a removal is a cached null, flushed as a null put, as in
   * Java's CachingSessionStore), else straight to the store and its changelog.
   */
  private write(sessionKey: Windowed<K>, value: Buffer | null, removal: boolean): void {
    const { serdes, cache, context } = this.open();
    const keyBytes = serdes.rawKey(sessionKey.key());
    const [start, end] = [sessionKey.window().start(), sessionKey.window().end()];
    if (cache) cache.put(keyBytes, start, end, value);
    else this.writeThrough(keyBytes, start, end, value, context.recordTimestamp, removal);
  }

  /** The in-memory store and its changelog (Java's ChangeLoggingSessionBytesStore over InMemorySessionStore). */
  private writeThrough(keyBytes: Buffer, start: number, end: number, value: Buffer | null, timestamp: number, removal = false): void {
    const { context, store } = this.open();
    // remove() skips put()'s retention check and stream-time advance.
    if (removal) store.remove(keyBytes, start, end);
    else store.put(keyBytes, start, end, value);
    if (this.logged) context.log(this.name, sessionKeyBytes(keyBytes, start, end), value, timestamp);
  }

  private windowed(entries: SessionEntry[]): KeyValue<Windowed<K>, V>[] {
    const { serdes } = this.open();
    return entries.map((entry) => KeyValue.pair(new Windowed(serdes.keyFrom(entry.key), new SessionWindow(entry.start, entry.end)), serdes.valueFrom(entry.value)));
  }

  private open(): NonNullable<typeof this.state> {
    if (!this.state) throw new IllegalStateError(`Store ${this.name} is currently closed.`);
    return this.state;
  }
}
