// Names a windowed topology gets (processors, stores, internal topics), compared with the topology Java 4.4.0 builds
// for the same DSL calls, and the store settings Java derives (retention, changelog configs).
import { describe, expect, it } from "vitest";
import { Consumed, Materialized, Named, Serdes, StreamsBuilder, type Topology } from "../../checker/streams/index.ts";
import { BufferConfig } from "../../checker/streams/kstream/suppress/buffer-config.ts";
import { Suppressed } from "../../checker/streams/kstream/suppress/suppressed.ts";
import { SessionWindows } from "../../checker/streams/kstream/windows/session-windows.ts";
import { SlidingWindows } from "../../checker/streams/kstream/windows/sliding-windows.ts";
import { TimeWindows } from "../../checker/streams/kstream/windows/time-windows.ts";
import { driverFor, pipe, producedTopics } from "./dsl-harness.ts";
import { inputs } from "./windows-harness.ts";

/** Processor nodes as `name [stores] -> [children]`, sorted: the part of Java's describe() names decide. */
function processors(topology: Topology): string[] {
  return topology.parts.nodes
    .filter((node) => node.kind === "processor")
    .map((node) => `${node.name} [${[...node.stores].sort().join(", ")}] -> [${[...node.children].sort().join(", ")}]`)
    .sort();
}

function topicsAfter(topology: Topology, rows: ReturnType<typeof inputs>): string[] {
  const driver = driverFor(topology);
  try {
    pipe(driver, rows);
    return producedTopics(driver);
  } finally {
    driver.close();
  }
}

const stringsIn = (builder: StreamsBuilder) => builder.stream<string, string>("in", Consumed.with(Serdes.String(), Serdes.String()));

describe("windowed aggregation names", () => {
  it("takes names where Java does: count(Materialized) burns one store name for time and session windows, not sliding", () => {
    const builder = new StreamsBuilder();
    const grouped = stringsIn(builder).groupByKey();
    grouped.windowedBy(TimeWindows.ofSizeWithNoGrace(10)).count(Materialized.with(Serdes.String(), Serdes.Long())).toStream();
    grouped.windowedBy(SlidingWindows.ofTimeDifferenceWithNoGrace(10)).count(Materialized.with(Serdes.String(), Serdes.Long())).toStream();
    grouped
      .windowedBy(SessionWindows.ofInactivityGapWithNoGrace(10))
      .count(Materialized.with(Serdes.String(), Serdes.Long()))
      .suppress(Suppressed.untilWindowCloses(BufferConfig.unbounded()))
      .toStream();
    const topology = builder.build();
    expect(processors(topology)).toEqual([
      "KSTREAM-AGGREGATE-0000000003 [KSTREAM-AGGREGATE-STATE-STORE-0000000002] -> [KTABLE-TOSTREAM-0000000004]",
      "KSTREAM-AGGREGATE-0000000006 [KSTREAM-AGGREGATE-STATE-STORE-0000000005] -> [KTABLE-TOSTREAM-0000000007]",
      "KSTREAM-AGGREGATE-0000000010 [KSTREAM-AGGREGATE-STATE-STORE-0000000009] -> [KTABLE-SUPPRESS-0000000011]",
      "KTABLE-SUPPRESS-0000000011 [KTABLE-SUPPRESS-STATE-STORE-0000000012] -> [KTABLE-TOSTREAM-0000000013]",
      "KTABLE-TOSTREAM-0000000004 [] -> []",
      "KTABLE-TOSTREAM-0000000007 [] -> []",
      "KTABLE-TOSTREAM-0000000013 [] -> []",
    ]);
    expect(topicsAfter(topology, inputs(["A", "1", 1], ["B", "2", 30]))).toEqual([
      "app-KSTREAM-AGGREGATE-STATE-STORE-0000000002-changelog",
      "app-KSTREAM-AGGREGATE-STATE-STORE-0000000005-changelog",
      "app-KSTREAM-AGGREGATE-STATE-STORE-0000000009-changelog",
      "app-KTABLE-SUPPRESS-STATE-STORE-0000000012-changelog",
    ]);
  });

  it("repartitions a re-keyed stream under the store name, or the Materialized name", () => {
    const builder = new StreamsBuilder();
    const grouped = stringsIn(builder)
      .selectKey((_key, value) => value)
      .groupByKey();
    grouped.windowedBy(TimeWindows.ofSizeWithNoGrace(10)).count();
    grouped
      .windowedBy(SessionWindows.ofInactivityGapWithNoGrace(10))
      .reduce((a, b) => a + b, Named.as("red"), Materialized.as<string, string>("sess").withKeySerde(Serdes.String()))
      .suppress(Suppressed.untilWindowCloses(BufferConfig.maxRecords(3).withLoggingDisabled().shutDownWhenFull()).withName("sup"));
    const topology = builder.build();
    expect(processors(topology)).toEqual([
      "KSTREAM-AGGREGATE-0000000003 [KSTREAM-AGGREGATE-STATE-STORE-0000000002] -> []",
      "KSTREAM-FILTER-0000000005 [] -> [KSTREAM-SINK-0000000004]",
      "KSTREAM-KEY-SELECT-0000000001 [] -> [KSTREAM-FILTER-0000000005, sess-repartition-filter]",
      "red [sess] -> [sup]",
      "sess-repartition-filter [] -> [sess-repartition-sink]",
      "sup [sup-store] -> []",
    ]);
    expect(topicsAfter(topology, inputs(["A", "x", 1], ["B", "y", 20]))).toEqual([
      "app-KSTREAM-AGGREGATE-STATE-STORE-0000000002-changelog",
      "app-KSTREAM-AGGREGATE-STATE-STORE-0000000002-repartition",
      "app-sess-changelog",
      "app-sess-repartition",
      "app-sup-store-changelog",
    ]);
  });
});

