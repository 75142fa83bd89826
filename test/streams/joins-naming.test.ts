// Names of stream-stream join nodes, stores, changelogs and repartition topics, as Java's KStreamImpl.doJoin and
// KStreamImplJoin.join (Kafka Streams 4.4.0) give them; checked against Java's Topology.describe() and
// producedTopicNames() for the same topologies. Both inputs change their key, so both are repartitioned first.
import { describe, expect, it } from "vitest";
import { JoinWindows, Serdes, StreamJoined, StreamsBuilder, TopologyException, type KStream } from "../../checker/streams/index.ts";
import type { ProcessorNode } from "../../checker/streams/topology/nodes.ts";
import type { Topology } from "../../checker/streams/topology/topology.ts";
import { APP } from "./dsl-harness.ts";
import { inputs, joiner, runSteps } from "./joins-harness.ts";

type Kind = "inner" | "left" | "outer";

function rekeyedJoin(kind: Kind, streamJoined: StreamJoined<string, string, string>): Topology {
  const builder = new StreamsBuilder();
  const left = builder.stream<string, string>("L").selectKey((_key, value) => value.substring(0, 1));
  const right = builder.stream<string, string>("R").selectKey((_key, value) => value.substring(0, 1));
  const windows = JoinWindows.ofTimeDifferenceWithNoGrace(10);
  const joins: Record<Kind, () => KStream<string, string>> = {
    inner: () => left.join(right, joiner, windows, streamJoined),
    left: () => left.leftJoin(right, joiner, windows, streamJoined),
    outer: () => left.outerJoin(right, joiner, windows, streamJoined),
  };
  joins[kind]().to("out");
  return builder.build();
}

const serdes = (): StreamJoined<string, string, string> => StreamJoined.with(Serdes.String(), Serdes.String(), Serdes.String());

/** The join's processors after the two repartition steps: name → its stores (sorted: Java prints a set). */
function joinProcessors(topology: Topology): Record<string, string[]> {
  return Object.fromEntries(
    topology.parts.nodes
      .filter((node): node is ProcessorNode => node.kind === "processor" && !/KEY-SELECT|FILTER|repartition/.test(node.name))
      .map((node) => [node.name, [...node.stores].sort()]),
  );
}

const LINES = inputs(`
  L x a1 0
  R y a2 5
  L x b1 6
  R y c1 30`);

describe("generated names", () => {
  it("inner join: KSTREAM-WINDOWED ×2, JOINTHIS, JOINOTHER, MERGE; stores <join processor>-store", () => {
    const topology = rekeyedJoin("inner", serdes());
    expect(joinProcessors(topology)).toEqual({
      "KSTREAM-WINDOWED-0000000010": ["KSTREAM-JOINTHIS-0000000012-store"],
      "KSTREAM-WINDOWED-0000000011": ["KSTREAM-JOINOTHER-0000000013-store"],
      "KSTREAM-JOINTHIS-0000000012": ["KSTREAM-JOINOTHER-0000000013-store"],
      "KSTREAM-JOINOTHER-0000000013": ["KSTREAM-JOINTHIS-0000000012-store"],
      "KSTREAM-MERGE-0000000014": [],
    });
    // The next operator's name shows the join took exactly Java's counter values.
    expect(topology.parts.nodes.map((node) => node.name)).toContain("KSTREAM-SINK-0000000015");
    const { outputs, topics } = runSteps(topology, LINES);
    expect(outputs).toEqual([[1, "a", "a1+a2", 5]]);
    expect(topics).toEqual([
      `${APP}-KSTREAM-JOINOTHER-0000000013-store-changelog`,
      `${APP}-KSTREAM-JOINTHIS-0000000012-store-changelog`,
      `${APP}-KSTREAM-KEY-SELECT-0000000001-repartition`,
      `${APP}-KSTREAM-KEY-SELECT-0000000003-repartition`,
      "out",
    ]);
  });

  it("left join: JOINTHIS and OUTEROTHER, plus the shared KSTREAM-OUTERSHARED-<this join's number>-store", () => {
    expect(joinProcessors(rekeyedJoin("left", serdes()))).toEqual({
      "KSTREAM-WINDOWED-0000000010": ["KSTREAM-JOINTHIS-0000000012-store"],
      "KSTREAM-WINDOWED-0000000011": ["KSTREAM-OUTEROTHER-0000000013-store"],
      "KSTREAM-JOINTHIS-0000000012": ["KSTREAM-OUTEROTHER-0000000013-store", "KSTREAM-OUTERSHARED-0000000012-store"],
      "KSTREAM-OUTEROTHER-0000000013": ["KSTREAM-JOINTHIS-0000000012-store", "KSTREAM-OUTERSHARED-0000000012-store"],
      "KSTREAM-MERGE-0000000014": [],
    });
  });

  it("outer join: OUTERTHIS and OUTEROTHER", () => {
    const { outputs, topics } = runSteps(rekeyedJoin("outer", serdes()), LINES);
    expect(outputs).toEqual([[1, "a", "a1+a2", 5], [3, "b", "b1+null", 6]]);
    expect(topics).toEqual([
      `${APP}-KSTREAM-KEY-SELECT-0000000001-repartition`,
      `${APP}-KSTREAM-KEY-SELECT-0000000003-repartition`,
      `${APP}-KSTREAM-OUTEROTHER-0000000013-store-changelog`,
      `${APP}-KSTREAM-OUTERSHARED-0000000012-store-changelog`,
      `${APP}-KSTREAM-OUTERTHIS-0000000012-store-changelog`,
      "out",
    ]);
  });
});

