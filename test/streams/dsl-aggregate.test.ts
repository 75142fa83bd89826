// KGroupedStream count/reduce/aggregate on the TopologyTestDriver (cache size 0: every update is emitted). Expected
// records follow Java 4.4.0's KStreamAggregate / KStreamReduce: null keys and null values are dropped, the output
// timestamp is max(record, stored aggregate), a key-changing operation repartitions before the aggregation.
// The record-level expectations were also run once through Java 4.4.0's TopologyTestDriver (kafka-streams-test-utils)
// and matched.
import { describe, expect, it } from "vitest";
import { Grouped, Materialized, Produced, Serdes, StreamsBuilder, type Serde } from "../../checker/streams/index.ts";
import { APP, driverFor, pipe, read, run, type Input, producedTopics } from "./dsl-harness.ts";

const inputs: Input[] = [
  ["in", "A", "1", 10],
  ["in", "B", "2", 20],
  ["in", "A", "3", 5], // out of order: the aggregate keeps timestamp 10
  ["in", null, "4", 30], // null key: dropped
  ["in", "A", null, 40], // null value: dropped
  ["in", "B", "5", 50],
];

describe("KGroupedStream", () => {
  it("count emits every update as a Long, dropping null keys and values", () => {
    const builder = new StreamsBuilder();
    builder.stream<string, string>("in").groupByKey().count().toStream().to("out");
    expect(run(builder.build(), inputs, "out", Serdes.Long())).toEqual([
      ["A", 1, 10],
      ["B", 1, 20],
      ["A", 2, 10],
      ["B", 2, 50],
    ]);
  });

  it("reduce starts from the first value and combines (aggregate, value)", () => {
    const builder = new StreamsBuilder();
    builder
      .stream<string, string>("in")
      .groupByKey()
      .reduce((aggregate, value) => String(Number(aggregate) + Number(value)))
      .toStream()
      .to("out");
    expect(run(builder.build(), inputs)).toEqual([
      ["A", "1", 10],
      ["B", "2", 20],
      ["A", "4", 10],
      ["B", "7", 50],
    ]);
  });

  it("aggregate starts from the initializer and calls aggregator(key, value, aggregate)", () => {
    const builder = new StreamsBuilder();
    builder
      .stream<string, string>("in")
      .groupByKey()
      .aggregate(
        () => "",
        (key, value, aggregate) => `${aggregate}${key}${value}`,
        Materialized.with(Serdes.String(), Serdes.String()),
      )
      .toStream()
      .to("out");
    expect(run(builder.build(), inputs)).toEqual([
      ["A", "A1", 10],
      ["B", "B2", 20],
      ["A", "A1A3", 10],
      ["B", "B2B5", 50],
    ]);
  });

  it("a reducer returning null deletes the key and emits a tombstone", () => {
    const builder = new StreamsBuilder();
    builder
      .stream<string, string>("in")
      .groupByKey()
      .reduce((_aggregate, value) => (value === "stop" ? (null as unknown as string) : value))
      .toStream()
      .to("out");
    expect(run(builder.build(), [["in", "A", "x", 1], ["in", "A", "stop", 2], ["in", "A", "y", 3]])).toEqual([
      ["A", "x", 1],
      ["A", null, 2],
      ["A", "y", 3],
    ]);
  });

  it("groupBy repartitions through <app>-<store>-repartition and logs to <app>-<store>-changelog", () => {
    const builder = new StreamsBuilder();
    builder
      .stream<string, string>("in")
      .groupBy((_k, v) => v)
      .count(Materialized.as("counts"))
      .toStream()
      .to("out");
    const driver = driverFor(builder.build());
    pipe(driver, [
      ["in", "1", "x", 1],
      ["in", "2", "y", 2],
      ["in", "3", "x", 3],
    ]);
    expect(read(driver, "out", Serdes.Long())).toEqual([
      ["x", 1, 1],
      ["y", 1, 2],
      ["x", 2, 3],
    ]);
    expect(producedTopics(driver)).toEqual([`${APP}-counts-changelog`, `${APP}-counts-repartition`, "out"]);
    expect(driver.getKeyValueStore<string, number>("counts")!.get("x")).toBe(2);
    expect(driver.getTimestampedKeyValueStore<string, number>("counts")!.get("x")).toEqual({ value: 2, timestamp: 3 });
    driver.close();
  });

  it("a grouped stream with a Grouped name repartitions once for two aggregations", () => {
    const builder = new StreamsBuilder();
    const grouped = builder.stream<string, string>("in").groupBy((_k, v) => v, Grouped.as("by-value"));
    grouped.count().toStream().to("counts");
    grouped
      .reduce((a, b) => a + b)
      .toStream()
      .to("joined");
    const driver = driverFor(builder.build());
    pipe(driver, [
      ["in", "1", "x", 1],
      ["in", "2", "x", 2],
    ]);
    expect(read(driver, "counts", Serdes.Long())).toEqual([
      ["x", 1, 1],
      ["x", 2, 2],
    ]);
    expect(read(driver, "joined")).toEqual([
      ["x", "x", 1],
      ["x", "xx", 2],
    ]);
    expect(producedTopics(driver).filter((topic) => topic.endsWith("-repartition"))).toEqual([`${APP}-by-value-repartition`]);
    driver.close();
  });

  it("reusing a Grouped-named repartition moves it after siblings added before the reuse (Java re-adds the graph node)", () => {
    // Verified with Java 4.4.0: one aggregation → [repartition, sibling]; a second one → [sibling, repartition, …].
    const writes = (reuse: boolean): string[] => {
      const log: string[] = [];
      const logging = (tag: string): Serde<string> => ({
        serialize: (_topic, data) => {
          log.push(tag);
          return data === null ? null : Buffer.from(data);
        },
        deserialize: (_topic, bytes) => (bytes === null ? null : bytes.toString()),
      });
      const builder = new StreamsBuilder();
      const rekeyed = builder.stream<string, string>("in").selectKey((_k, v) => v);
      const grouped = rekeyed.groupByKey(Grouped.with("A", Serdes.String(), logging("repartition")));
      grouped.count().toStream().to("out");
      rekeyed.to("out2", Produced.with(Serdes.String(), logging("sibling")));
      if (reuse) grouped.reduce((a, b) => a + b).toStream().to("out3");
      run(builder.build(), [["in", "k", "x", 1]]);
      return log.slice(0, 2);
    };
    expect(writes(false)).toEqual(["repartition", "sibling"]);
    expect(writes(true)).toEqual(["sibling", "repartition"]);
  });

  it("withLoggingDisabled leaves no changelog topic", () => {
    const builder = new StreamsBuilder();
    builder.stream<string, string>("in").groupByKey().count(Materialized.as<string, number>("c").withLoggingDisabled()).toStream().to("out");
    const driver = driverFor(builder.build());
    pipe(driver, [["in", "A", "1", 1]]);
    expect(producedTopics(driver)).toEqual(["out"]);
    driver.close();
  });
});
