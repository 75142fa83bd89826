// Stateless KStream operators on the TopologyTestDriver. Expected records follow Java 4.4.0 (KStreamFilter, KStreamMap,
// KStreamFlatMap…, BranchedKStreamImpl/KStreamBranch, KStreamImpl.merge/to/repartition): user functions see null keys
// and values, timestamps pass through unchanged, forwarding is depth first in the order children were added.
// The repartition (null key, left join) expectations were run once through Java 4.4.0's TopologyTestDriver and
// matched; the oracle's stateless-* scenarios cover the other operators.
import { describe, expect, it } from "vitest";
import { Branched, KeyValue, Named, Produced, Repartitioned, Serdes, StreamsBuilder } from "../../checker/streams/index.ts";
import { APP, driverFor, pipe, read, run, producedTopics } from "./dsl-harness.ts";

const big = (value: string | null): boolean => value !== null && Number(value) > 5;

describe("filter / filterNot", () => {
  it("keep or drop each record by the predicate, which also sees null keys and values", () => {
    const builder = new StreamsBuilder();
    const source = builder.stream<string | null, string | null>("in");
    source.filter((_k, v) => big(v)).to("out");
    source.filterNot((_k, v) => big(v)).to("rest");
    const driver = driverFor(builder.build());
    pipe(driver, [
      ["in", "A", "7", 1],
      ["in", "B", "3", 2],
      ["in", null, "9", 3],
      ["in", "C", null, 4],
    ]);
    expect(read(driver)).toEqual([
      ["A", "7", 1],
      [null, "9", 3],
    ]);
    expect(read(driver, "rest")).toEqual([
      ["B", "3", 2],
      ["C", null, 4],
    ]);
    driver.close();
  });
});

describe("map / mapValues / selectKey", () => {
  it("map replaces key and value, keeping the timestamp", () => {
    const builder = new StreamsBuilder();
    builder.stream<string, string>("in").map((k, v) => KeyValue.pair(v, k)).to("out");
    expect(run(builder.build(), [["in", "A", "x", 5], ["in", null, "y", 6]])).toEqual([
      ["x", "A", 5],
      ["y", null, 6],
    ]);
  });

  it("mapValues gets (value, key) and keeps the key; a null value reaches the mapper", () => {
    const builder = new StreamsBuilder();
    builder.stream<string, string | null>("in").mapValues((v, k) => `${k}:${v === null ? "null" : v.toUpperCase()}`).to("out");
    expect(run(builder.build(), [["in", "A", "x", 5], ["in", "B", null, 7]])).toEqual([
      ["A", "A:X", 5],
      ["B", "B:null", 7],
    ]);
  });

  it("selectKey replaces only the key", () => {
    const builder = new StreamsBuilder();
    builder.stream<string, string>("in").selectKey((_k, v) => v.slice(0, 1)).to("out");
    expect(run(builder.build(), [["in", "A", "xyz", 5]])).toEqual([["x", "xyz", 5]]);
  });
});

describe("flatMap / flatMapValues", () => {
  it("emit zero or more records, each with the input's timestamp, in iteration order", () => {
    const builder = new StreamsBuilder();
    const source = builder.stream<string, string>("in");
    source.flatMap((k, v) => v.split(" ").filter(Boolean).map((word) => KeyValue.pair(word, k))).to("out");
    source.flatMapValues((v) => v.split(" ").filter(Boolean)).to("values");
    const driver = driverFor(builder.build());
    pipe(driver, [
      ["in", "A", "b a", 3],
      ["in", "B", "", 4],
    ]);
    expect(read(driver)).toEqual([
      ["b", "A", 3],
      ["a", "A", 3],
    ]);
    expect(read(driver, "values")).toEqual([
      ["A", "b", 3],
      ["A", "a", 3],
    ]);
    driver.close();
  });
});

describe("peek / foreach", () => {
  it("run side effects depth first: a record goes all the way down one branch before the next sibling sees it", () => {
    const seen: string[] = [];
    const builder = new StreamsBuilder();
    const source = builder.stream<string, string>("in");
    source
      .peek((k, v) => seen.push(`peek ${k}=${v}`))
      .mapValues((v) => v.toUpperCase())
      .foreach((k, v) => seen.push(`after-map ${k}=${v}`));
    source.foreach((k, v) => seen.push(`foreach ${k}=${v}`));
    run(builder.build(), [["in", "A", "x", 1], ["in", "B", "y", 2]]);
    expect(seen).toEqual(["peek A=x", "after-map A=X", "foreach A=x", "peek B=y", "after-map B=Y", "foreach B=y"]);
  });
});

