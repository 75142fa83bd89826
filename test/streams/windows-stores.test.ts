// The in-memory window and session stores on their own: Java's InMemoryWindowStore / InMemorySessionStore order,
// retention and duplicates, and their changelog records (Java's byte layouts) restoring an identical store.
import { describe, expect, it } from "vitest";
import { Serdes } from "../../checker/streams/index.ts";
import { SessionWindow } from "../../checker/streams/kstream/windows/session-window.ts";
import { Windowed } from "../../checker/streams/kstream/windows/windowed.ts";
import type { StateStore, StateStoreContext } from "../../checker/streams/state/store.ts";
import { WindowStores } from "../../checker/streams/state/window-stores.ts";

interface Logged {
  readonly key: string;
  readonly value: string | null;
  readonly timestamp: number;
}

function contextFor(log: Logged[]): StateStoreContext {
  return {
    applicationId: "app",
    taskId: "0_0",
    partition: 0,
    cacheMaxBytes: 0,
    keySerde: Serdes.String() as never,
    valueSerde: Serdes.String() as never,
    recordTimestamp: 42,
    log: (_store, key, value, timestamp) => log.push({ key: key.toString("hex"), value: value?.toString("hex") ?? null, timestamp }),
  };
}

function opened<S extends StateStore>(store: S, log: Logged[] = []): S {
  store.init(contextFor(log));
  return store;
}

function restoredCopy<S extends StateStore>(fresh: S, log: Logged[]): S {
  const store = opened(fresh);
  for (const record of log) store.restore(Buffer.from(record.key, "hex"), record.value === null ? null : Buffer.from(record.value, "hex"), record.timestamp);
  return store;
}

const windowStore = (retention: number, retainDuplicates = false) =>
  WindowStores.timestampedWindowStoreBuilder(WindowStores.inMemoryWindowStore("w", retention, 10, retainDuplicates), Serdes.String(), Serdes.String()).build();

const pairs = <K, V>(entries: { key: K; value: { value: V } }[]) => entries.map((entry) => [String(entry.key), entry.value.value]);

describe("in-memory window store", () => {
  it("scans by window start, then key bytes, and backwards in exact reverse", () => {
    const store = opened(windowStore(100));
    store.put("B", { value: "b0", timestamp: 1 }, 0);
    store.put("A", { value: "a10", timestamp: 12 }, 10);
    store.put("A", { value: "a0", timestamp: 3 }, 0);
    store.put("C", { value: "c10", timestamp: 15 }, 10);
    expect(pairs(store.all())).toEqual([["[A@0/10]", "a0"], ["[B@0/10]", "b0"], ["[A@10/20]", "a10"], ["[C@10/20]", "c10"]]);
    expect(pairs(store.backwardAll())).toEqual([["[C@10/20]", "c10"], ["[A@10/20]", "a10"], ["[B@0/10]", "b0"], ["[A@0/10]", "a0"]]);
    expect(pairs(store.fetch("A", "B", 0, 10))).toEqual([["[A@0/10]", "a0"], ["[B@0/10]", "b0"], ["[A@10/20]", "a10"]]);
    expect(store.fetch("A", 0, 10).map((entry) => [entry.key, entry.value.value])).toEqual([[0, "a0"], [10, "a10"]]);
    expect(store.fetch("A", 10)).toEqual({ value: "a10", timestamp: 12 });
    store.put("A", null, 10);
    expect(store.fetch("A", 10)).toBeNull();
  });

  it("drops windows whose start is at or before the largest start put minus the retention", () => {
    const store = opened(windowStore(20));
    store.put("A", { value: "a0", timestamp: 0 }, 0);
    store.put("A", { value: "a20", timestamp: 20 }, 20);
    expect(store.fetch("A", 0)).toBeNull();
    store.put("A", { value: "late", timestamp: 0 }, 0);
    expect(pairs(store.all())).toEqual([["[A@20/30]", "a20"]]);
  });

  it("keeps every put of a duplicate store in put order, ignores deletes and finds nothing by exact lookup (as Java)", () => {
    const store = opened(windowStore(100, true));
    store.put("A", { value: "first", timestamp: 5 }, 5);
    store.put("A", { value: "second", timestamp: 5 }, 5);
    store.put("AB", { value: "other key", timestamp: 5 }, 5);
    store.put("A", null, 5);
    expect(store.fetch("A", 0, 10).map((entry) => entry.value.value)).toEqual(["first", "second"]);
    expect(store.fetch("A", 5)).toBeNull();
  });

  it("logs Java's changelog records and restores the same contents from them", () => {
    const log: Logged[] = [];
    const store = opened(windowStore(100), log);
    store.put("A", { value: "x", timestamp: 7 }, 0);
    store.put("B", { value: "y", timestamp: 9 }, 10);
    store.put("B", null, 10);
    expect(log).toEqual([
      // key bytes, window start (8 bytes), sequence number (4 bytes); the value without its timestamp, which is the record's
      { key: "41" + "0000000000000000" + "00000000", value: "78", timestamp: 7 },
      { key: "42" + "000000000000000a" + "00000000", value: "79", timestamp: 9 },
      { key: "42" + "000000000000000a" + "00000000", value: null, timestamp: 42 },
    ]);
    const copy = restoredCopy(windowStore(100), log);
    expect(copy.all()).toEqual(store.all());
    expect(copy.fetch("A", 0)).toEqual({ value: "x", timestamp: 7 });
  });
});

const sessionStore = (retention: number) => WindowStores.sessionStoreBuilder(WindowStores.inMemorySessionStore("s", retention), Serdes.String(), Serdes.String()).build();
const session = (key: string, start: number, end: number) => new Windowed(key, new SessionWindow(start, end));
const sessions = (entries: { key: Windowed<string>; value: string }[]) => entries.map((entry) => [entry.key.toString(), entry.value]);

describe("in-memory session store", () => {
  it("scans by session end, then key, then start descending; findSessions bounds are inclusive", () => {
    const store = opened(sessionStore(100));
    store.put(session("B", 0, 5), "b");
    store.put(session("A", 2, 5), "a2");
    store.put(session("A", 0, 5), "a0");
    store.put(session("A", 8, 9), "a8");
    expect(sessions(store.findSessions("A", "B", 0, 100))).toEqual([["[A@2/5]", "a2"], ["[A@0/5]", "a0"], ["[B@0/5]", "b"], ["[A@8/9]", "a8"]]);
    expect(sessions(store.backwardFindSessions("A", "B", 0, 100))).toEqual([["[A@8/9]", "a8"], ["[B@0/5]", "b"], ["[A@0/5]", "a0"], ["[A@2/5]", "a2"]]);
    // end >= 5 and start <= 2
    expect(sessions(store.findSessions("A", 5, 2))).toEqual([["[A@2/5]", "a2"], ["[A@0/5]", "a0"]]);
    expect(store.fetchSession("A", 8, 9)).toBe("a8");
    store.remove(session("A", 8, 9));
    expect(store.fetchSession("A", 8, 9)).toBeNull();
  });

  it("logs key bytes + end + start, and restores from the changelog", () => {
    const log: Logged[] = [];
    const store = opened(sessionStore(100), log);
    store.put(session("A", 3, 7), "x");
    store.remove(session("A", 3, 7));
    store.put(session("A", 3, 9), "y");
    expect(log[0]).toEqual({ key: "41" + "0000000000000007" + "0000000000000003", value: "78", timestamp: 42 });
    expect(log[1]!.value).toBeNull();
    const copy = restoredCopy(sessionStore(100), log);
    expect(sessions(copy.fetch("A"))).toEqual([["[A@3/9]", "y"]]);
  });
});
