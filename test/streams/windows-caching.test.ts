// Windowed aggregations forward through the record cache when their store caches (Java's CachingWindowStore /
// CachingSessionStore): updates of one window (or session) are compacted until a flush (commit) or eviction, which
// forwards the latest aggregate with the old value read from the underlying store. With no cache bytes, every update
// is forwarded at once. Run on a StreamTask wired with the runtime's record cache, as KafkaStreams does.
import { describe, expect, it } from "vitest";
import { resolveStreamsConfig } from "../../checker/streams/config.ts";
import { StreamTask } from "../../checker/streams/engine/stream-task.ts";
import { SessionWindows, SlidingWindows, StreamsBuilder, TimeWindows, type KTable } from "../../checker/streams/index.ts";
import type { Windowed } from "../../checker/streams/kstream/windows/windowed.ts";
import type { Change, StreamRecord } from "../../checker/streams/processor/record.ts";
import { keyValueCacheFactory } from "../../checker/streams/state/caching/caching-key-value-layer.ts";
import { RecordCache } from "../../checker/streams/state/caching/record-cache.ts";
import { CapturingCollector } from "./engine-helpers.ts";

type Update = [window: string, newValue: number | null, oldValue: number | null, timestamp: number];
type Aggregation = (builder: StreamsBuilder) => KTable<Windowed<string>, number>;

const timeWindowCount: Aggregation = (builder) => builder.stream<string, string>("in").groupByKey().windowedBy(TimeWindows.ofSizeWithNoGrace(10)).count();
const slidingCount: Aggregation = (builder) => builder.stream<string, string>("in").groupByKey().windowedBy(SlidingWindows.ofTimeDifferenceWithNoGrace(10)).count();
const sessionCount: Aggregation = (builder) => builder.stream<string, string>("in").groupByKey().windowedBy(SessionWindows.ofInactivityGapWithNoGrace(100)).count();

/** The aggregation's table updates (with old values, as a downstream table operator would ask), captured in order. */
function aggregationTask(aggregation: Aggregation, cacheMaxBytes: number): { task: StreamTask; updates: Update[] } {
  const builder = new StreamsBuilder();
  const table = aggregation(builder);
  table.enableSendingOldValues(true);
  const updates: Update[] = [];
  table.builder.addProcessor("capture", () => ({
    init: () => undefined,
    process: (record: StreamRecord<Windowed<string>, Change<number>>) => {
      updates.push([record.key.toString(), record.value.newValue, record.value.oldValue, record.timestamp]);
    },
  }), [table.name]);
  const recordCache = cacheMaxBytes > 0 ? new RecordCache(cacheMaxBytes) : undefined;
  const task = new StreamTask({
    topology: builder.build(),
    config: resolveStreamsConfig({ "application.id": "app" }),
    applicationId: "app",
    partition: 0,
    collector: new CapturingCollector(),
    cacheMaxBytes,
    keyValueCache: recordCache && keyValueCacheFactory(recordCache),
    recordCache,
  });
  task.initialize();
  return { task, updates };
}

function pipe(task: StreamTask, records: ReadonlyArray<[key: string, timestamp: number]>, firstOffset = 0): void {
  records.forEach(([key, timestamp], index) =>
    task.processRecord({ topic: "in", partition: 0, offset: firstOffset + index, key: Buffer.from(key), value: Buffer.from("v"), timestamp, headers: [] }),
  );
}

describe("record cache for window stores", () => {
  it("holds every update of a window until flush, then forwards one compacted update with the stored old value", () => {
    const { task, updates } = aggregationTask(timeWindowCount, 1024 * 1024);
    pipe(task, [["A", 1], ["A", 5], ["A", 3]]);
    expect(updates).toEqual([]);
    task.flush();
    expect(updates).toEqual([["[A@0/10]", 3, null, 5]]);
    // The next flush reads the old value back from the underlying store.
    pipe(task, [["A", 7], ["A", 2]], 3);
    expect(updates).toHaveLength(1);
    task.flush();
    expect(updates.slice(1)).toEqual([["[A@0/10]", 5, 3, 7]]);
    task.flush();
    expect(updates).toHaveLength(2);
    task.close();
  });

  it("compacts per window: updates of two keys' windows forward once each, in the order they were last written", () => {
    const { task, updates } = aggregationTask(timeWindowCount, 1024 * 1024);
    pipe(task, [["B", 1], ["A", 2], ["B", 4], ["A", 3]]);
    task.flush();
    expect(updates).toEqual([
      ["[B@0/10]", 2, null, 4],
      ["[A@0/10]", 2, null, 3],
    ]);
    task.close();
  });

  it("forwards on eviction when the cache is too small to hold the window", () => {
    const { task, updates } = aggregationTask(timeWindowCount, 1);
    pipe(task, [["A", 1], ["A", 2]]);
    expect(updates).toEqual([
      ["[A@0/10]", 1, null, 1],
      ["[A@0/10]", 2, 1, 2],
    ]);
    task.close();
  });

  it("forwards every update at once when the task has no cache bytes", () => {
    const { task, updates } = aggregationTask(timeWindowCount, 0);
    pipe(task, [["A", 1], ["A", 5], ["A", 3]]);
    expect(updates).toEqual([
      ["[A@0/10]", 1, 0, 1],
      ["[A@0/10]", 2, 1, 5],
      ["[A@0/10]", 3, 2, 5],
    ]);
    task.close();
  });
});

describe("record cache for session stores", () => {
  it("forwards the merged session once on flush, with the replaced session removed", () => {
    const { task, updates } = aggregationTask(sessionCount, 1024 * 1024);
    pipe(task, [["A", 10], ["A", 50], ["A", 30]]);
    expect(updates).toEqual([]);
    task.flush();
    // Sessions [10,10] and [10,50] were created and replaced inside the cache: never stored, so nothing to retract.
    expect(updates).toEqual([["[A@10/50]", 3, null, 50]]);
    task.close();
  });

  it("forwards every session update at once when the task has no cache bytes", () => {
    const { task, updates } = aggregationTask(sessionCount, 0);
    pipe(task, [["A", 10], ["A", 50]]);
    expect(updates).toEqual([
      ["[A@10/10]", 1, null, 10],
      ["[A@10/10]", null, 1, 10],
      ["[A@10/50]", 2, null, 50],
    ]);
    task.close();
  });
});

describe("reads through the cache", () => {
  // Sliding and session aggregates read back windows they wrote earlier (range scans merge cache and store), so
  // the flushed result must equal the last uncached update of every window.
  const records: Array<[string, number]> = [["A", 5], ["B", 6], ["A", 12], ["A", 9], ["B", 30], ["A", 14], ["A", 40], ["B", 33]];

  function lastPerWindow(updates: Update[]): Map<string, number | null> {
    return new Map(updates.map(([window, newValue]) => [window, newValue]));
  }

  it.each([
    ["sliding", slidingCount],
    ["session", sessionCount],
  ])("%s windows: one flush at the end gives every window's final aggregate", (_name, aggregation) => {
    const cached = aggregationTask(aggregation, 1024 * 1024);
    const uncached = aggregationTask(aggregation, 0);
    pipe(cached.task, records);
    pipe(uncached.task, records);
    expect(cached.updates).toEqual([]);
    cached.task.flush();
    const expected = new Map([...lastPerWindow(uncached.updates)].filter(([, value]) => value !== null));
    expect(lastPerWindow(cached.updates)).toEqual(expected);
    expect(cached.updates).toHaveLength(expected.size);
    cached.task.close();
    uncached.task.close();
  });
});
