// KTable operators on the TopologyTestDriver (cache size 0). Expected records follow Java 4.4.0's KTableSource,
// KTableFilter, KTableMapValues, KTableRepartitionMap and KTableAggregate/KTableReduce (see each test).
// The record-level expectations were also run once through Java 4.4.0's TopologyTestDriver (kafka-streams-test-utils)
// and matched.
import { describe, expect, it } from "vitest";
import { KeyValue, Materialized, Serdes, StreamsBuilder, type KGroupedTable } from "../../checker/streams/index.ts";
import { changeSerde } from "../../checker/streams/kstream/internals/change-serde.ts";
import { APP, driverFor, pipe, read, run, type Input, producedTopics } from "./dsl-harness.ts";

const big = (value: string): boolean => Number(value) > 5;

describe("source table", () => {
  it("drops null keys and forwards every update, tombstones included (even for keys never seen)", () => {
    const builder = new StreamsBuilder();
    builder.table<string, string>("in").toStream().to("out");
    expect(
      run(builder.build(), [
        ["in", null, "x", 1],
        ["in", "A", "x", 2],
        ["in", "A", "x", 3],
        ["in", "B", null, 4],
        ["in", "A", null, 5],
      ]),
    ).toEqual([
      ["A", "x", 2],
      ["A", "x", 3],
      ["B", null, 4],
      ["A", null, 5],
    ]);
  });

  it("a named store holds the latest value per key; a tombstone deletes it", () => {
    const builder = new StreamsBuilder();
    builder.table<string, string>("in", Materialized.as("t"));
    const driver = driverFor(builder.build());
    pipe(driver, [
      ["in", "A", "x", 2],
      ["in", "B", "y", 3],
      ["in", "A", null, 4],
      ["in", "B", "z", 1], // out of order: still applied (last offset wins)
    ]);
    const store = driver.getTimestampedKeyValueStore<string, string>("t")!;
    expect(store.get("A")).toBeNull();
    expect(store.get("B")).toEqual({ value: "z", timestamp: 1 });
    expect(producedTopics(driver)).toEqual([`${APP}-t-changelog`]);
    driver.close();
  });
});

describe("KTable.filter", () => {
  const updates: Input[] = [
    ["in", "A", "1", 1],
    ["in", "A", "7", 2],
    ["in", "A", "2", 3],
    ["in", "B", null, 4],
    ["in", "A", "3", 5],
  ];

  it("over a non-materialized table turns every non-match into a tombstone", () => {
    const builder = new StreamsBuilder();
    builder
      .table<string, string>("in")
      .filter((_k, v) => big(v))
      .toStream()
      .to("out");
    expect(run(builder.build(), updates)).toEqual([
      ["A", null, 1],
      ["A", "7", 2],
      ["A", null, 3],
      ["B", null, 4],
      ["A", null, 5],
    ]);
  });

  it("over a materialized table sends old values and skips updates that were out before and after", () => {
    const builder = new StreamsBuilder();
    builder
      .table<string, string>("in", Materialized.as("source"))
      .filter((_k, v) => big(v))
      .toStream()
      .to("out");
    expect(run(builder.build(), updates)).toEqual([
      ["A", "7", 2],
      ["A", null, 3],
    ]);
  });

  it("filterNot keeps the non-matches", () => {
    const builder = new StreamsBuilder();
    builder
      .table<string, string>("in")
      .filterNot((_k, v) => big(v))
      .toStream()
      .to("out");
    expect(run(builder.build(), updates.slice(0, 2))).toEqual([
      ["A", "1", 1],
      ["A", null, 2],
    ]);
  });

  it("with its own store name it is materialized and queryable", () => {
    const builder = new StreamsBuilder();
    const filtered = builder.table<string, string>("in").filter((_k, v) => big(v), Materialized.as("big"));
    expect(filtered.queryableStoreName).toBe("big");
    const driver = driverFor(builder.build());
    pipe(driver, updates.slice(0, 3));
    expect(driver.getKeyValueStore<string, string>("big")!.get("A")).toBeNull();
    pipe(driver, [["in", "C", "9", 6]]);
    expect(driver.getKeyValueStore<string, string>("big")!.get("C")).toBe("9");
    driver.close();
  });
});

describe("KTable.mapValues", () => {
  it("maps values with (value, key) and passes tombstones without calling the mapper", () => {
    const calls: string[] = [];
    const builder = new StreamsBuilder();
    builder
      .table<string, string>("in")
      .mapValues((v, k) => {
        calls.push(k);
        return `${k}:${v.toUpperCase()}`;
      })
      .toStream()
      .to("out");
    expect(run(builder.build(), [["in", "A", "x", 1], ["in", "A", null, 2]])).toEqual([
      ["A", "A:X", 1],
      ["A", null, 2],
    ]);
    expect(calls).toEqual(["A"]);
  });
});