describe("StreamJoined names", () => {
  it("withName names the processors and the repartition topics <name>-left/-right-repartition", () => {
    const topology = rekeyedJoin("left", serdes().withName("jn"));
    expect(joinProcessors(topology)).toEqual({
      "jn-this-windowed": ["KSTREAM-JOINTHIS-0000000012-store"],
      "jn-other-windowed": ["KSTREAM-OUTEROTHER-0000000013-store"],
      "jn-this-join": ["KSTREAM-OUTEROTHER-0000000013-store", "KSTREAM-OUTERSHARED-0000000012-store"],
      "jn-outer-other-join": ["KSTREAM-JOINTHIS-0000000012-store", "KSTREAM-OUTERSHARED-0000000012-store"],
      "jn-merge": [],
    });
    const names = topology.parts.nodes.map((node) => node.name);
    expect(names).toEqual(expect.arrayContaining(["jn-left-repartition-sink", "jn-left-repartition-filter", "jn-left-repartition-source", "jn-right-repartition-source"]));
    expect(runSteps(topology, LINES).topics).toEqual(expect.arrayContaining([`${APP}-jn-left-repartition`, `${APP}-jn-right-repartition`]));
  });

  it("withStoreName names the stores <store>-this-join-store, <store>-outer-other-join-store, <store>-left-shared-join-store", () => {
    const topology = rekeyedJoin("left", serdes().withStoreName("st"));
    expect(joinProcessors(topology)).toMatchObject({
      "KSTREAM-JOINTHIS-0000000012": ["st-left-shared-join-store", "st-outer-other-join-store"],
      "KSTREAM-OUTEROTHER-0000000013": ["st-left-shared-join-store", "st-this-join-store"],
    });
  });

  it("an outer join's stores are <store>-outer-this-join-store, -outer-other-join-store and -outer-shared-join-store", () => {
    const { topics } = runSteps(rekeyedJoin("outer", serdes().withName("jn").withStoreName("st")), LINES);
    expect(topics).toEqual([
      `${APP}-jn-left-repartition`,
      `${APP}-jn-right-repartition`,
      `${APP}-st-outer-other-join-store-changelog`,
      `${APP}-st-outer-shared-join-store-changelog`,
      `${APP}-st-outer-this-join-store-changelog`,
      "out",
    ]);
  });

  it("withLoggingDisabled leaves the join stores without changelogs", () => {
    const { topics } = runSteps(rekeyedJoin("outer", serdes().withLoggingDisabled()), LINES);
    expect(topics).toEqual([`${APP}-KSTREAM-KEY-SELECT-0000000001-repartition`, `${APP}-KSTREAM-KEY-SELECT-0000000003-repartition`, "out"]);
  });

  it("window store changelogs are cleanup.policy=delete (duplicates cannot be compacted); the shared store's is compacted", () => {
    const stores = new Map(rekeyedJoin("left", serdes().withLoggingEnabled({ "segment.ms": "1000" })).parts.stores.map((store) => [store.name, store.changelogConfig]));
    expect(stores.get("KSTREAM-JOINTHIS-0000000012-store")).toMatchObject({ "cleanup.policy": "delete", "segment.ms": "1000" });
    expect(stores.get("KSTREAM-OUTERSHARED-0000000012-store")).toMatchObject({ "cleanup.policy": "compact", "segment.ms": "1000" });
  });

  it("an invalid name fails like Java's Named validation", () => {
    expect(() => rekeyedJoin("inner", serdes().withName("no spaces"))).toThrow(TopologyException);
  });
});

describe("co-partitioning registration", () => {
  it("a join registers the topics of both inputs (after repartitioning) as one co-partition group", () => {
    expect(rekeyedJoin("inner", serdes()).parts.copartitionGroups).toEqual([["KSTREAM-KEY-SELECT-0000000001-repartition", "KSTREAM-KEY-SELECT-0000000003-repartition"]]);
  });

  it("without a key change the source topics are registered directly", () => {
    const builder = new StreamsBuilder();
    builder.stream<string, string>("L").join(builder.stream<string, string>("R"), joiner, JoinWindows.ofTimeDifferenceWithNoGrace(5)).to("out");
    expect(builder.build().parts.copartitionGroups).toEqual([["L", "R"]]);
  });
});