describe("split", () => {
  const topology = (withDefault: boolean) => {
    const builder = new StreamsBuilder();
    const split = builder
      .stream<string, string>("in")
      .split(Named.as("s-"))
      .branch((_k, v) => big(v), Branched.as("big"))
      .branch((k) => k === "A");
    const branches = withDefault ? split.defaultBranch(Branched.as("rest")) : split.noDefaultBranch();
    for (const [name, stream] of branches) stream.to(`out-${name}`);
    return builder.build();
  };
  const inputs = [
    ["in", "A", "9", 1],
    ["in", "A", "1", 2],
    ["in", "B", "2", 3],
  ] as const;

  it("sends each record to the first matching branch only, else to the default branch", () => {
    const driver = driverFor(topology(true));
    pipe(driver, inputs);
    expect(read(driver, "out-s-big")).toEqual([["A", "9", 1]]);
    expect(read(driver, "out-s-2")).toEqual([["A", "1", 2]]);
    expect(read(driver, "out-s-rest")).toEqual([["B", "2", 3]]);
    driver.close();
  });

  it("drops unmatched records without a default branch", () => {
    const driver = driverFor(topology(false));
    pipe(driver, inputs);
    expect(producedTopics(driver)).toEqual(["out-s-2", "out-s-big"]);
    driver.close();
  });
});

describe("merge / to", () => {
  it("merge forwards both inputs in processing order", () => {
    const builder = new StreamsBuilder();
    builder.stream<string, string>("left").merge(builder.stream<string, string>("right")).to("out");
    expect(run(builder.build(), [["left", "A", "1", 1], ["right", "B", "2", 2], ["left", "C", "3", 3]])).toEqual([
      ["A", "1", 1],
      ["B", "2", 2],
      ["C", "3", 3],
    ]);
  });

  it("to() with an extractor picks the topic per record; Produced serdes override the stream's", () => {
    const builder = new StreamsBuilder();
    builder
      .stream<string, string>("in")
      .mapValues((v) => Number(v))
      .to((_k, v) => (v % 2 === 0 ? "out-even" : "out-odd"), Produced.with(Serdes.String(), Serdes.Integer()));
    const driver = driverFor(builder.build());
    pipe(driver, [
      ["in", "A", "2", 1],
      ["in", "B", "3", 2],
    ]);
    expect(read(driver, "out-even", Serdes.Integer())).toEqual([["A", 2, 1]]);
    expect(read(driver, "out-odd", Serdes.Integer())).toEqual([["B", 3, 2]]);
    driver.close();
  });
});

describe("repartition", () => {
  it("writes through <app>-<name>-repartition and reads back the same records, dropping null keys", () => {
    const builder = new StreamsBuilder();
    builder.stream<string, string>("in").selectKey((_k, v) => v).repartition().to("out");
    builder.stream<string, string>("in2").repartition(Repartitioned.as("named")).to("out");
    const driver = driverFor(builder.build());
    // Java 4.4.0 (InternalStreamsBuilder.rewriteRepartitionNodes, KIP-962): a repartition filter drops null keys
    // unless a left/outer join downstream accepts them.
    pipe(driver, [
      ["in", "A", "x", 4],
      ["in2", null, "y", 5],
      ["in2", "B", "z", 6],
    ]);
    expect(read(driver)).toEqual([
      ["x", "x", 4],
      ["B", "z", 6],
    ]);
    expect(producedTopics(driver)).toEqual([`${APP}-KSTREAM-REPARTITION-0000000002-repartition`, `${APP}-named-repartition`, "out"]);
    driver.close();
  });
});

describe("repartition before a left join", () => {
  it("keeps null keys (KIP-962): Java leaves the filter open when a left/outer join is downstream", () => {
    // Verified with Java 4.4.0's TopologyTestDriver: out = [(null, n+null), (y, y+null)].
    const builder = new StreamsBuilder();
    const table = builder.table<string, string>("t");
    builder
      .stream<string, string>("in")
      .selectKey((_k, v) => (v === "n" ? (null as unknown as string) : v))
      .repartition()
      .leftJoin(table, (v, tableValue) => `${v}+${tableValue}`)
      .to("out");
    expect(run(builder.build(), [["in", "A", "n", 1], ["in", "B", "y", 2]])).toEqual([
      [null, "n+null", 1],
      ["y", "y+null", 2],
    ]);
  });
});

describe("toTable", () => {
  it("drops null keys and forwards tombstones; after a key change it repartitions first", () => {
    const builder = new StreamsBuilder();
    builder.stream<string | null, string | null>("in").toTable().toStream().to("out");
    builder
      .stream<string, string>("in2")
      .selectKey((_k, v) => v)
      .toTable()
      .toStream()
      .to("out2");
    const driver = driverFor(builder.build());
    pipe(driver, [
      ["in", null, "x", 1],
      ["in", "A", "x", 2],
      ["in", "A", null, 3],
      ["in2", "B", "y", 4],
    ]);
    expect(read(driver)).toEqual([
      ["A", "x", 2],
      ["A", null, 3],
    ]);
    expect(read(driver, "out2")).toEqual([["y", "y", 4]]);
    expect(producedTopics(driver)).toContain(`${APP}-KSTREAM-TOTABLE-0000000007-repartition`);
    driver.close();
  });
});
