// Generated names and internal topics, counter value by counter value as Java 4.4.0's DSL takes them. Expected names
// follow Java's KStreamImpl / KTableImpl / KGroupedStreamImpl / KGroupedTableImpl / InternalStreamsBuilder code paths
// (Java's createRepartitionedSource names the repartition nodes after a user-given topic prefix; the older tutorial
// output with KSTREAM-SINK-0000000004 → counts-store-repartition predates that). The describe() of these topologies
// was compared once with Java 4.4.0's and matched.
import { describe, expect, it } from "vitest";
import { Branched, Grouped, KeyValue, Materialized, Named, Repartitioned, StreamsBuilder, type Topology } from "../../checker/streams/index.ts";

function nodeNames(topology: Topology): string[] {
  return topology.parts.nodes.map((node) => node.name);
}

function childrenOf(topology: Topology, name: string): string[] {
  const node = topology.parts.nodes.find((candidate) => candidate.name === name);
  if (!node || node.kind === "sink") return [];
  return [...node.children];
}

function storesOf(topology: Topology, name: string): string[] {
  const node = topology.parts.nodes.find((candidate) => candidate.name === name);
  return node?.kind === "processor" ? [...node.stores] : [];
}

describe("stateless operators", () => {
  it("take one counter value each, in call order", () => {
    const builder = new StreamsBuilder();
    builder
      .stream<string, string>("in")
      .filter(() => true)
      .filterNot(() => false)
      .map((k, v) => KeyValue.pair(k, v))
      .mapValues((v) => v)
      .flatMap((k, v) => [KeyValue.pair(k, v)])
      .flatMapValues((v) => [v])
      .selectKey((k) => k)
      .peek(() => {})
      .to("out");
    expect(nodeNames(builder.build())).toEqual([
      "KSTREAM-SOURCE-0000000000",
      "KSTREAM-FILTER-0000000001",
      "KSTREAM-FILTER-0000000002",
      "KSTREAM-MAP-0000000003",
      "KSTREAM-MAPVALUES-0000000004",
      "KSTREAM-FLATMAP-0000000005",
      "KSTREAM-FLATMAPVALUES-0000000006",
      "KSTREAM-KEY-SELECT-0000000007",
      "KSTREAM-PEEK-0000000008",
      "KSTREAM-SINK-0000000009",
    ]);
  });

  it("still advance the counter when the user names an operation", () => {
    const builder = new StreamsBuilder();
    builder
      .stream<string, string>("in")
      .filter(() => true, Named.as("only-big"))
      .mapValues((v) => v.toUpperCase())
      .to("out");
    expect(nodeNames(builder.build())).toEqual(["KSTREAM-SOURCE-0000000000", "only-big", "KSTREAM-MAPVALUES-0000000002", "KSTREAM-SINK-0000000003"]);
  });

  it("rejects illegal names as Java's Named.validate does", () => {
    expect(() => Named.as("has space")).toThrow(`Name "has space" is illegal, it contains a character other than ASCII alphanumerics, '.', '_' and '-'`);
    expect(() => Named.as("")).toThrow("Name is illegal, it can't be empty");
    expect(() => Materialized.as("a/b")).toThrow("is illegal");
  });

  it("merge has both parents and a merge name; foreach is a leaf", () => {
    const builder = new StreamsBuilder();
    const left = builder.stream<string, string>("left");
    const right = builder.stream<string, string>("right");
    left.merge(right).foreach(() => {});
    const topology = builder.build();
    expect(nodeNames(topology)).toEqual(["KSTREAM-SOURCE-0000000000", "KSTREAM-SOURCE-0000000001", "KSTREAM-MERGE-0000000002", "KSTREAM-FOREACH-0000000003"]);
    expect(childrenOf(topology, "KSTREAM-SOURCE-0000000000")).toEqual(["KSTREAM-MERGE-0000000002"]);
    expect(childrenOf(topology, "KSTREAM-SOURCE-0000000001")).toEqual(["KSTREAM-MERGE-0000000002"]);
  });

  it("two stream() calls on the same topic share one source node (Java merges them), the counter still advances", () => {
    const builder = new StreamsBuilder();
    builder.stream<string, string>("in").filter(() => true).to("a");
    builder.stream<string, string>("in").mapValues((v) => v).to("b");
    const topology = builder.build();
    expect(nodeNames(topology)).toEqual(["KSTREAM-SOURCE-0000000000", "KSTREAM-FILTER-0000000001", "KSTREAM-SINK-0000000002", "KSTREAM-MAPVALUES-0000000004", "KSTREAM-SINK-0000000005"]);
    expect(childrenOf(topology, "KSTREAM-SOURCE-0000000000")).toEqual(["KSTREAM-FILTER-0000000001", "KSTREAM-MAPVALUES-0000000004"]);
  });

  it("overlapping but unequal subscriptions are an error", () => {
    const builder = new StreamsBuilder();
    builder.stream(["a", "b"]);
    expect(() => builder.stream("a")).toThrow("Invalid topology: Two source nodes are subscribed to overlapping but not equal input topics");
  });
});

