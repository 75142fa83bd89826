// Table processors forward through the record cache when their store caches (Java's TimestampedTupleForwarder +
// TimestampedCacheFlushListener): nothing is emitted per update, and a flush (commit) emits the latest value per key
// with the stored timestamp. Run on a StreamTask with the runtime's record cache, as KafkaStreams does.
import { describe, expect, it } from "vitest";
import { resolveStreamsConfig } from "../../checker/streams/config.ts";
import type { ProducedRecord } from "../../checker/streams/engine/record-collector.ts";
import { StreamTask } from "../../checker/streams/engine/stream-task.ts";
import { Materialized, Serdes, StreamsBuilder } from "../../checker/streams/index.ts";
import { keyValueCacheFactory } from "../../checker/streams/state/caching/caching-key-value-layer.ts";
import { RecordCache } from "../../checker/streams/state/caching/record-cache.ts";

function countTask(materialized: Materialized<string, number>): { task: StreamTask; sent: ProducedRecord[] } {
  const builder = new StreamsBuilder();
  builder.stream<string, string>("in").groupByKey().count(materialized).toStream().to("out");
  const sent: ProducedRecord[] = [];
  const task = new StreamTask({
    topology: builder.build(),
    config: resolveStreamsConfig({ "application.id": "app" }),
    applicationId: "app",
    partition: 0,
    collector: { send: (record) => sent.push(record), partitionsFor: () => 1 },
    cacheMaxBytes: 1024 * 1024,
    keyValueCache: keyValueCacheFactory(new RecordCache(1024 * 1024)),
  });
  task.initialize();
  return { task, sent };
}

function pipe(task: StreamTask, records: ReadonlyArray<[key: string, timestamp: number]>): void {
  records.forEach(([key, timestamp], offset) =>
    task.processRecord({ topic: "in", partition: 0, offset, key: Buffer.from(key), value: Buffer.from("v"), timestamp, headers: [] }),
  );
}

function outputs(sent: ProducedRecord[]): Array<[string, number, number]> {
  return sent
    .filter((record) => record.topic === "out")
    .map((record) => [Serdes.String().deserialize("out", record.key)!, Serdes.Long().deserialize("out", record.value)!, record.timestamp]);
}

describe("record cache", () => {
  it("holds a cached aggregation's updates until flush, then emits the latest per key with its timestamp", () => {
    const { task, sent } = countTask(Materialized.as("counts"));
    pipe(task, [
      ["A", 5],
      ["A", 9],
      ["B", 7],
      ["A", 8],
    ]);
    expect(outputs(sent)).toEqual([]);
    task.flush();
    expect(outputs(sent)).toEqual([
      ["B", 1, 7],
      ["A", 3, 9],
    ]);
    task.close();
  });

  it("forwards every update when Materialized disables caching", () => {
    const { task, sent } = countTask(Materialized.as<string, number>("counts").withCachingDisabled());
    pipe(task, [
      ["A", 5],
      ["A", 9],
    ]);
    expect(outputs(sent)).toEqual([
      ["A", 1, 5],
      ["A", 2, 9],
    ]);
    task.close();
  });
});
