/**
 * The named topologies of the scenarios, written with our DSL: the TypeScript twin of the oracle's Topologies.java,
 * operator for operator (same calls, same order, same optional names), so generated processor names and internal
 * topics must come out the same. Each reads "in" (or "left"/"right") and writes "out" (or out-*), String keys and
 * values, functions from vocabulary.ts.
 * Optional params: "store" (Materialized.as of an aggregation), "tableStore" (Materialized.as of the "in" table or
 * toTable), "grouped" (Grouped.as), "joined" (StreamJoined.as), "name" (Repartitioned.as / split's Named.as).
 */
import { Serdes } from "../serdes.ts";
import { KeyValue } from "../keyvalue.ts";
import type { StreamsBuilder } from "../streams-builder.ts";
import type { KStream } from "../kstream/kstream.ts";
import type { KTable } from "../kstream/ktable.ts";
import type { KGroupedStream } from "../kstream/kgrouped-stream.ts";
import type { BranchedKStream } from "../kstream/branched-kstream.ts";
import { Branched } from "../kstream/options/branched.ts";
import { Grouped } from "../kstream/options/grouped.ts";
import { Materialized } from "../kstream/options/materialized.ts";
import { Named } from "../kstream/options/named.ts";
import { Repartitioned } from "../kstream/options/repartitioned.ts";
import { JoinWindows } from "../kstream/joins/join-windows.ts";
import { StreamJoined } from "../kstream/joins/stream-joined.ts";
import { TimeWindows } from "../kstream/windows/time-windows.ts";
import { SlidingWindows } from "../kstream/windows/sliding-windows.ts";
import { SessionWindows } from "../kstream/windows/session-windows.ts";
import { Suppressed } from "../kstream/suppress/suppressed.ts";
import { BufferConfig } from "../kstream/suppress/buffer-config.ts";
import type { Capture } from "./capture.ts";
import type { ScenarioParams } from "./scenario.ts";
import * as Fn from "./vocabulary.ts";

const IN = "in";
const OUT = "out";

type S = string | null;

class ScenarioParamsReader {
  constructor(private readonly params: ScenarioParams) {}

  has(name: string): boolean {
    return this.params[name] !== undefined && this.params[name] !== null;
  }

  ms(name: string): number {
    if (!this.has(name)) throw new Error(`scenario param "${name}" is required`);
    return Number(this.params[name]);
  }

  text(name: string): string {
    return String(this.params[name]);
  }

  flag(name: string): boolean {
    return this.params[name] === true;
  }
}