describe("split", () => {
  it("names branches <split><Branched name or index>, the default branch 0, one counter value each", () => {
    const builder = new StreamsBuilder();
    const branches = builder
      .stream<string, string>("in")
      .split()
      .branch((_k, v) => Number(v) > 5, Branched.as("big"))
      .branch((k) => k === "A")
      .defaultBranch();
    expect([...branches.keys()]).toEqual(["KSTREAM-BRANCH-0000000001big", "KSTREAM-BRANCH-00000000012", "KSTREAM-BRANCH-00000000010"]);
    branches.get("KSTREAM-BRANCH-00000000010")!.to("out");
    expect(nodeNames(builder.build()).at(-1)).toBe("KSTREAM-SINK-0000000005");
  });

  it("uses the split name as prefix; a consumer branch is left out of the map, a function's result replaces it", () => {
    const builder = new StreamsBuilder();
    const branches = builder
      .stream<string, string>("in")
      .split(Named.as("s-"))
      .branch(() => false, Branched.withConsumer((branch) => branch.to("consumed")))
      .branch(() => false, Branched.withFunction((branch) => branch.mapValues((v) => v), "fn"))
      .noDefaultBranch();
    expect([...branches.keys()]).toEqual(["s-fn"]);
    expect(branches.get("s-fn")!.name).toBe("KSTREAM-MAPVALUES-0000000005");
    expect(nodeNames(builder.build())).toEqual(["KSTREAM-SOURCE-0000000000", "s-", "s-1", "KSTREAM-SINK-0000000003", "s-fn", "KSTREAM-MAPVALUES-0000000005"]);
  });
});

