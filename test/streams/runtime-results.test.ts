// The same topology, the same inputs: KafkaStreams on a real cluster (cache 0) writes the same records as the
// TopologyTestDriver — a windowed count with late records, a stream-table join, a GlobalKTable join and a
// table-table join, at least once and exactly once.
import type { Kafka } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KafkaCluster } from "../../checker/cluster/kafka-cluster.ts";
import { KeyValue, StreamsBuilder, type ProcessingGuarantee, type StreamsConfig, type Topology } from "../../checker/streams/index.ts";
import { KafkaStreams } from "../../checker/streams/runtime/kafka-streams.ts";
import { TimeWindows } from "../../checker/streams/kstream/windows/time-windows.ts";
import { byKey, clientFor, createTopics, driverOutput, produce, readTopic, RECENT, runStepwise, startCluster, waitUntilCommitted, type Input } from "./runtime-support.ts";

let cluster: KafkaCluster;
let kafka: Kafka;

beforeAll(async () => {
  cluster = await startCluster("streams-runtime-results");
  kafka = clientFor(cluster);
});

afterAll(async () => {
  await cluster?.stop();
});

const config = (applicationId: string, guarantee: ProcessingGuarantee): StreamsConfig => ({
  "application.id": applicationId,
  "bootstrap.servers": cluster.bootstrapServers,
  "statestore.cache.max.bytes": 0,
  "processing.guarantee": guarantee,
});

/** Tumbling 10 ms windows with 5 ms grace, counted per key; keys printed as Java's `[key@start/end]`. */
function windowedCount(input: string, output: string): Topology {
  const builder = new StreamsBuilder();
  builder
    .stream<string, string>(input)
    .groupByKey()
    .windowedBy(TimeWindows.ofSizeAndGrace(10, 5))
    .count()
    .toStream()
    .map((windowed, count) => KeyValue.pair(windowed.toString(), String(count)))
    .to(output);
  return builder.build();
}

