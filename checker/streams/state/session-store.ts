import { IllegalStateError } from "../errors.ts";
import { KeyValue } from "../keyvalue.ts";
import type { Serde } from "../serdes.ts";
import { SessionWindow } from "../kstream/windows/session-window.ts";
import { Windowed } from "../kstream/windows/windowed.ts";
import { sessionKeyBytes } from "../kstream/windows/windowed-serdes.ts";
import type { CacheFlushListener, StoreOptions } from "./in-memory-key-value-store.ts";
import { InMemorySessionBytes, type SessionEntry } from "./in-memory-session-store.ts";
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
  private state: { context: StateStoreContext; serdes: StoreSerdes<K, V>; bytes: InMemorySessionBytes } | undefined;

  constructor(
    readonly spec: SessionStoreSpec,
    private readonly keySerde: Serde<K> | undefined,
    private readonly valueSerde: Serde<V> | undefined,
    options: StoreOptions,
  ) {
    this.name = spec.name;
    this.logged = options.logged;
  }

  init(context: StateStoreContext): void {
    this.state = { context, serdes: new StoreSerdes(this.name, context, this.keySerde, this.valueSerde), bytes: new InMemorySessionBytes(this.spec.retentionPeriod) };
  }

  /** Stores the aggregate of a session; a null aggregate removes it. */
  put(sessionKey: Windowed<K>, aggregate: V | null): void {
    const { serdes, bytes } = this.open();
    const keyBytes = serdes.rawKey(sessionKey.key());
    const value = aggregate === null ? null : serdes.rawValue(aggregate);
    bytes.put(keyBytes, sessionKey.window().start(), sessionKey.window().end(), value);
    this.log(keyBytes, sessionKey, value);
  }

  remove(sessionKey: Windowed<K>): void {
    const { serdes, bytes } = this.open();
    const keyBytes = serdes.rawKey(sessionKey.key());
    bytes.remove(keyBytes, sessionKey.window().start(), sessionKey.window().end());
    this.log(keyBytes, sessionKey, null);
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

  /** Java's CachedStateStore hook: these stores do not cache, so the caller forwards every update itself. */
  setFlushListener(_listener: CacheFlushListener<Windowed<K>, V>, _sendOldValues: boolean): boolean {
    return false;
  }

  flush(): void {}

  close(): void {
    this.state?.bytes.clear();
    this.state = undefined;
  }

  restore(key: Buffer, value: Buffer | null): void {
    this.open().bytes.restore(key, value);
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

  private log(keyBytes: Buffer, sessionKey: Windowed<K>, value: Buffer | null): void {
    if (!this.logged) return;
    const { context } = this.open();
    context.log(this.name, sessionKeyBytes(keyBytes, sessionKey.window().start(), sessionKey.window().end()), value, context.recordTimestamp);
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