describe("repartition and grouping", () => {
  it("groupBy(...).count(Materialized.with(…)) burns a store name, then names both topics after the store", () => {
    const builder = new StreamsBuilder();
    builder
      .stream<string, string>("in")
      .groupBy((_k, v) => v)
      .count(Materialized.with(undefined, undefined))
      .toStream()
      .to("out");
    const topology = builder.build();
    expect(nodeNames(topology)).toEqual([
      "KSTREAM-SOURCE-0000000000",
      "KSTREAM-KEY-SELECT-0000000001",
      "KSTREAM-FILTER-0000000006",
      "KSTREAM-SINK-0000000005",
      "KSTREAM-SOURCE-0000000007",
      "KSTREAM-AGGREGATE-0000000004",
      "KTABLE-TOSTREAM-0000000008",
      "KSTREAM-SINK-0000000009",
    ]);
    expect(topology.repartitionTopics("app")).toEqual(["app-KSTREAM-AGGREGATE-STATE-STORE-0000000003-repartition"]);
    expect(topology.changelogTopics("app")).toEqual(["app-KSTREAM-AGGREGATE-STATE-STORE-0000000003-changelog"]);
    expect(storesOf(topology, "KSTREAM-AGGREGATE-0000000004")).toEqual(["KSTREAM-AGGREGATE-STATE-STORE-0000000003"]);
  });

  it("count() and count(Named) burn no extra store name", () => {
    const builder = new StreamsBuilder();
    builder.stream<string, string>("in").groupByKey().count().toStream().to("out");
    builder.stream<string, string>("in2").groupByKey().count(Named.as("c")).toStream().to("out2");
    const topology = builder.build();
    expect(nodeNames(topology)).toEqual([
      "KSTREAM-SOURCE-0000000000",
      "KSTREAM-AGGREGATE-0000000002",
      "KTABLE-TOSTREAM-0000000003",
      "KSTREAM-SINK-0000000004",
      "KSTREAM-SOURCE-0000000005",
      "c",
      "KTABLE-TOSTREAM-0000000008",
      "KSTREAM-SINK-0000000009",
    ]);
    expect(topology.changelogTopics("app")).toEqual(["app-KSTREAM-AGGREGATE-STATE-STORE-0000000001-changelog", "app-KSTREAM-AGGREGATE-STATE-STORE-0000000006-changelog"]);
    expect(topology.repartitionTopics("app")).toEqual([]);
  });

  it("names the repartition topic and nodes after a user store name (Java's WordCountDemo)", () => {
    const builder = new StreamsBuilder();
    builder
      .stream<string, string>("in")
      .flatMapValues((v) => v.split(" "))
      .groupBy((_k, v) => v)
      .count(Materialized.as("counts-store"))
      .toStream()
      .to("out");
    const topology = builder.build();
    expect(nodeNames(topology)).toEqual([
      "KSTREAM-SOURCE-0000000000",
      "KSTREAM-FLATMAPVALUES-0000000001",
      "KSTREAM-KEY-SELECT-0000000002",
      "counts-store-repartition-filter",
      "counts-store-repartition-sink",
      "counts-store-repartition-source",
      "KSTREAM-AGGREGATE-0000000003",
      "KTABLE-TOSTREAM-0000000007",
      "KSTREAM-SINK-0000000008",
    ]);
    expect(topology.repartitionTopics("wc")).toEqual(["wc-counts-store-repartition"]);
    expect(topology.changelogTopics("wc")).toEqual(["wc-counts-store-changelog"]);
  });

  it("a Grouped name names the key-select node and the repartition topic; a second aggregation reuses that topic", () => {
    const builder = new StreamsBuilder();
    const grouped = builder.stream<string, string>("in").groupBy((_k, v) => v, Grouped.as("g"));
    grouped.count().toStream().to("out");
    grouped.reduce((a, b) => a + b).toStream().to("out2");
    const topology = builder.build();
    expect(nodeNames(topology)).toEqual([
      "KSTREAM-SOURCE-0000000000",
      "g",
      "g-repartition-filter",
      "g-repartition-sink",
      "g-repartition-source",
      "KSTREAM-AGGREGATE-0000000003",
      "KTABLE-TOSTREAM-0000000007",
      "KSTREAM-SINK-0000000008",
      "KSTREAM-REDUCE-0000000010",
      "KTABLE-TOSTREAM-0000000014",
      "KSTREAM-SINK-0000000015",
    ]);
    expect(childrenOf(topology, "g-repartition-source")).toEqual(["KSTREAM-AGGREGATE-0000000003", "KSTREAM-REDUCE-0000000010"]);
    expect(topology.repartitionTopics("app")).toEqual(["app-g-repartition"]);
  });

  it("without a Grouped name every aggregation gets its own repartition topic", () => {
    const builder = new StreamsBuilder();
    const grouped = builder.stream<string, string>("in").selectKey((_k, v) => v).groupByKey();
    grouped.count();
    grouped.count();
    expect(builder.build().repartitionTopics("app")).toEqual([
      "app-KSTREAM-AGGREGATE-STATE-STORE-0000000002-repartition",
      "app-KSTREAM-AGGREGATE-STATE-STORE-0000000007-repartition",
    ]);
  });

  it("repartition(): generated KSTREAM-REPARTITION name, or Repartitioned.as without taking a counter value", () => {
    const builder = new StreamsBuilder();
    builder.stream<string, string>("in").selectKey((_k, v) => v).repartition().to("out");
    builder.stream<string, string>("in2").repartition(Repartitioned.as<string, string>("r").withNumberOfPartitions(3)).to("out2");
    const topology = builder.build();
    expect(nodeNames(topology)).toEqual([
      "KSTREAM-SOURCE-0000000000",
      "KSTREAM-KEY-SELECT-0000000001",
      "KSTREAM-FILTER-0000000004",
      "KSTREAM-SINK-0000000003",
      "KSTREAM-SOURCE-0000000005",
      "KSTREAM-SINK-0000000006",
      "KSTREAM-SOURCE-0000000007",
      "r-repartition-filter",
      "r-repartition-sink",
      "r-repartition-source",
      "KSTREAM-SINK-0000000011",
    ]);
    expect(topology.parts.internalTopics).toEqual([
      { name: "KSTREAM-REPARTITION-0000000002-repartition", kind: "repartition", partitions: undefined },
      { name: "r-repartition", kind: "repartition", partitions: 3 },
    ]);
  });

  it("toTable() after a key change repartitions through <toTable name>-repartition", () => {
    const builder = new StreamsBuilder();
    builder.stream<string, string>("in").selectKey((_k, v) => v).toTable().toStream().to("out");
    const topology = builder.build();
    expect(nodeNames(topology)).toEqual([
      "KSTREAM-SOURCE-0000000000",
      "KSTREAM-KEY-SELECT-0000000001",
      "KSTREAM-FILTER-0000000005",
      "KSTREAM-SINK-0000000004",
      "KSTREAM-SOURCE-0000000006",
      "KSTREAM-TOTABLE-0000000002",
      "KTABLE-TOSTREAM-0000000007",
      "KSTREAM-SINK-0000000008",
    ]);
    expect(topology.repartitionTopics("app")).toEqual(["app-KSTREAM-TOTABLE-0000000002-repartition"]);
    // Not materialized: nothing downstream needs its store.
    expect(topology.changelogTopics("app")).toEqual([]);
  });
});