/** Builds the named topology into `builder`; an unknown name throws, as in Java. */
export function buildTopology(name: string, params: ScenarioParams, builder: StreamsBuilder, capture: Capture): void {
  const p = new ScenarioParamsReader(params);
  const inStream = (): KStream<S, S> => builder.stream<S, S>(IN);
  const left = (): KStream<S, S> => builder.stream<S, S>("left");
  const right = (): KStream<S, S> => builder.stream<S, S>("right");
  const table = (topic: string): KTable<S, S> =>
    p.has("tableStore") && topic === IN ? builder.table<S, S>(topic, Materialized.as<S, S>(p.text("tableStore"))) : builder.table<S, S>(topic);
  const out = <K, V>(stream: KStream<K, V>): void => stream.to(OUT, capture.produced<K, V>());
  const grouped = (stream: KStream<S, S>): KGroupedStream<S, S> => (p.has("grouped") ? stream.groupByKey(Grouped.as<S, S>(p.text("grouped"))) : stream.groupByKey());
  const groupedBy = (stream: KStream<S, S>): KGroupedStream<S, S> =>
    p.has("grouped") ? stream.groupBy((_k, v) => v, Grouped.as<S, S>(p.text("grouped"))) : stream.groupBy((_k, v) => v);
  // Materialized.with(undefined, undefined) where Java passes Materialized.with(null, null): same names, default serdes.
  const kvStore = <V, K = S>(): Materialized<K, V> => (p.has("store") ? Materialized.as<K, V>(p.text("store")) : Materialized.with<K, V>(undefined, undefined));
  // Windowed stores state their key serde, as in Java (suppress buffers with the windowed table's key serde).
  const windowStore = <V>(): Materialized<S, V> => kvStore<V>().withKeySerde(Serdes.String());
  const timeWindowed = () => {
    const windows = p.has("grace") ? TimeWindows.ofSizeAndGrace(p.ms("size"), p.ms("grace")) : TimeWindows.ofSizeWithNoGrace(p.ms("size"));
    return grouped(inStream()).windowedBy(p.has("advance") ? windows.advanceBy(p.ms("advance")) : windows);
  };
  const slidingWindowed = () =>
    grouped(inStream()).windowedBy(
      p.has("grace") ? SlidingWindows.ofTimeDifferenceAndGrace(p.ms("diff"), p.ms("grace")) : SlidingWindows.ofTimeDifferenceWithNoGrace(p.ms("diff")),
    );
  const sessionWindowed = () =>
    grouped(inStream()).windowedBy(
      p.has("grace") ? SessionWindows.ofInactivityGapAndGrace(p.ms("gap"), p.ms("grace")) : SessionWindows.ofInactivityGapWithNoGrace(p.ms("gap")),
    );
  const joinWindows = (): JoinWindows => {
    let windows = p.has("grace") ? JoinWindows.ofTimeDifferenceAndGrace(p.ms("diff"), p.ms("grace")) : JoinWindows.ofTimeDifferenceWithNoGrace(p.ms("diff"));
    if (p.has("before")) windows = windows.before(p.ms("before"));
    if (p.has("after")) windows = windows.after(p.ms("after"));
    return windows;
  };
  const streamJoined = (): StreamJoined<S, S, S> => (p.has("joined") ? StreamJoined.as<S, S, S>(p.text("joined")) : StreamJoined.with<S, S, S>(undefined, undefined, undefined));
  const untilWindowCloses = () => Suppressed.untilWindowCloses(BufferConfig.unbounded());
  const appendInit = () => "";
  const appendAgg = (_k: S, v: S, agg: string) => Fn.append(agg, v);

  switch (name) {
    // stateless
    case "filter":
      return out(inStream().filter((_k, v) => Fn.gt5(v)));
    case "filter-not":
      return out(inStream().filterNot((_k, v) => Fn.gt5(v)));
    case "map":
      return out(inStream().map((k, v) => KeyValue.pair(v, k)));
    case "map-values":
      return out(inStream().mapValues(Fn.upper));
    case "flat-map":
      return out(inStream().flatMap((k, v) => Fn.words(v).map((w) => KeyValue.pair(w, k))));
    case "flat-map-values":
      return out(inStream().flatMapValues(Fn.words));
    case "select-key":
      return out(inStream().selectKey((_k, v) => v));
    case "filter-map-chain":
      return out(
        inStream()
          .filter((_k, v) => Fn.gt5(v))
          .mapValues((v) => `v${Fn.javaString(v)}`)
          .selectKey((_k, v) => v),
      );
    case "named-operations":
      return inStream()
        .filter((_k, v) => Fn.gt5(v), Named.as("only-big"))
        .mapValues(Fn.upper, Named.as("shout"))
        .to(OUT, capture.produced<S, S>().withName("to-out"));
    case "peek-foreach": {
      const source = inStream();
      out(source.peek((k, v) => capture.side("peek", k, v)).mapValues(Fn.upper));
      source.foreach((k, v) => capture.side("foreach", k, v));
      return;
    }
    case "split-branches": {
      const split: BranchedKStream<S, S> = p.has("name") ? inStream().split(Named.as(p.text("name"))) : inStream().split();
      split.branch((_k, v) => Fn.gt5(v), Branched.as("big")).branch((k) => k === "A");
      const branches = p.flag("noDefault") ? split.noDefaultBranch() : split.defaultBranch(Branched.as("rest"));
      // Java iterates a TreeMap: branch names in String order (ASCII here, so JS sort agrees).
      for (const branch of [...branches.keys()].sort()) branches.get(branch)!.to(`out-${branch}`, capture.produced<S, S>());
      return;
    }
    case "merge":
      return out(builder.stream<S, S>("left").merge(builder.stream<S, S>("right")));
    case "to-extractor":
      return inStream().to((_k, v) => (Fn.num(v) % 2 === 0 ? "out-even" : "out-odd"), capture.produced<S, S>());
    case "repartition": {
      const rekeyed = inStream().selectKey((_k, v) => v);
      return out(p.has("name") ? rekeyed.repartition(Repartitioned.as<S, S>(p.text("name"))) : rekeyed.repartition());
    }
    case "to-table":
      return out(p.has("tableStore") ? inStream().toTable(Materialized.as<S, S>(p.text("tableStore"))).toStream() : inStream().toTable().toStream());
    // stream aggregations
    case "count":
      return out(grouped(inStream()).count(kvStore<number>()).toStream());
    case "group-by-count":
      return out(groupedBy(inStream()).count(kvStore<number>()).toStream());
    case "reduce-sum":
      return out(grouped(inStream()).reduce(Fn.sum, kvStore<S>()).toStream());
    case "aggregate-concat":
      return out(grouped(inStream()).aggregate(appendInit, appendAgg, kvStore<string>()).toStream());
    // tables
    case "table-source":
      return out(table(IN).toStream());
    case "table-filter":
      return out(table(IN).filter((_k, v) => Fn.gt5(v)).toStream());
    case "table-filter-not":
      return out(table(IN).filterNot((_k, v) => Fn.gt5(v)).toStream());
    case "table-map-values":
      return out(table(IN).mapValues(Fn.upper).toStream());
    case "regroup-table-count":
      return out(table(IN).groupBy((k, v) => KeyValue.pair(v, k)).count(kvStore<number>()).toStream());
    case "regroup-table-sum":
      return out(
        table(IN)
          .groupBy((_k, v) => KeyValue.pair(Fn.group(v!), Fn.amount(v!)))
          .reduce(Fn.sum, Fn.minus, kvStore<string, string>())
          .toStream(),
      );
    case "regroup-table-aggregate":
      return out(
        table(IN)
          .groupBy((_k, v) => KeyValue.pair(Fn.group(v!), Fn.amount(v!)))
          .aggregate(() => "0", (_k, v, agg) => Fn.sum(agg, v), (_k, v, agg) => Fn.minus(agg, v), kvStore<string, string>())
          .toStream(),
      );
    // windows
    case "tumbling-count":
      return out(timeWindowed().count(windowStore<number>()).toStream());
    case "tumbling-reduce":
      return out(timeWindowed().reduce(Fn.sum, windowStore<S>()).toStream());
    case "tumbling-aggregate":
      return out(timeWindowed().aggregate(appendInit, appendAgg, windowStore<string>()).toStream());
    case "sliding-count":
      return out(slidingWindowed().count(windowStore<number>()).toStream());
    case "sliding-aggregate":
      return out(slidingWindowed().aggregate(appendInit, appendAgg, windowStore<string>()).toStream());
    case "session-count":
      return out(sessionWindowed().count(windowStore<number>()).toStream());
    case "session-reduce":
      return out(sessionWindowed().reduce(Fn.sum, windowStore<S>()).toStream());
    case "session-aggregate":
      return out(sessionWindowed().aggregate(appendInit, appendAgg, (_k: S, a: string, b: string) => Fn.merge(a, b), windowStore<string>()).toStream());
    case "suppress-tumbling":
      return out(timeWindowed().count(windowStore<number>()).suppress(untilWindowCloses()).toStream());
    case "suppress-sliding":
      return out(slidingWindowed().count(windowStore<number>()).suppress(untilWindowCloses()).toStream());
    case "suppress-session":
      return out(sessionWindowed().count(windowStore<number>()).suppress(untilWindowCloses()).toStream());
    // joins
    case "stream-stream-inner-join":
      return out(left().join<S, string>(right(), Fn.concat, joinWindows(), streamJoined()));
    case "stream-stream-left-join":
      return out(left().leftJoin<S, string>(right(), Fn.concat, joinWindows(), streamJoined()));
    case "stream-stream-outer-join":
      return out(left().outerJoin<S, string>(right(), Fn.concat, joinWindows(), streamJoined()));
    case "stream-stream-join-after-rekey":
      return out(
        left()
          .selectKey((_k, v) => v)
          .join<S, string>(right(), Fn.concat, joinWindows(), streamJoined()),
      );
    case "stream-table-inner-join":
      return out(left().join<S, string>(table("right"), Fn.concat));
    case "stream-table-left-join":
      return out(left().leftJoin<S, string>(table("right"), Fn.concat));
    case "stream-table-join-after-rekey":
      return out(
        left()
          .selectKey((_k, v) => v)
          .join<S, string>(table("right"), Fn.concat),
      );
    case "table-table-inner-join":
      return out(table("left").join<S, string>(table("right"), Fn.concat).toStream());
    case "table-table-left-join":
      return out(table("left").leftJoin<S, string>(table("right"), Fn.concat).toStream());
    case "table-table-outer-join":
      return out(table("left").outerJoin<S, string>(table("right"), Fn.concat).toStream());
    case "global-table-inner-join":
      return out(left().join<S, S, string>(builder.globalTable<S, S>("right"), (_k, v) => Fn.tableKey(v), Fn.concat));
    case "global-table-left-join":
      return out(left().leftJoin<S, S, string>(builder.globalTable<S, S>("right"), (_k, v) => Fn.tableKey(v), Fn.concat));
    default:
      throw new Error(`unknown topology "${name}"`);
  }
}
