import { describe, expect, it } from "vitest";
import { KeyValue } from "../../checker/streams/keyvalue.ts";
import { Serdes, type Serde } from "../../checker/streams/serdes.ts";
import type { KeyValueStore } from "../../checker/streams/state/in-memory-key-value-store.ts";
import type { StateStore, StateStoreContext } from "../../checker/streams/state/store.ts";
import { Stores } from "../../checker/streams/state/stores.ts";
import type { TimestampedKeyValueStore } from "../../checker/streams/state/timestamped-key-value-store.ts";

interface Logged {
  store: string;
  key: Buffer;
  value: Buffer | null;
  timestamp: number;
}

/** A store context whose record timestamp the test sets, capturing changelog writes. */
function contextFor(log: Logged[] = []): StateStoreContext & { recordTimestamp: number } {
  return {
    applicationId: "app",
    taskId: "0_0",
    partition: 0,
    cacheMaxBytes: 0,
    keySerde: Serdes.String(),
    valueSerde: Serdes.String(),
    recordTimestamp: -1,
    log: (store, key, value, timestamp) => log.push({ store, key, value, timestamp }),
  };
}

function opened<S extends StateStore>(store: S, context: StateStoreContext = contextFor()): S {
  store.init(context);
  return store;
}

function plainStore<K, V>(keySerde?: Serde<K>, valueSerde?: Serde<V>): KeyValueStore<K, V> {
  return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("s"), keySerde, valueSerde).build();
}

describe("in-memory key-value store", () => {
  it("iterates in serialized-key byte order, not insertion or JavaScript string order", () => {
    const strings = opened(plainStore<string, string>());
    for (const key of ["b", "aa", "B", "a", "é"]) strings.put(key, key.toUpperCase());
    expect(strings.all().map((entry) => entry.key)).toEqual(["B", "a", "aa", "b", "é"]);
    expect(strings.reverseAll().map((entry) => entry.key)).toEqual(["é", "b", "aa", "a", "B"]);

    // Big-endian two's complement: negative integers sort after positive ones, as in Java's in-memory store.
    const numbers = opened(plainStore(Serdes.Integer(), Serdes.String()));
    for (const key of [-1, 2, 0, 300]) numbers.put(key, String(key));
    expect(numbers.all().map((entry) => entry.key)).toEqual([0, 2, 300, -1]);
  });

  it("ranges include both bounds, allow open bounds, and are empty when the bounds are reversed", () => {
    const store = opened(plainStore<string, string>());
    for (const key of ["a", "b", "c", "d"]) store.put(key, key);
    expect(store.range("b", "c")).toEqual([KeyValue.pair("b", "b"), KeyValue.pair("c", "c")]);
    expect(store.range(null, "b").map((entry) => entry.key)).toEqual(["a", "b"]);
    expect(store.range("c").map((entry) => entry.key)).toEqual(["c", "d"]);
    expect(store.reverseRange("b", "d").map((entry) => entry.key)).toEqual(["d", "c", "b"]);
    expect(store.range("c", "a")).toEqual([]);
  });

  it("returns old values from putIfAbsent and delete, deletes on null, and returns copies rather than stored objects", () => {
    const store = opened(plainStore(Serdes.String(), Serdes.JSON<{ n: number }>()));
    expect(store.putIfAbsent("k", { n: 1 })).toBeNull();
    expect(store.putIfAbsent("k", { n: 2 })).toEqual({ n: 1 });
    const fetched = store.get("k")!;
    fetched.n = 99;
    expect(store.get("k")).toEqual({ n: 1 });
    expect(store.delete("k")).toEqual({ n: 1 });
    expect(store.get("k")).toBeNull();
    store.put("x", { n: 3 });
    store.put("x", null);
    expect(store.approximateNumEntries()).toBe(0);
  });

  it("logs each write with the current record's timestamp and each delete as a null value", () => {
    const log: Logged[] = [];
    const context = contextFor(log);
    const store = opened(plainStore<string, string>(), context);
    context.recordTimestamp = 7;
    store.put("k", "v");
    context.recordTimestamp = 9;
    store.delete("k");
    expect(log.map((entry) => [entry.store, entry.key.toString(), entry.value?.toString() ?? null, entry.timestamp])).toEqual([
      ["s", "k", "v", 7],
      ["s", "k", null, 9],
    ]);
  });

  it("writes no changelog when logging is disabled", () => {
    const log: Logged[] = [];
    const store = opened(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("s")).withLoggingDisabled().build(), contextFor(log));
    store.put("k", "v");
    expect(log).toEqual([]);
  });

  it("restores the exact state from its own changelog", () => {
    const log: Logged[] = [];
    const context = contextFor(log);
    const original = opened(plainStore<string, string>(), context);
    for (const [key, value, ts] of [["b", "1", 1], ["a", "2", 2], ["b", null, 3], ["c", "4", 4], ["a", "5", 5]] as const) {
      context.recordTimestamp = ts;
      original.put(key, value);
    }
    const restored = opened(plainStore<string, string>(), contextFor());
    for (const entry of log) restored.restore(entry.key, entry.value, entry.timestamp);
    expect(restored.all()).toEqual(original.all());
    expect(restored.all()).toEqual([KeyValue.pair("a", "5"), KeyValue.pair("c", "4")]);
  });

  it("takes its serdes from the config defaults when the builder has none", () => {
    const context = { ...contextFor(), keySerde: Serdes.Long(), valueSerde: Serdes.Double() };
    const store = opened(plainStore<number, number>(), context);
    store.put(2, 0.5);
    store.put(1, 1.5);
    expect(store.all()).toEqual([KeyValue.pair(1, 1.5), KeyValue.pair(2, 0.5)]);
  });

  it("refuses to be used before init and after close", () => {
    const store = plainStore<string, string>();
    expect(() => store.get("k")).toThrow("Store s is currently closed.");
    store.init(contextFor());
    store.close();
    expect(() => store.put("k", "v")).toThrow("Store s is currently closed.");
  });

  it("reports that it does not cache when no record cache is attached", () => {
    const store = opened(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("s")).withCachingEnabled().build());
    expect(store.setFlushListener(() => undefined, false)).toBe(false);
  });
});

