import { describe, expect, it } from "vitest";
import { resolveStreamsConfig } from "../../checker/streams/config.ts";
import { JavaPriorityQueue } from "../../checker/streams/engine/java-priority-queue.ts";
import { StreamTask } from "../../checker/streams/engine/stream-task.ts";
import { StreamsError } from "../../checker/streams/errors.ts";
import { Serdes } from "../../checker/streams/serdes.ts";
import type { KeyValueStore } from "../../checker/streams/state/in-memory-key-value-store.ts";
import { Stores } from "../../checker/streams/state/stores.ts";
import { InternalTopologyBuilder } from "../../checker/streams/topology/internal-topology-builder.ts";
import type { Topology } from "../../checker/streams/topology/topology.ts";
import { CapturingCollector, bytes, custom, fanOut, logging } from "./engine-helpers.ts";

function taskFor(topology: Topology, collector = new CapturingCollector(), partition = 0): StreamTask {
  const task = new StreamTask({ topology, config: resolveStreamsConfig({}), applicationId: "app", partition, collector });
  task.initialize();
  return task;
}

function input(topic: string, offset: number, key: string | null, value: string | null, timestamp: number, partition = 0) {
  return { topic, partition, offset, key: bytes(key), value: bytes(value), timestamp, headers: [] };
}

describe("StreamTask forwarding", () => {
  it("forwards depth first: every child subtree finishes before the next record of the parent", () => {
    const log: string[] = [];
    const builder = new InternalTopologyBuilder();
    builder.addSource("src", ["in"]);
    builder.addProcessor("fan", fanOut(2), ["src"]);
    builder.addProcessor("x", logging("x", log), ["fan"]);
    builder.addProcessor("x2", logging("x2", log), ["x"]);
    builder.addProcessor("y", logging("y", log), ["fan"]);
    const task = taskFor(builder.build());
    task.processRecord(input("in", 0, "k", "v", 1));
    expect(log).toEqual(["x:v#1", "x2:v#1", "y:v#1", "x:v#2", "x2:v#2", "y:v#2"]);
  });

  it("forwards to one named child only, and rejects a name that is not a child", () => {
    const log: string[] = [];
    const builder = new InternalTopologyBuilder();
    builder.addSource("src", ["in"]);
    builder.addProcessor("router", custom((record, ctx) => ctx.forward(record, record.value === "to-y" ? "y" : "nowhere")), ["src"]);
    builder.addProcessor("x", logging("x", log), ["router"]);
    builder.addProcessor("y", logging("y", log), ["router"]);
    const task = taskFor(builder.build());
    task.processRecord(input("in", 0, "k", "to-y", 1));
    expect(log).toEqual(["y:to-y"]);
    const failure = catchError(() => task.processRecord(input("in", 1, "k", "other", 2)));
    expect(failure.message).toBe("Exception caught in process. taskId=0_0, processor=router, topic=in, partition=0, offset=1");
    expect((failure.cause as Error).message).toBe("Unknown downstream node: nowhere either does not exist or is not connected to this processor.");
  });

  it("names the failing processor and the input record when user code throws, with the original error as cause", () => {
    const builder = new InternalTopologyBuilder();
    builder.addSource("src", ["in"]);
    builder.addProcessor("ok", logging("ok", []), ["src"]);
    builder.addProcessor("boom", custom(() => {
      throw new Error("bad value");
    }), ["ok"]);
    const task = taskFor(builder.build(), new CapturingCollector(), 3);
    const failure = catchError(() => task.processRecord(input("in", 7, "k", "v", 1, 3)));
    expect(failure).toBeInstanceOf(StreamsError);
    expect(failure.message).toBe("Exception caught in process. taskId=0_3, processor=boom, topic=in, partition=3, offset=7");
    expect((failure.cause as Error).message).toBe("bad value");
  });

  it("sets the record context of the forwarded record, and the input's origin, for downstream processors", () => {
    const seen: string[] = [];
    const builder = new InternalTopologyBuilder();
    builder.addSource("src", ["in"]);
    builder.addProcessor("shift", custom((record, ctx) => ctx.forward({ ...record, timestamp: record.timestamp + 100 })), ["src"]);
    builder.addProcessor("check", custom((record, ctx) => seen.push(`${record.timestamp} ${ctx.recordOrigin?.topic}/${ctx.recordOrigin?.offset} ${ctx.taskId} ${ctx.applicationId}`)), ["shift"]);
    taskFor(builder.build()).processRecord(input("in", 4, "k", "v", 5));
    expect(seen).toEqual(["105 in/4 0_0 app"]);
  });

  it("rejects a forwarded record with a negative timestamp, as Java's Record does", () => {
    const builder = new InternalTopologyBuilder();
    builder.addSource("src", ["in"]);
    builder.addProcessor("neg", custom((record, ctx) => ctx.forward({ ...record, timestamp: -1 })), ["src"]);
    const failure = catchError(() => taskFor(builder.build()).processRecord(input("in", 0, "k", "v", 5)));
    expect(failure.message).toBe("Exception caught in process. taskId=0_0, processor=neg, topic=in, partition=0, offset=0");
    const malformed = failure.cause as Error;
    expect(malformed.message).toBe("Malformed Record");
    expect((malformed.cause as Error).message).toBe("Timestamp may not be negative. Got: -1");
  });
});

