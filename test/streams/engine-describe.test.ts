// Expected texts are Java's own, from Kafka's TopologyTest (streams/src/test/java/org/apache/kafka/streams/
// TopologyTest.java): the same graphs are rebuilt here node by node, without the DSL.
import { describe, expect, it } from "vitest";
import { Stores } from "../../checker/streams/state/stores.ts";
import { javaHashOrder, javaStringHash, JavaTreeSet } from "../../checker/streams/topology/java-collections.ts";
import { InternalTopologyBuilder } from "../../checker/streams/topology/internal-topology-builder.ts";
import { custom } from "./engine-helpers.ts";

const noop = custom(() => undefined);

function store(builder: InternalTopologyBuilder, name: string, users: string[]): void {
  builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name)), users);
}

/** Two windowed streams joined, as KStream#join / #leftJoin lay them out. */
function joinGraph(names: { other: string; thisStores: string[]; otherStores: string[] }): InternalTopologyBuilder {
  const builder = new InternalTopologyBuilder();
  builder.addSource("KSTREAM-SOURCE-0000000000", ["input-topic1"]);
  builder.addSource("KSTREAM-SOURCE-0000000001", ["input-topic2"]);
  builder.addProcessor("KSTREAM-WINDOWED-0000000002", noop, ["KSTREAM-SOURCE-0000000000"]);
  builder.addProcessor("KSTREAM-WINDOWED-0000000003", noop, ["KSTREAM-SOURCE-0000000001"]);
  builder.addProcessor("KSTREAM-JOINTHIS-0000000004", noop, ["KSTREAM-WINDOWED-0000000002"]);
  builder.addProcessor(names.other, noop, ["KSTREAM-WINDOWED-0000000003"]);
  builder.addProcessor("KSTREAM-MERGE-0000000006", noop, ["KSTREAM-JOINTHIS-0000000004", names.other]);
  const [thisStore] = names.otherStores;
  const [otherStore] = names.thisStores;
  store(builder, thisStore!, ["KSTREAM-WINDOWED-0000000002", names.other]);
  store(builder, otherStore!, ["KSTREAM-WINDOWED-0000000003", "KSTREAM-JOINTHIS-0000000004"]);
  const shared = names.thisStores[1];
  if (shared) store(builder, shared, ["KSTREAM-JOINTHIS-0000000004", names.other]);
  return builder;
}

