// Serdes, timestamps and names carried by Consumed / Produced / Grouped / Materialized / Printed, and old values
// flowing through a chain of table operators. Expected behaviour follows Java 4.4.0 (see each test).
// The extractor, null-key, filter→groupBy and print expectations were also run once through Java 4.4.0's
// TopologyTestDriver and matched.
import { afterEach, describe, expect, it, vi } from "vitest";
import { Consumed, KeyValue, Materialized, Printed, Produced, Serdes, StreamsBuilder } from "../../checker/streams/index.ts";
import { driverFor, read, run } from "./dsl-harness.ts";

describe("Consumed", () => {
  it("a timestamp extractor sets the event time every downstream operator sees", () => {
    const builder = new StreamsBuilder();
    builder
      .stream<string, string>("in", Consumed.with(Serdes.String(), Serdes.String(), (record) => Number(record.value)))
      .groupByKey()
      .count()
      .toStream()
      .to("out");
    expect(run(builder.build(), [["in", "A", "500", 1], ["in", "A", "300", 2]], "out", Serdes.Long())).toEqual([
      ["A", 1, 500],
      ["A", 2, 500],
    ]);
  });

  it("source serdes flow to the aggregation's store and the repartition topic (groupByKey keeps the stream's serdes)", () => {
    const builder = new StreamsBuilder();
    builder
      .stream("in", Consumed.with(Serdes.String(), Serdes.Integer()))
      .groupByKey()
      .reduce((sum, value) => sum + value)
      .toStream()
      .to("out", Produced.with(Serdes.String(), Serdes.Integer()));
    const driver = driverFor(builder.build());
    const input = driver.createInputTopic("in", Serdes.String(), Serdes.Integer());
    input.pipeInput("A", 2, 1);
    input.pipeInput("A", 40, 2);
    expect(read(driver, "out", Serdes.Integer())).toEqual([
      ["A", 2, 1],
      ["A", 42, 2],
    ]);
    driver.close();
  });
});

describe("grouping on a null key", () => {
  it("passes the repartition topic and is dropped by the aggregation", () => {
    const builder = new StreamsBuilder();
    builder
      .stream<string, string>("in")
      .groupBy((_k, v) => (v === "skip" ? (null as unknown as string) : v))
      .count()
      .toStream()
      .to("out");
    const driver = driverFor(builder.build());
    const input = driver.createInputTopic("in", Serdes.String(), Serdes.String());
    input.pipeInput("1", "skip", 1);
    input.pipeInput("2", "x", 2);
    expect(read(driver, "out", Serdes.Long())).toEqual([["x", 1, 2]]);
    expect(driver.producedTopicNames().has("app-KSTREAM-AGGREGATE-STATE-STORE-0000000002-repartition")).toBe(true);
    driver.close();
  });
});

describe("old values through a table chain", () => {
  it("filter then groupBy: the filter computes old values from its parent so the count can subtract", () => {
    const builder = new StreamsBuilder();
    builder
      .table<string, string>("in")
      .filter((_k, v) => Number(v) > 5)
      .groupBy((_k, v) => KeyValue.pair("all", v))
      .count()
      .toStream()
      .to("out");
    expect(
      run(
        builder.build(),
        [
          ["in", "A", "7", 1],
          ["in", "A", "2", 2],
          ["in", "A", "9", 3],
        ],
        "out",
        Serdes.Long(),
      ),
    ).toEqual([
      ["all", 1, 1],
      ["all", 0, 2],
      ["all", 1, 3],
    ]);
  });

  it("mapValues takes Materialized's serdes; toStream(mapper) re-keys", () => {
    const builder = new StreamsBuilder();
    builder
      .table<string, string>("in")
      .mapValues((v) => v.length, Materialized.with<string, number>(Serdes.String(), Serdes.Integer()))
      .toStream((k, v) => `${k}#${v}`)
      .to("out", Produced.with(Serdes.String(), Serdes.Integer()));
    expect(run(builder.build(), [["in", "A", "abc", 1]], "out", Serdes.Integer())).toEqual([["A#3", 3, 1]]);
  });
});

describe("print", () => {
  afterEach(() => vi.restoreAllMocks());

  it("prints [label]: key, value with the parent node's name as default label", () => {
    const lines: string[] = [];
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    const builder = new StreamsBuilder();
    const source = builder.stream<string, string | null>("in");
    source.print(Printed.toSysOut());
    source.print(Printed.toSysOut<string, string | null>().withLabel("mine").withKeyValueMapper((k, v) => `${k}=${v}`));
    run(builder.build(), [["in", "A", null, 1]]);
    expect(lines).toEqual(["[KSTREAM-SOURCE-0000000000]: A, null\n", "[mine]: A=null\n"]);
  });
});