describe("StreamTask sources and sinks", () => {
  it("deserializes with the source's serdes, serializes with the sink's, and falls back to the default String serdes", () => {
    const collector = new CapturingCollector();
    const builder = new InternalTopologyBuilder();
    builder.addSource("src", ["numbers"], { keySerde: Serdes.String(), valueSerde: Serdes.Long() });
    builder.addProcessor("double", custom((record, ctx) => ctx.forward({ ...record, value: (record.value as number) * 2 })), ["src"]);
    builder.addSink("typed", "doubled", ["double"], { valueSerde: Serdes.Integer() });
    builder.addProcessor("text", custom((record, ctx) => ctx.forward({ ...record, value: `n=${String(record.value)}` })), ["src"]);
    builder.addSink("plain", "texts", ["text"]);
    const task = taskFor(builder.build(), collector);
    task.processRecord({ ...input("numbers", 0, "a", null, 9), value: Serdes.Long().serialize("numbers", 21) });
    expect(collector.records.map((record) => record.topic)).toEqual(["doubled", "texts"]);
    expect(collector.records[0]!.value).toEqual(Buffer.from([0, 0, 0, 42]));
    expect(collector.records[0]!.key?.toString()).toBe("a");
    expect(collector.lines()[1]).toBe("texts a=n=21@9");
  });

  it("prefixes internal topics with the application id, for sinks and sources", () => {
    const collector = new CapturingCollector();
    const builder = new InternalTopologyBuilder();
    builder.addSource("src", ["in"]);
    builder.addInternalTopic({ name: "by-word-repartition", kind: "repartition", partitions: undefined });
    builder.addSink("to-repartition", "by-word-repartition", ["src"]);
    builder.addSource("from-repartition", ["by-word-repartition"]);
    builder.addSink("out", "out", ["from-repartition"]);
    const task = taskFor(builder.build(), collector);
    expect(task.sourceTopics).toEqual(["in", "app-by-word-repartition"]);
    task.processRecord(input("in", 0, "k", "v", 1));
    expect(collector.lines()).toEqual(["app-by-word-repartition k=v@1"]);
  });

  it("uses a sink's partitioner with the topic's partition count, and a topic extractor for dynamic routing", () => {
    const collector = new CapturingCollector();
    const builder = new InternalTopologyBuilder();
    builder.addSource("src", ["in"]);
    builder.addSink("routed", (_key, value) => `topic-${String(value)}`, ["src"], { partitioner: (_key, _value, partitions) => partitions - 1 });
    taskFor(builder.build(), collector).processRecord(input("in", 0, "k", "x", 1));
    expect(collector.records.map((record) => [record.topic, record.partition])).toEqual([["topic-x", 3]]);
  });

  it("fails on a negative timestamp with the default extractor, and skips it with a custom extractor", () => {
    const plain = new InternalTopologyBuilder();
    plain.addSource("src", ["in"]);
    plain.addSink("out", "out", ["src"]);
    expect(() => taskFor(plain.build()).processRecord(input("in", 0, "k", "v", -1))).toThrow(/has invalid \(negative\) timestamp/);

    const collector = new CapturingCollector();
    const custom = new InternalTopologyBuilder();
    custom.addSource("src", ["in"], { timestampExtractor: (record) => Number(record.value) });
    custom.addSink("out", "out", ["src"]);
    const task = taskFor(custom.build(), collector);
    task.addRecords([input("in", 0, "a", "-5", 1), input("in", 1, "b", "7", 1)]);
    while (task.process());
    expect(collector.lines()).toEqual(["out b=7@7"]);
  });

  it("passes the partition time (highest timestamp so far, -1 before any) to the extractor", () => {
    const partitionTimes: number[] = [];
    const builder = new InternalTopologyBuilder();
    builder.addSource("src", ["in"], {
      timestampExtractor: (record, partitionTime) => {
        partitionTimes.push(partitionTime);
        return record.timestamp;
      },
    });
    builder.addSink("out", "out", ["src"]);
    const task = taskFor(builder.build());
    for (const [offset, ts] of [10, 4, 12].entries()) task.processRecord(input("in", offset, "k", "v", ts));
    expect(partitionTimes).toEqual([-1, 10, 10]);
  });

  it("wraps a deserialization error with Java's fail-handler message", () => {
    const builder = new InternalTopologyBuilder();
    builder.addSource("src", ["in"], { valueSerde: Serdes.Long() });
    builder.addSink("out", "out", ["src"]);
    const failure = catchError(() => taskFor(builder.build()).processRecord(input("in", 0, "k", "abc", 1)));
    expect(failure.message).toMatch(/^Deserialization exception handler is set to fail upon a deserialization error/);
    expect((failure.cause as Error).message).toBe("Size of data received by LongDeserializer is not 8");
  });
});