describe("Topology.describe()", () => {
  it("prints a stream-stream join exactly as Java (TopologyTest.streamStreamJoinTopologyWithDefaultStoresNames)", () => {
    const builder = joinGraph({
      other: "KSTREAM-JOINOTHER-0000000005",
      thisStores: ["KSTREAM-JOINOTHER-0000000005-store"],
      otherStores: ["KSTREAM-JOINTHIS-0000000004-store"],
    });
    expect(builder.build().describe().toString()).toBe(
      "Topologies:\n" +
        "   Sub-topology: 0\n" +
        "    Source: KSTREAM-SOURCE-0000000000 (topics: [input-topic1])\n" +
        "      --> KSTREAM-WINDOWED-0000000002\n" +
        "    Source: KSTREAM-SOURCE-0000000001 (topics: [input-topic2])\n" +
        "      --> KSTREAM-WINDOWED-0000000003\n" +
        "    Processor: KSTREAM-WINDOWED-0000000002 (stores: [KSTREAM-JOINTHIS-0000000004-store])\n" +
        "      --> KSTREAM-JOINTHIS-0000000004\n" +
        "      <-- KSTREAM-SOURCE-0000000000\n" +
        "    Processor: KSTREAM-WINDOWED-0000000003 (stores: [KSTREAM-JOINOTHER-0000000005-store])\n" +
        "      --> KSTREAM-JOINOTHER-0000000005\n" +
        "      <-- KSTREAM-SOURCE-0000000001\n" +
        "    Processor: KSTREAM-JOINOTHER-0000000005 (stores: [KSTREAM-JOINTHIS-0000000004-store])\n" +
        "      --> KSTREAM-MERGE-0000000006\n" +
        "      <-- KSTREAM-WINDOWED-0000000003\n" +
        "    Processor: KSTREAM-JOINTHIS-0000000004 (stores: [KSTREAM-JOINOTHER-0000000005-store])\n" +
        "      --> KSTREAM-MERGE-0000000006\n" +
        "      <-- KSTREAM-WINDOWED-0000000002\n" +
        "    Processor: KSTREAM-MERGE-0000000006 (stores: [])\n" +
        "      --> none\n" +
        // Not name order: Java's TreeSet compared the two parents while their sizes still differed.
        "      <-- KSTREAM-JOINTHIS-0000000004, KSTREAM-JOINOTHER-0000000005\n\n",
    );
  });

  it("lists a processor's stores in Java's HashSet order (TopologyTest.streamStreamLeftJoinTopologyWithDefaultStoresNames)", () => {
    const builder = joinGraph({
      other: "KSTREAM-OUTEROTHER-0000000005",
      thisStores: ["KSTREAM-OUTEROTHER-0000000005-store", "KSTREAM-OUTERSHARED-0000000004-store"],
      otherStores: ["KSTREAM-JOINTHIS-0000000004-store"],
    });
    const text = builder.build().describe().toString();
    expect(text).toContain(
      "    Processor: KSTREAM-JOINTHIS-0000000004 (stores: [KSTREAM-OUTEROTHER-0000000005-store, KSTREAM-OUTERSHARED-0000000004-store])\n",
    );
    expect(text).toContain(
      "    Processor: KSTREAM-OUTEROTHER-0000000005 (stores: [KSTREAM-JOINTHIS-0000000004-store, KSTREAM-OUTERSHARED-0000000004-store])\n",
    );
    expect(text).toContain("      <-- KSTREAM-JOINTHIS-0000000004, KSTREAM-OUTEROTHER-0000000005\n\n");
  });

  it("splits at a repartition topic into numbered sub-topologies (TopologyTest.tableZeroArgCountShouldPreserveTopologyStructure)", () => {
    const builder = new InternalTopologyBuilder();
    const repartition = "KTABLE-AGGREGATE-STATE-STORE-0000000004-repartition";
    builder.addSource("KSTREAM-SOURCE-0000000001", ["input-topic"]);
    builder.addProcessor("KTABLE-SOURCE-0000000002", noop, ["KSTREAM-SOURCE-0000000001"]);
    store(builder, "input-topic-STATE-STORE-0000000000", ["KTABLE-SOURCE-0000000002"]);
    builder.addProcessor("KTABLE-SELECT-0000000003", noop, ["KTABLE-SOURCE-0000000002"]);
    builder.addInternalTopic({ name: repartition, kind: "repartition", partitions: undefined });
    builder.addSink("KSTREAM-SINK-0000000005", repartition, ["KTABLE-SELECT-0000000003"]);
    builder.addSource("KSTREAM-SOURCE-0000000006", [repartition]);
    builder.addProcessor("KTABLE-AGGREGATE-0000000007", noop, ["KSTREAM-SOURCE-0000000006"]);
    store(builder, "KTABLE-AGGREGATE-STATE-STORE-0000000004", ["KTABLE-AGGREGATE-0000000007"]);
    const description = builder.build().describe();
    expect(description.toString()).toBe(
      "Topologies:\n" +
        "   Sub-topology: 0\n" +
        "    Source: KSTREAM-SOURCE-0000000001 (topics: [input-topic])\n" +
        "      --> KTABLE-SOURCE-0000000002\n" +
        "    Processor: KTABLE-SOURCE-0000000002 (stores: [input-topic-STATE-STORE-0000000000])\n" +
        "      --> KTABLE-SELECT-0000000003\n" +
        "      <-- KSTREAM-SOURCE-0000000001\n" +
        "    Processor: KTABLE-SELECT-0000000003 (stores: [])\n" +
        "      --> KSTREAM-SINK-0000000005\n" +
        "      <-- KTABLE-SOURCE-0000000002\n" +
        "    Sink: KSTREAM-SINK-0000000005 (topic: KTABLE-AGGREGATE-STATE-STORE-0000000004-repartition)\n" +
        "      <-- KTABLE-SELECT-0000000003\n" +
        "\n" +
        "  Sub-topology: 1\n" +
        "    Source: KSTREAM-SOURCE-0000000006 (topics: [KTABLE-AGGREGATE-STATE-STORE-0000000004-repartition])\n" +
        "      --> KTABLE-AGGREGATE-0000000007\n" +
        "    Processor: KTABLE-AGGREGATE-0000000007 (stores: [KTABLE-AGGREGATE-STATE-STORE-0000000004])\n" +
        "      --> none\n" +
        "      <-- KSTREAM-SOURCE-0000000006\n" +
        "\n",
    );
    expect(description.subtopologies.map((subtopology) => subtopology.nodes.length)).toEqual([4, 2]);
  });

  it("numbers a global store in the order its nodes were added, and prints it in Java's global-store format", () => {
    const builder = new InternalTopologyBuilder();
    builder.addSource("KSTREAM-SOURCE-0000000000", ["orders"]);
    builder.addGlobalStore({
      topic: "prices",
      sourceName: "KSTREAM-SOURCE-0000000002",
      processorName: "KTABLE-SOURCE-0000000003",
      store: Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("prices-STATE-STORE-0000000001")).withLoggingDisabled(),
      keySerde: undefined,
      valueSerde: undefined,
      supplier: noop,
    });
    builder.addProcessor("KSTREAM-PEEK-0000000004", noop, ["KSTREAM-SOURCE-0000000000"]);
    builder.addSource("KSTREAM-SOURCE-0000000005", ["other"]);
    expect(builder.build().describe().toString()).toBe(
      "Topologies:\n" +
        "   Sub-topology: 0\n" +
        "    Source: KSTREAM-SOURCE-0000000000 (topics: [orders])\n" +
        "      --> KSTREAM-PEEK-0000000004\n" +
        "    Processor: KSTREAM-PEEK-0000000004 (stores: [])\n" +
        "      --> none\n" +
        "      <-- KSTREAM-SOURCE-0000000000\n" +
        "\n" +
        "  Sub-topology: 1 for global store (will not generate tasks)\n" +
        "    Source: KSTREAM-SOURCE-0000000002 (topics: [prices])\n" +
        "      --> KTABLE-SOURCE-0000000003\n" +
        "    Processor: KTABLE-SOURCE-0000000003 (stores: [prices-STATE-STORE-0000000001])\n" +
        "      --> none\n" +
        "      <-- KSTREAM-SOURCE-0000000002\n" +
        "  Sub-topology: 2\n" +
        "    Source: KSTREAM-SOURCE-0000000005 (topics: [other])\n" +
        "      --> none\n" +
        "\n",
    );
  });
});

