// The record cache (Java's ThreadCache/NamedCache/CachingKeyValueStore), pure: compaction per key, flush order,
// eviction under size pressure, reads through the cache, and what a flush writes to the store and its changelog.
import { describe, expect, it } from "vitest";
import { CachingKeyValueLayer } from "../../checker/streams/state/caching/caching-key-value-layer.ts";
import type { DirtyEntry } from "../../checker/streams/state/caching/named-cache.ts";
import { RecordCache } from "../../checker/streams/state/caching/record-cache.ts";
import { LoggedInMemoryBytes, type BytesFlushEntry, type StoredValue } from "../../checker/streams/state/key-value-bytes-layer.ts";
import type { StateStoreContext } from "../../checker/streams/state/store.ts";
import { Serdes } from "../../checker/streams/serdes.ts";

const bytes = (text: string) => Buffer.from(text);
const stored = (text: string, timestamp: number): StoredValue => ({ bytes: bytes(text), timestamp });
const entryOf = (value: string | null, timestamp = 0) => ({ value, timestamp, headers: [], sizeBytes: 10 });

function flushedCache(maxBytes: number) {
  const flushed: Array<Array<[string, string | null]>> = [];
  const cache = new RecordCache(maxBytes);
  const named = cache.register<string>("0_0-store", (entries: readonly DirtyEntry<string>[]) => flushed.push(entries.map((e) => [e.key.toString(), e.value])));
  return { cache, named, flushed };
}

describe("RecordCache", () => {
  it("keeps only the latest write per key and flushes keys in the order of their last write", () => {
    const { cache, named, flushed } = flushedCache(1_000);
    cache.put(named, bytes("a"), entryOf("1"), true);
    cache.put(named, bytes("b"), entryOf("1"), true);
    cache.put(named, bytes("a"), entryOf("2"), true);
    cache.put(named, bytes("a"), entryOf("3"), true);
    expect(flushed).toEqual([]);
    named.flush();
    expect(flushed).toEqual([[["b", "1"], ["a", "3"]]]);
    named.flush();
    expect(flushed).toHaveLength(1);
  });

  it("evicts from the cache written to once over the limit, flushing every dirty entry of it", () => {
    const { cache, named, flushed } = flushedCache(25);
    cache.put(named, bytes("a"), entryOf("1"), true);
    cache.put(named, bytes("b"), entryOf("1"), true);
    expect(flushed).toEqual([]);
    cache.put(named, bytes("c"), entryOf("1"), true);
    // The eldest (a) is evicted and flushed first, then the other dirty keys.
    expect(flushed).toEqual([[["a", "1"], ["b", "1"], ["c", "1"]]]);
    expect(cache.sizeBytes).toBe(20);
  });

  it("drops a task's caches without flushing them", () => {
    const { cache, named, flushed } = flushedCache(1_000);
    cache.put(named, bytes("a"), entryOf("1"), true);
    cache.closeTask("0_0");
    expect(cache.sizeBytes).toBe(0);
    expect(flushed).toEqual([]);
  });
});

describe("CachingKeyValueLayer", () => {
  function layer(maxBytes = 10_000) {
    const logged: Array<[string, string | null, number]> = [];
    let recordTimestamp = 0;
    const context: StateStoreContext = {
      applicationId: "app",
      taskId: "0_0",
      partition: 0,
      cacheMaxBytes: maxBytes,
      keySerde: Serdes.String(),
      valueSerde: Serdes.String(),
      get recordTimestamp() {
        return recordTimestamp;
      },
      log: (_store, key, value, timestamp) => logged.push([key.toString(), value?.toString() ?? null, timestamp]),
    };
    const inner = new LoggedInMemoryBytes("store", context, true);
    const caching = new CachingKeyValueLayer(new RecordCache(maxBytes), "0_0-store", inner, context);
    const forwarded: Array<[string, string | null, string | null, number]> = [];
    const listen = (sendOldValues: boolean) =>
      caching.setFlushListener(
        (entry: BytesFlushEntry) => forwarded.push([entry.key.toString(), entry.newValue?.bytes.toString() ?? null, entry.oldValue?.bytes.toString() ?? null, entry.timestamp]),
        sendOldValues,
      );
    return { caching, inner, logged, forwarded, listen, at: (timestamp: number) => (recordTimestamp = timestamp) };
  }

  it("holds writes back from the store and the changelog until flushed, then forwards one update per key", () => {
    const { caching, inner, logged, forwarded, listen, at } = layer();
    listen(false);
    at(5);
    caching.put(bytes("k"), stored("1", 5));
    at(7);
    caching.put(bytes("k"), stored("2", 7));
    expect(caching.get(bytes("k"))?.bytes.toString()).toBe("2");
    expect(inner.get(bytes("k"))).toBeUndefined();
    expect(logged).toEqual([]);
    caching.flush();
    expect(forwarded).toEqual([["k", "2", null, 7]]);
    expect(logged).toEqual([["k", "2", 7]]);
    expect(inner.get(bytes("k"))?.bytes.toString()).toBe("2");
  });

  it("sends the old value from the store when asked, and skips a delete of a key that never existed", () => {
    const { caching, forwarded, listen } = layer();
    listen(true);
    caching.put(bytes("k"), stored("1", 1));
    caching.flush();
    caching.put(bytes("k"), stored("2", 2));
    caching.put(bytes("gone"), null);
    caching.flush();
    expect(forwarded).toEqual([
      ["k", "1", null, 1],
      ["k", "2", "1", 2],
    ]);
  });

  it("hides a cached delete from reads and ranges before the flush", () => {
    const { caching, inner, listen } = layer();
    listen(false);
    inner.put(bytes("a"), stored("1", 1));
    inner.put(bytes("b"), stored("1", 1));
    caching.put(bytes("a"), null);
    caching.put(bytes("c"), stored("3", 2));
    expect(caching.get(bytes("a"))).toBeUndefined();
    expect(caching.range(undefined, undefined, false).map(([key, value]) => [key.toString(), value.bytes.toString()])).toEqual([
      ["b", "1"],
      ["c", "3"],
    ]);
    expect(caching.range(undefined, undefined, true).map(([key]) => key.toString())).toEqual(["c", "b"]);
  });

  it("forwards as soon as a write overflows a small cache", () => {
    const { caching, forwarded, listen } = layer(60);
    listen(false);
    caching.put(bytes("a"), stored("1", 1));
    expect(forwarded).toEqual([]);
    caching.put(bytes("b"), stored("1", 2));
    expect(forwarded).toEqual([["a", "1", null, 1], ["b", "1", null, 2]]);
  });
});
