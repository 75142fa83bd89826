import type { Serde } from "../serdes.ts";

/**
 * State store contracts. Stores order keys by their serialized bytes (Buffer.compare), as Java's in-memory stores
 * do, because iteration order decides output order (session merges, outer-join flushes, range scans).
 */
export interface StateStore {
  readonly name: string;
  /** Whether writes go to the `<application.id>-<name>-changelog` topic. */
  readonly logged: boolean;
  /** Called once per task before any record; `log` sends one changelog record (null value = delete). */
  init(context: StateStoreContext): void;
  /** Writes cached entries through and forwards them (caching stores only). */
  flush(): void;
  close(): void;
  /** Re-applies one changelog record during restoration (after a restart), without logging or forwarding it. */
  restore(key: Buffer, value: Buffer | null, timestamp: number): void;
}

export interface StateStoreContext {
  readonly applicationId: string;
  readonly taskId: string;
  /** Partition of the changelog this task writes: the task's partition. */
  readonly partition: number;
  log(storeName: string, key: Buffer, value: Buffer | null, timestamp: number): void;
  /** Bytes this task may keep in record caches (`statestore.cache.max.bytes` split across tasks); 0 = no cache. */
  readonly cacheMaxBytes: number;
  /** `default.key.serde` / `default.value.serde`: a store built without serdes uses these (Java's context.keySerde()). */
  readonly keySerde: Serde<unknown>;
  readonly valueSerde: Serde<unknown>;
  /** Timestamp of the record being processed (Java's `recordContext().timestamp()`), -1 outside processing:
   *  stores that keep no timestamp of their own log their changelog records with it. */
  readonly recordTimestamp: number;
}

/** A value with the timestamp of the record that produced it (Java's `ValueAndTimestamp`). */
export interface ValueAndTimestamp<V> {
  readonly value: V;
  readonly timestamp: number;
}

/** How a store is made, named and logged: Java's `StoreBuilder`. The task calls `build()` once per task. */
export interface StoreBuilder<S extends StateStore = StateStore> {
  readonly name: string;
  readonly logged: boolean;
  readonly cached: boolean;
  /** Topic configs for the changelog (cleanup.policy, retention.ms…), as Java creates them. */
  readonly changelogConfig: Readonly<Record<string, string>>;
  build(): S;
}