describe.each(["at_least_once", "exactly_once_v2"] as const)("KafkaStreams vs the test driver (%s)", (guarantee) => {
  const tag = guarantee === "at_least_once" ? "alos" : "eos";

  it("a windowed count: same windows, counts, timestamps and late drops", async () => {
    const [input, output] = [`clicks-${tag}`, `clicks-per-window-${tag}`];
    // One partition: stream time is per task, so only then does every key see the same stream time as in the driver.
    await createTopics(kafka, { [input]: 1 });
    // Offsets from RECENT, a multiple of the window size, so windows are the same as from 0.
    const timestamps = [0, 3, 12, 9, 14, 1, 20, 4, 15, 35, 19, 31, 8, 40, 29];
    const inputs: Input[] = timestamps.map((timestamp, index) => ({ topic: input, key: ["A", "B", "C"][index % 3]!, value: "click", timestamp: RECENT + timestamp }));
    const topology = windowedCount(input, output);
    const expected = driverOutput(topology, config(`windowed-${tag}`, guarantee), inputs, output);
    // Late records (4 once stream time is 20, then 19, 8 and 29) are dropped: fewer outputs than inputs.
    expect(expected.length).toBeLessThan(inputs.length);

    await produce(kafka, inputs);
    const streams = new KafkaStreams(topology, { ...config(`windowed-${tag}`, guarantee), "commit.interval.ms": 100 });
    await streams.start();
    try {
      await waitUntilCommitted(kafka, `windowed-${tag}`, [input]);
      const actual = await readTopic(kafka, output, (records) => records.length >= expected.length);
      expect(actual).toEqual(expected);
    } finally {
      await streams.close();
    }
  });

  it("a stream-table left join: each order sees the customer as the table was when it arrived", async () => {
    const [orders, customers, output] = [`orders-${tag}`, `customers-${tag}`, `orders-enriched-${tag}`];
    await createTopics(kafka, { [orders]: 3, [customers]: 3 });
    const builder = new StreamsBuilder();
    builder
      .stream<string, string>(orders)
      .leftJoin(builder.table<string, string>(customers), (order, customer) => `${order} by ${customer}`)
      .to(output);
    const topology = builder.build();
    const steps: Array<[topic: string, key: string, value: string | null]> = [
      [customers, "c1", "Alice"],
      [orders, "c1", "o1"],
      [orders, "c2", "o2"],
      [customers, "c2", "Bob"],
      [orders, "c2", "o3"],
      [customers, "c1", "Alicia"],
      [orders, "c1", "o4"],
      [customers, "c2", null],
      [orders, "c2", "o5"],
      [orders, "c3", "o6"],
    ];
    const inputs: Input[] = steps.map(([topic, key, value], index) => ({ topic, key, value, timestamp: RECENT + index }));
    const expected = driverOutput(topology, config(`st-join-${tag}`, guarantee), inputs, output);
    expect(expected.map((record) => record.value)).toEqual(["o1 by Alice", "o2 by null", "o3 by Bob", "o4 by Alicia", "o5 by null", "o6 by null"]);

    const streams = await runStepwise(kafka, topology, config(`st-join-${tag}`, guarantee), inputs);
    try {
      const actual = await readTopic(kafka, output, (records) => records.length >= expected.length);
      expect(byKey(actual)).toEqual(byKey(expected));
    } finally {
      await streams.close();
    }
  });

  it("a stream-GlobalKTable join: the global table is read in full before the first order is processed", async () => {
    const [orders, products, output] = [`gorders-${tag}`, `products-${tag}`, `gorders-priced-${tag}`];
    await createTopics(kafka, { [orders]: 3, [products]: 2 });
    const builder = new StreamsBuilder();
    builder
      .stream<string, string>(orders)
      .join(builder.globalTable<string, string>(products), (_customer, product) => product, (product, price) => `${product}=${price}`)
      .to(output);
    const topology = builder.build();
    const catalogue: Input[] = ["apple:3", "pear:4", "plum:5", "apple:6"].map((entry, index) => {
      const [product, price] = entry.split(":") as [string, string];
      return { topic: products, key: product, value: price, timestamp: RECENT + index };
    });
    const purchases: Input[] = ["apple", "kiwi", "plum", "pear", "apple"].map((product, index) => ({ topic: orders, key: `c${index}`, value: product, timestamp: RECENT + 10 + index }));
    const expected = driverOutput(topology, config(`global-${tag}`, guarantee), [...catalogue, ...purchases], output);
    expect(expected.map((record) => record.value)).toEqual(["apple=6", "plum=5", "pear=4", "apple=6"]);

    await produce(kafka, [...catalogue, ...purchases]);
    const streams = new KafkaStreams(topology, { ...config(`global-${tag}`, guarantee), "commit.interval.ms": 100 });
    await streams.start();
    try {
      await waitUntilCommitted(kafka, `global-${tag}`, [orders]);
      const actual = await readTopic(kafka, output, (records) => records.length >= expected.length);
      expect(byKey(actual)).toEqual(byKey(expected));
    } finally {
      await streams.close();
    }
  });

  it("a table-table inner join: updates from both sides, tombstones, and the nulls they cause", async () => {
    const [left, right, output] = [`tt-left-${tag}`, `tt-right-${tag}`, `tt-joined-${tag}`];
    await createTopics(kafka, { [left]: 2, [right]: 2 });
    const builder = new StreamsBuilder();
    builder
      .table<string, string>(left)
      .join(builder.table<string, string>(right), (l, r) => `${l}+${r}`)
      .toStream()
      .to(output);
    const topology = builder.build();
    const steps: Array<[topic: string, key: string, value: string | null]> = [
      [left, "k1", "a"],
      [right, "k1", "x"],
      [left, "k1", "b"],
      [right, "k2", "y"],
      [left, "k2", "c"],
      [right, "k1", null],
      [left, "k1", "d"],
      [left, "k2", null],
      [right, "k1", "z"],
    ];
    const inputs: Input[] = steps.map(([topic, key, value], index) => ({ topic, key, value, timestamp: RECENT + index }));
    const expected = driverOutput(topology, config(`tt-join-${tag}`, guarantee), inputs, output);
    expect(expected.map((record) => record.value)).toEqual(["a+x", "b+x", "c+y", null, null, "d+z"]);

    const streams = await runStepwise(kafka, topology, config(`tt-join-${tag}`, guarantee), inputs);
    try {
      const actual = await readTopic(kafka, output, (records) => records.length >= expected.length);
      expect(byKey(actual)).toEqual(byKey(expected));
    } finally {
      await streams.close();
    }
  });
});
