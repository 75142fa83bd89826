// KTable-KTable equi-joins (Java's KTableKTableInnerJoin/LeftJoin/RightJoin/OuterJoin and KTableKTableJoinMerger, Kafka
// Streams 4.4.0). Expected rows and store contents were produced by Java's TopologyTestDriver on the same topology and
// inputs (see joins-harness.ts).
import { describe, expect, it } from "vitest";
import { KeyValue, Materialized, Named, Serdes, StreamsBuilder, type KTable } from "../../checker/streams/index.ts";
import type { ProcessorNode } from "../../checker/streams/topology/nodes.ts";
import { APP } from "./dsl-harness.ts";
import { inputs, joiner, runSteps } from "./joins-harness.ts";

type Kind = "inner" | "left" | "outer";

function tableJoin(kind: Kind, options: { named?: Named; materialized?: Materialized<string, string> } = {}): StreamsBuilder {
  const builder = new StreamsBuilder();
  const left = builder.table<string, string>("L");
  const right = builder.table<string, string>("R");
  const { named, materialized } = options;
  const joins: Record<Kind, () => KTable<string, string>> = {
    inner: () => left.join(right, joiner, named, materialized),
    left: () => left.leftJoin(right, joiner, named, materialized),
    outer: () => left.outerJoin(right, joiner, named, materialized),
  };
  joins[kind]().toStream().to("out");
  return builder;
}

describe("the docs' table-table join table", () => {
  // dsl-api.html "Semantics of table-table equi-joins": one key, both sides trigger, tombstones propagate.
  const DOCS = inputs(`
    L k ~ 1
    R k ~ 2
    L k A 3
    R k a 4
    L k B 5
    R k b 6
    L k ~ 7
    R k ~ 8
    L k C 9
    R k c 10
    R k ~ 11
    L k ~ 12
    R k ~ 13
    R k d 14
    L k D 15`);

  it("inner join: a result while both sides have a value, a tombstone when the match goes away", () => {
    const { outputs, topics } = runSteps(tableJoin("inner").build(), DOCS);
    expect(outputs).toEqual([[3, "k", "A+a", 4], [4, "k", "B+a", 5], [5, "k", "B+b", 6], [6, "k", null, 7], [9, "k", "C+c", 10], [10, "k", null, 11], [14, "k", "D+d", 15]]);
    // Both source tables were materialized because the join reads them.
    expect(topics).toEqual([`${APP}-L-STATE-STORE-0000000000-changelog`, `${APP}-R-STATE-STORE-0000000003-changelog`, "out"]);
  });

  it("left join: a result while the left side has a value", () => {
    expect(runSteps(tableJoin("left").build(), DOCS).outputs).toEqual([
      [2, "k", "A+null", 3],
      [3, "k", "A+a", 4],
      [4, "k", "B+a", 5],
      [5, "k", "B+b", 6],
      [6, "k", null, 7],
      [8, "k", "C+null", 9],
      [9, "k", "C+c", 10],
      [10, "k", "C+null", 11],
      [11, "k", null, 12],
      [14, "k", "D+d", 15],
    ]);
  });

  it("outer join: a result while either side has a value, a tombstone when both are gone", () => {
    expect(runSteps(tableJoin("outer").build(), DOCS).outputs).toEqual([
      [2, "k", "A+null", 3],
      [3, "k", "A+a", 4],
      [4, "k", "B+a", 5],
      [5, "k", "B+b", 6],
      [6, "k", "null+b", 7],
      [7, "k", null, 8],
      [8, "k", "C+null", 9],
      [9, "k", "C+c", 10],
      [10, "k", "C+null", 11],
      [11, "k", null, 12],
      [13, "k", "null+d", 14],
      [14, "k", "D+d", 15],
    ]);
  });
});

describe("table-table result timestamps", () => {
  // Updates arrive out of timestamp order: each result carries max(this update's timestamp, the other side's).
  const LINES = inputs(`
    R k a 10
    L k A 5
    R k b 3
    L k ~ 4
    L j B 20
    R j c 7
    R j ~ 6`);

  it("are the larger of the two sides' timestamps", () => {
    expect(runSteps(tableJoin("inner").build(), LINES).outputs).toEqual([[1, "k", "A+a", 10], [2, "k", "A+b", 5], [3, "k", null, 4], [5, "j", "B+c", 20], [6, "j", null, 20]]);
    expect(runSteps(tableJoin("left").build(), LINES).outputs).toEqual([
      [1, "k", "A+a", 10],
      [2, "k", "A+b", 5],
      [3, "k", null, 4],
      [4, "j", "B+null", 20],
      [5, "j", "B+c", 20],
      [6, "j", "B+null", 20],
    ]);
    expect(runSteps(tableJoin("outer").build(), LINES).outputs).toEqual([
      [0, "k", "null+a", 10],
      [1, "k", "A+a", 10],
      [2, "k", "A+b", 5],
      [3, "k", "null+b", 4],
      [4, "j", "B+null", 20],
      [5, "j", "B+c", 20],
      [6, "j", "B+null", 20],
    ]);
  });
});