describe("timestamped key-value store", () => {
  function timestamped(): TimestampedKeyValueStore<string, number> {
    return Stores.timestampedKeyValueStoreBuilder(Stores.inMemoryKeyValueStore("t"), Serdes.String(), Serdes.Long()).build();
  }

  it("keeps each value's own timestamp and logs the plain value with that timestamp", () => {
    const log: Logged[] = [];
    const context = contextFor(log);
    const store = opened(timestamped(), context);
    context.recordTimestamp = 100;
    store.put("k", { value: 5, timestamp: 42 });
    expect(store.get("k")).toEqual({ value: 5, timestamp: 42 });
    expect(log.map((entry) => [entry.key.toString(), Serdes.Long().deserialize("", entry.value), entry.timestamp])).toEqual([["k", 5, 42]]);
  });

  it("restores values with their timestamps", () => {
    const log: Logged[] = [];
    const context = contextFor(log);
    const original = opened(timestamped(), context);
    original.put("a", { value: 1, timestamp: 10 });
    original.put("b", { value: 2, timestamp: 20 });
    context.recordTimestamp = 30;
    original.delete("a");
    original.put("b", { value: 3, timestamp: 25 });
    const restored = opened(timestamped(), contextFor());
    for (const entry of log) restored.restore(entry.key, entry.value, entry.timestamp);
    expect(restored.all()).toEqual([KeyValue.pair("b", { value: 3, timestamp: 25 })]);
    expect(log.map((entry) => entry.timestamp)).toEqual([10, 20, 30, 25]);
  });
});

describe("store builders", () => {
  it("log by default with a compacted changelog, do not cache by default, and toggle both", () => {
    const builder = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("s"));
    expect([builder.name, builder.logged, builder.cached, builder.changelogConfig]).toEqual(["s", true, false, { "cleanup.policy": "compact" }]);
    builder.withCachingEnabled().withLoggingEnabled({ "min.insync.replicas": "2" });
    expect([builder.logged, builder.cached, builder.changelogConfig]).toEqual([true, true, { "cleanup.policy": "compact", "min.insync.replicas": "2" }]);
    builder.withLoggingDisabled().withCachingDisabled();
    expect([builder.logged, builder.cached]).toEqual([false, false]);
    expect(builder.build().logged).toBe(false);
  });

  it("build a fresh store each time (one per task)", () => {
    const builder = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("s"));
    expect(builder.build()).not.toBe(builder.build());
  });
});
