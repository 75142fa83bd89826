// The start-up co-partitioning check (Java's CopartitionedTopicsEnforcer over InternalTopologyBuilder.copartitionGroups,
// Kafka Streams 4.4.0) and its build-time half (InternalTopologyBuilder.validateCopartition).
import { describe, expect, it } from "vitest";
import { IllegalStateError, JoinWindows, Repartitioned, StreamsBuilder, TopologyException } from "../../checker/streams/index.ts";
import { checkCopartitioning, validateCopartitionAtBuild } from "../../checker/streams/kstream/joins/copartitioning.ts";

const counts = (entries: Record<string, number>): Map<string, number> => new Map(Object.entries(entries));

describe("checkCopartitioning", () => {
  it("passes when the joined topics have the same number of partitions", () => {
    expect(checkCopartitioning([["a", "b"]], counts({ a: 3, b: 3 }))).toEqual(new Map());
  });

  it("fails with Java's text: the counts as a TreeMap, sorted by topic", () => {
    expect(() => checkCopartitioning([["b", "a"]], counts({ a: 3, b: 2 }))).toThrow(new TopologyException("Topics not co-partitioned: [{a=3, b=2}]"));
    expect(() => checkCopartitioning([["b", "a"]], counts({ a: 3, b: 2 }))).toThrow("Invalid topology: Topics not co-partitioned: [{a=3, b=2}]");
    expect(() => checkCopartitioning([["x", "y"]], counts({ x: 1, y: 4 }), new Map(), "stream-thread [app-1] ")).toThrow(
      "Invalid topology: stream-thread [app-1] Topics not co-partitioned: [{x=1, y=4}]",
    );
  });

  it("merges groups that share a topic, as Java's copartitionGroups() does", () => {
    expect(() => checkCopartitioning([["a", "b"], ["c", "b"]], counts({ a: 2, b: 2, c: 5 }))).toThrow("Topics not co-partitioned: [{a=2, b=2, c=5}]");
    expect(() => checkCopartitioning([["a", "b"], ["c", "d"]], counts({ a: 2, b: 2, c: 5, d: 5 }))).not.toThrow();
  });

  it("gives repartition topics the source topics' count, unless the user fixed a different one", () => {
    const repartition = new Map([["r", { partitions: 2, enforced: false }]]);
    expect(checkCopartitioning([["a", "r"]], counts({ a: 4 }), repartition)).toEqual(new Map([["r", 4]]));
    const fixed = new Map([["r", { partitions: 2, enforced: true }]]);
    expect(() => checkCopartitioning([["a", "r"]], counts({ a: 4 }), fixed)).toThrow(
      new TopologyException("Number of partitions [2] of repartition topic [r] doesn't match number of partitions [4] of the source topic."),
    );
  });

  it("a group of repartition topics only takes the largest count, or the common fixed one", () => {
    const derived = new Map([
      ["r1", { partitions: 2, enforced: false }],
      ["r2", { partitions: 6, enforced: false }],
    ]);
    expect(checkCopartitioning([["r1", "r2"]], new Map(), derived)).toEqual(new Map([["r1", 6], ["r2", 6]]));
    const conflicting = new Map([
      ["r1", { partitions: 2, enforced: true }],
      ["r2", { partitions: 6, enforced: true }],
    ]);
    expect(() => checkCopartitioning([["r1", "r2"]], new Map(), conflicting)).toThrow(
      new TopologyException("Following topics do not have the same number of partitions: [{r1=2, r2=6}]"),
    );
  });

  it("a topic missing from the cluster is an illegal state", () => {
    expect(() => checkCopartitioning([["a", "gone"]], counts({ a: 1 }))).toThrow(new IllegalStateError("Topic not found: gone"));
  });
});

describe("validateCopartitionAtBuild", () => {
  it("rejects a group whose repartition topics all have different fixed counts", () => {
    const topics = [
      { name: "r1", kind: "repartition" as const, partitions: 2 },
      { name: "r2", kind: "repartition" as const, partitions: 3 },
    ];
    expect(() => validateCopartitionAtBuild([["r1", "r2"]], topics)).toThrow("Invalid topology: Following topics do not have the same number of partitions: [{r1=2, r2=3}]");
    expect(() => validateCopartitionAtBuild([["r1", "source"]], topics)).not.toThrow();
  });

  it("runs at StreamsBuilder.build(): joining streams repartitioned to 2 and 3 partitions fails like Java", () => {
    const builder = new StreamsBuilder();
    const left = builder.stream<string, string>("L").repartition(Repartitioned.numberOfPartitions(2));
    const right = builder.stream<string, string>("R").repartition(Repartitioned.numberOfPartitions(3));
    left.join(right, (l, r) => l + r, JoinWindows.ofTimeDifferenceWithNoGrace(10)).to("out");
    expect(() => builder.build()).toThrow(
      "Invalid topology: Following topics do not have the same number of partitions: [{KSTREAM-REPARTITION-0000000001-repartition=2, KSTREAM-REPARTITION-0000000006-repartition=3}]",
    );
  });
});