describe("window store settings", () => {
  it("refuses a retention below what the windows need, with Java's messages", () => {
    const grouped = () => stringsIn(new StreamsBuilder()).groupByKey();
    expect(() => grouped().windowedBy(TimeWindows.ofSizeAndGrace(10, 5)).count(Materialized.as<string, number>("st").withRetention(12))).toThrow(
      "The retention period of the window store st must be no smaller than its window size plus the grace period. Got size=[10], grace=[5], retention=[12]",
    );
    expect(() => grouped().windowedBy(SlidingWindows.ofTimeDifferenceAndGrace(10, 5)).count(Materialized.as<string, number>("st").withRetention(24))).toThrow(
      "The retention period of the window store st must be no smaller than 2 * time difference plus the grace period. Got time difference=[10], grace=[5], retention=[24]",
    );
    expect(() => grouped().windowedBy(SessionWindows.ofInactivityGapAndGrace(10, 5)).count(Materialized.as<string, number>("st").withRetention(14))).toThrow(
      "The retention period of the session store st must be no smaller than the session inactivity gap plus the grace period. Got gap=[10], grace=[5], retention=[14]",
    );
  });

  it("sizes the changelog retention as Java: store retention (size + grace, 2d + grace, gap + grace) plus one day", () => {
    const builder = new StreamsBuilder();
    const grouped = stringsIn(builder).groupByKey();
    grouped.windowedBy(TimeWindows.ofSizeAndGrace(10, 5)).count(Materialized.as<string, number>("tumbling"));
    grouped.windowedBy(SlidingWindows.ofTimeDifferenceAndGrace(10, 5)).count(Materialized.as<string, number>("sliding"));
    grouped.windowedBy(SessionWindows.ofInactivityGapAndGrace(10, 5)).count(Materialized.as<string, number>("session"));
    const configs = Object.fromEntries(builder.build().parts.stores.map((store) => [store.name, store.changelogConfig]));
    const day = 24 * 60 * 60 * 1000;
    expect(configs).toEqual({
      tumbling: { "cleanup.policy": "compact,delete", "retention.ms": String(15 + day) },
      sliding: { "cleanup.policy": "compact,delete", "retention.ms": String(25 + day) },
      session: { "cleanup.policy": "compact,delete", "retention.ms": String(15 + day) },
    });
  });
});