describe("Java collection orders used by describe()", () => {
  it("hashes strings like java.lang.String.hashCode", () => {
    // Known Java values; the last one wraps around to Integer.MIN_VALUE.
    expect(javaStringHash("hello")).toBe(99162322);
    expect(javaStringHash("")).toBe(0);
    expect(javaStringHash("polygenelubricants")).toBe(-2147483648);
  });

  it("orders a HashSet by bucket, then insertion order", () => {
    // "Aa" and "BB" share a hash code (2112), so they share a bucket and keep insertion order.
    expect(javaHashOrder(["BB", "Aa"])).toEqual(["BB", "Aa"]);
    expect(javaHashOrder(["Aa", "BB"])).toEqual(["Aa", "BB"]);
    // Single letters hash to their code (97, 98, 99): buckets 1, 2, 3 of 16, whatever the insertion order.
    expect(javaHashOrder(["c", "a", "b"])).toEqual(["a", "b", "c"]);
  });

  it("keeps a TreeSet's order from the comparisons made at insertion time, as Java's does", () => {
    const weights = new Map([["x", 1], ["y", 1], ["z", 1]]);
    const set = new JavaTreeSet<string>((a, b) => weights.get(a)! - weights.get(b)! || (a < b ? -1 : a > b ? 1 : 0));
    set.add("y");
    set.add("x");
    weights.set("x", 5);
    set.add("z");
    expect([...set]).toEqual(["x", "y", "z"]);
  });
});