describe("StreamTask record choice", () => {
  it("takes the next record from the partition whose head has the smallest timestamp", () => {
    const collector = new CapturingCollector();
    const builder = new InternalTopologyBuilder();
    builder.addSource("src", ["left", "right"]);
    builder.addSink("out", "out", ["src"]);
    const task = taskFor(builder.build(), collector);
    task.addRecords([input("left", 0, "l", "l0", 5), input("left", 1, "l", "l1", 1), input("right", 0, "r", "r0", 3)]);
    while (task.process());
    // left's head (5) is behind right's (3); once l0 is taken, left's head is l1 at 1.
    expect(collector.lines()).toEqual(["out r=r0@3", "out l=l0@5", "out l=l1@1"]);
  });

  it("breaks timestamp ties the way java.util.PriorityQueue does", () => {
    const queue = new JavaPriorityQueue<[number, string]>((a, b) => a[0] - b[0]);
    for (const item of [[5, "a"], [5, "b"], [5, "c"], [1, "d"]] as const) queue.offer([...item]);
    const order: string[] = [];
    for (let item = queue.poll(); item; item = queue.poll()) order.push(item[1]);
    expect(order).toEqual(["d", "b", "c", "a"]);
  });
});

describe("StreamTask stores", () => {
  it("gives a processor only the stores it is connected to", () => {
    const builder = new InternalTopologyBuilder();
    builder.addSource("src", ["in"]);
    builder.addProcessor("reader", custom((_record, ctx) => ctx.getStateStore("counts")), ["src"]);
    builder.addProcessor("owner", custom(() => undefined), ["src"]);
    builder.addStateStore(countsStore(), ["owner"]);
    const failure = catchError(() => taskFor(builder.build()).processRecord(input("in", 0, "k", "v", 1)));
    expect((failure.cause as Error).message).toMatch(/^Processor reader has no access to StateStore counts as the store is not connected to the processor/);
  });

  it("builds only connected stores, initializes them before processors, and logs to <app>-<store>-changelog on the task's partition", () => {
    const collector = new CapturingCollector();
    const builder = new InternalTopologyBuilder();
    builder.addSource("src", ["in"]);
    builder.addProcessor("count", custom((record, ctx) => {
      const store = ctx.getStateStore<KeyValueStore<string, number>>("counts");
      const next = (store.get(record.key as string) ?? 0) + 1;
      store.put(record.key as string, next);
      ctx.forward({ ...record, value: String(next) });
    }), ["src"]);
    builder.addStateStore(countsStore(), ["count"]);
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("unused")));
    builder.addSink("out", "out", ["count"]);
    const task = taskFor(builder.build(), collector, 2);
    task.processRecord(input("in", 0, "a", "x", 10, 2));
    task.processRecord(input("in", 1, "a", "y", 20, 2));
    expect(task.store("unused")).toBeUndefined();
    const decoded = collector.records.map((record) => {
      const value = record.topic === "out" ? record.value?.toString() : Serdes.Integer().deserialize(record.topic, record.value);
      return [record.topic, record.partition, record.key?.toString(), value, record.timestamp];
    });
    expect(decoded).toEqual([
      ["app-counts-changelog", 2, "a", 1, 10],
      ["out", undefined, "a", "1", 10],
      ["app-counts-changelog", 2, "a", 2, 20],
      ["out", undefined, "a", "2", 20],
    ]);
  });
});

function countsStore() {
  return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("counts"), Serdes.String(), Serdes.Integer());
}

function catchError(action: () => void): Error {
  try {
    action();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected an error");
}