describe("KTable.groupBy (regrouped tables)", () => {
  // user → region; each update moves the user between regions.
  const moves: Input[] = [
    ["in", "alice", "x", 10],
    ["in", "bob", "x", 20],
    ["in", "alice", "y", 30], // different group: subtract from x, then add to y (two records)
    ["in", "alice", "y", 25], // same group: one combined Change (KIP-904), timestamp stays 30
    ["in", "bob", null, 40], // delete: subtract from x, which drops to 0 and is emitted as 0
  ];

  const regroup = (builder: StreamsBuilder): KGroupedTable<string, string> =>
    builder.table<string, string>("in").groupBy((user, region) => KeyValue.pair(region, user));

  it("count subtracts the old group then adds the new one; a count of 0 stays", () => {
    const builder = new StreamsBuilder();
    regroup(builder).count().toStream().to("out");
    const driver = driverFor(builder.build());
    pipe(driver, moves);
    expect(read(driver, "out", Serdes.Long())).toEqual([
      ["x", 1, 10],
      ["x", 2, 20],
      ["x", 1, 30],
      ["y", 1, 30],
      ["y", 1, 30],
      ["x", 0, 40],
    ]);
    expect(producedTopics(driver)).toEqual([
      `${APP}-KTABLE-AGGREGATE-STATE-STORE-0000000004-changelog`,
      `${APP}-KTABLE-AGGREGATE-STATE-STORE-0000000004-repartition`,
      `${APP}-in-STATE-STORE-0000000000-changelog`,
      "out",
    ]);
    driver.close();
  });

  it("aggregate calls the subtractor and adder with the values", () => {
    const builder = new StreamsBuilder();
    regroup(builder)
      .aggregate(
        () => "",
        (_region, user, members) => `${members}+${user}`,
        (_region, user, members) => `${members}-${user}`,
      )
      .toStream()
      .to("out");
    expect(run(builder.build(), moves).map(([key, value]) => `${key}=${value}`)).toEqual(["x=+alice", "x=+alice+bob", "x=+alice+bob-alice", "y=+alice", "y=+alice-alice+alice", "x=+alice+bob-alice-bob"]);
  });

  it("reduce: a subtractor returning null deletes the group (tombstone)", () => {
    const builder = new StreamsBuilder();
    builder
      .table<string, string>("in")
      .groupBy((_user, amount) => KeyValue.pair("total", amount))
      .reduce(
        (sum, amount) => String(Number(sum) + Number(amount)),
        (sum, amount) => (Number(sum) - Number(amount) === 0 ? (null as unknown as string) : String(Number(sum) - Number(amount))),
      )
      .toStream()
      .to("out");
    expect(
      run(builder.build(), [
        ["in", "a", "5", 1],
        ["in", "b", "3", 2],
        ["in", "a", "4", 3],
        ["in", "a", null, 4],
        ["in", "b", null, 5],
      ]),
    ).toEqual([
      ["total", "5", 1],
      ["total", "8", 2],
      ["total", "7", 3],
      ["total", "3", 4],
      ["total", null, 5],
    ]);
  });
});

describe("Change serde (KGroupedTable repartition topic)", () => {
  it("writes Java's ChangedSerializer bytes and reads them back", () => {
    const serde = changeSerde(Serdes.String());
    expect(serde.serialize("t", { newValue: "a", oldValue: null })).toEqual(Buffer.from([0x61, 1]));
    expect(serde.serialize("t", { newValue: null, oldValue: "b" })).toEqual(Buffer.from([0x62, 0]));
    // zigzag varint of length 1 is 0x02
    expect(serde.serialize("t", { newValue: "a", oldValue: "bc" })).toEqual(Buffer.from([0x02, 0x61, 0x62, 0x63, 2]));
    expect(serde.deserialize("t", Buffer.from([0x02, 0x61, 0x62, 0x63, 2]))).toEqual({ newValue: "a", oldValue: "bc" });
    expect(serde.deserialize("t", Buffer.from([0x61, 1, 4]))).toEqual({ newValue: "a", oldValue: null });
    expect(() => serde.serialize("t", { newValue: null, oldValue: null })).toThrow("Both old and new values are null");
  });

  it("without an inner serde takes the config's default value serde", () => {
    const serde = changeSerde<string>(undefined).withDefaults!({ key: Serdes.String(), value: Serdes.String() });
    expect(serde.deserialize("t", serde.serialize("t", { newValue: "n", oldValue: "o" }))).toEqual({ newValue: "n", oldValue: "o" });
  });
});