describe("materialized table-table joins", () => {
  const LINES = inputs(`
    L k A 1
    R k a 2
    L k ~ 3
    R j b 4
    L j B 5
    R j ~ 6`);
  const EXPECTED: Record<Kind, unknown[]> = {
    inner: [[1, "k", "A+a", 2], [2, "k", null, 3], [4, "j", "B+b", 5], [5, "j", null, 6]],
    left: [[0, "k", "A+null", 1], [1, "k", "A+a", 2], [2, "k", null, 3], [4, "j", "B+b", 5], [5, "j", "B+null", 6]],
    outer: [[0, "k", "A+null", 1], [1, "k", "A+a", 2], [2, "k", "null+a", 3], [3, "j", "null+b", 4], [4, "j", "B+b", 5], [5, "j", "B+null", 6]],
  };
  // What the result store holds at the end: the result of the last update per key, at max(left, right) timestamp.
  const STORED: Record<Kind, [string, string, number][]> = {
    inner: [],
    left: [["j", "B+null", 6]],
    outer: [["j", "B+null", 6], ["k", "null+a", 3]],
  };

  for (const kind of ["inner", "left", "outer"] as const) {
    it(`${kind} join with Materialized.as writes the result store and its changelog`, () => {
      const { outputs, topics, driver } = runSteps(tableJoin(kind, { materialized: Materialized.as("joined") }).build(), LINES);
      expect(outputs).toEqual(EXPECTED[kind]);
      expect(topics).toEqual([`${APP}-L-STATE-STORE-0000000000-changelog`, `${APP}-R-STATE-STORE-0000000003-changelog`, `${APP}-joined-changelog`, "out"]);
      const store = driver.getTimestampedKeyValueStore<string, string>("joined")!;
      expect(store.all().map(({ key, value }) => [key, value.value, value.timestamp])).toEqual(STORED[kind]);
    });
  }

  it("an unnamed Materialized takes KTABLE-MERGE-STATE-STORE-… before the merge node's name, as Java does", () => {
    const topology = tableJoin("left", { materialized: Materialized.with(Serdes.String(), Serdes.String()) }).build();
    const merge = topology.parts.nodes.find((node) => node.name.startsWith("KTABLE-MERGE-")) as ProcessorNode;
    expect(merge.name).toBe("KTABLE-MERGE-0000000007");
    expect(merge.stores).toEqual(["KTABLE-MERGE-STATE-STORE-0000000006"]);
    expect(runSteps(topology, LINES).topics).toContain(`${APP}-KTABLE-MERGE-STATE-STORE-0000000006-changelog`);
  });
});

describe("table-table join nodes", () => {
  it("are KTABLE-JOINTHIS/JOINOTHER, each reading the other table's store, merged by KTABLE-MERGE", () => {
    const topology = tableJoin("inner").build();
    const processors = new Map(topology.parts.nodes.filter((node): node is ProcessorNode => node.kind === "processor").map((node) => [node.name, node]));
    expect(processors.get("KTABLE-JOINTHIS-0000000007")).toMatchObject({ parents: ["KTABLE-SOURCE-0000000002"], stores: ["R-STATE-STORE-0000000003"] });
    expect(processors.get("KTABLE-JOINOTHER-0000000008")).toMatchObject({ parents: ["KTABLE-SOURCE-0000000005"], stores: ["L-STATE-STORE-0000000000"] });
    expect(processors.get("KTABLE-MERGE-0000000006")).toMatchObject({ parents: ["KTABLE-JOINTHIS-0000000007", "KTABLE-JOINOTHER-0000000008"], stores: [] });
    expect(topology.parts.copartitionGroups).toEqual([["L", "R"]]);
  });

  it("with Named: <name>-join-this, <name>-join-other and <name> for the merge node", () => {
    const names = tableJoin("outer", { named: Named.as("people") })
      .build()
      .parts.nodes.map((node) => node.name);
    expect(names).toEqual(expect.arrayContaining(["people-join-this", "people-join-other", "people"]));
  });
});

describe("joined tables downstream", () => {
  // (L join R) leftJoin S, the first join not materialized (its value getter computes it from both stores), then a
  // groupBy/count that needs old values: the subtract-then-add pairs prove the join forwards Change(new, old). S m mz finds no inner result for m (R has none).
  it("a join of a join computes through value getters and sends old values to groupBy", () => {
    const builder = new StreamsBuilder();
    const joined = builder.table<string, string>("L").join(builder.table<string, string>("R"), joiner).leftJoin(builder.table<string, string>("S"), joiner);
    joined.toStream().to("out");
    joined
      .groupBy((_key, value) => KeyValue.pair(value.substring(0, 1), value))
      .count()
      .toStream()
      .mapValues((count) => String(count))
      .to("counts");
    const LINES = inputs(`
      L k Ax 1
      R k ay 2
      S k az 3
      S k ~ 4
      L k Bx 5
      R k ~ 6
      L j Cx 7
      R j cy 8
      L m Mx 9
      S m mz 10
      S j jz 11`);
    const topology = builder.build();
    expect(runSteps(topology, LINES).outputs).toEqual([
      [1, "k", "Ax+ay+null", 2],
      [2, "k", "Ax+ay+az", 3],
      [3, "k", "Ax+ay+null", 4],
      [4, "k", "Bx+ay+null", 5],
      [5, "k", null, 6],
      [7, "j", "Cx+cy+null", 8],
      [10, "j", "Cx+cy+jz", 11],
    ]);
    expect(runSteps(topology, LINES, "counts").outputs).toEqual([
      [1, "A", "1", 2],
      [2, "A", "1", 3],
      [3, "A", "1", 4],
      [4, "A", "0", 5],
      [4, "B", "1", 5],
      [5, "B", "0", 6],
      [7, "C", "1", 8],
      [10, "C", "1", 11],
    ]);
  });
});