describe("tables", () => {
  it("a source table takes its store name first and only gets a store when needed", () => {
    const builder = new StreamsBuilder();
    builder.table<string, string>("in").toStream().to("out");
    const topology = builder.build();
    expect(nodeNames(topology)).toEqual(["KSTREAM-SOURCE-0000000001", "KTABLE-SOURCE-0000000002", "KTABLE-TOSTREAM-0000000003", "KSTREAM-SINK-0000000004"]);
    expect(topology.parts.stores).toEqual([]);
  });

  it("a user store name materializes the source table", () => {
    const builder = new StreamsBuilder();
    builder.table<string, string>("in", Materialized.as("t")).toStream().to("out");
    const topology = builder.build();
    expect(storesOf(topology, "KTABLE-SOURCE-0000000001")).toEqual(["t"]);
    expect(topology.changelogTopics("app")).toEqual(["app-t-changelog"]);
  });

  it("KTable.groupBy materializes the source and repartitions through the aggregate's store name", () => {
    const builder = new StreamsBuilder();
    builder
      .table<string, string>("in")
      .groupBy((k, v) => KeyValue.pair(v, k))
      .count(Materialized.with(undefined, undefined))
      .toStream()
      .to("out");
    const topology = builder.build();
    expect(nodeNames(topology)).toEqual([
      "KSTREAM-SOURCE-0000000001",
      "KTABLE-SOURCE-0000000002",
      "KTABLE-SELECT-0000000003",
      "KSTREAM-SINK-0000000005",
      "KSTREAM-SOURCE-0000000006",
      "KTABLE-AGGREGATE-0000000007",
      "KTABLE-TOSTREAM-0000000008",
      "KSTREAM-SINK-0000000009",
    ]);
    expect(storesOf(topology, "KTABLE-SOURCE-0000000002")).toEqual(["in-STATE-STORE-0000000000"]);
    expect(topology.repartitionTopics("app")).toEqual(["app-KTABLE-AGGREGATE-STATE-STORE-0000000004-repartition"]);
    expect(topology.changelogTopics("app").sort()).toEqual(["app-KTABLE-AGGREGATE-STATE-STORE-0000000004-changelog", "app-in-STATE-STORE-0000000000-changelog"]);
  });

  it("KGroupedTable.reduce with Named: <name>-sink/-source and the store-named topic", () => {
    const builder = new StreamsBuilder();
    builder
      .table<string, string>("in")
      .groupBy((k, v) => KeyValue.pair(v, k))
      .reduce((a, b) => a + b, (a, b) => a + b, Named.as("n"), Materialized.as("m"));
    const topology = builder.build();
    expect(nodeNames(topology).slice(3)).toEqual(["n-sink", "n-source", "n"]);
    expect(topology.repartitionTopics("app")).toEqual(["app-m-repartition"]);
  });

  it("filter/mapValues with an unnamed Materialized burn a store name and build no store", () => {
    const builder = new StreamsBuilder();
    builder
      .table<string, string>("in")
      .filter(() => true, Materialized.with(undefined, undefined))
      .mapValues((v) => v, Materialized.as("mapped"))
      .toStream()
      .to("out");
    const topology = builder.build();
    expect(nodeNames(topology)).toEqual([
      "KSTREAM-SOURCE-0000000001",
      "KTABLE-SOURCE-0000000002",
      "KTABLE-FILTER-0000000004",
      "KTABLE-MAPVALUES-0000000005",
      "KTABLE-TOSTREAM-0000000006",
      "KSTREAM-SINK-0000000007",
    ]);
    expect(topology.parts.stores.map((store) => store.name)).toEqual(["mapped"]);
  });

  it("a global table takes store, source and processor names and adds a global store without logging", () => {
    const builder = new StreamsBuilder();
    const global = builder.globalTable<string, string>("g");
    builder.stream("in").to("out");
    const topology = builder.build();
    expect(topology.parts.globalStores.map(({ topic, sourceName, processorName, store }) => ({ topic, sourceName, processorName, store: store.name, logged: store.logged }))).toEqual([
      { topic: "g", sourceName: "KSTREAM-SOURCE-0000000001", processorName: "KTABLE-SOURCE-0000000002", store: "g-STATE-STORE-0000000000", logged: false },
    ]);
    expect(global.valueGetterSupplier().storeNames).toEqual(["g-STATE-STORE-0000000000"]);
    expect(nodeNames(topology)).toEqual(["KSTREAM-SOURCE-0000000003", "KSTREAM-SINK-0000000004"]);
  });
});
