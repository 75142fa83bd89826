import type { KeyValue } from "../keyvalue.ts";
import type { ProcessorSupplier } from "../processor/api.ts";
import type { Serde } from "../serdes.ts";
import type { InternalTopologyBuilder } from "../topology/internal-topology-builder.ts";
import type { SinkNode } from "../topology/nodes.ts";
import { BranchedKStreamImpl, type BranchedKStream } from "./branched-kstream.ts";
import type { GlobalKTable } from "./global-ktable.ts";
import { sourceTable } from "./internals/ktable-source.ts";
import { materializedInternal } from "./internals/materialized-internal.ts";
import { repartitionNames, writeRepartition } from "./internals/repartition.ts";
import {
  filterProcessor,
  flatMapProcessor,
  flatMapValuesProcessor,
  foreachProcessor,
  mapProcessor,
  mapValuesProcessor,
  passThroughProcessor,
  peekProcessor,
  selectKeyProcessor,
} from "./internals/stateless-processors.ts";
import { KGroupedStream } from "./kgrouped-stream.ts";
import { joinKStream } from "./joins/join-dispatch.ts";
import type { JoinWindows } from "./joins/join-windows.ts";
import type { Joined } from "./joins/joined.ts";
import type { StreamJoined } from "./joins/stream-joined.ts";
import { KTable } from "./ktable.ts";
import { Grouped } from "./options/grouped.ts";
import { Materialized } from "./options/materialized.ts";
import { Named, nameOrGenerate } from "./options/named.ts";
import type { Printed } from "./options/printed.ts";
import type { Produced } from "./options/produced.ts";
import type { Repartitioned } from "./options/repartitioned.ts";

/**
 * A record stream (Java's `KStream` / `KStreamImpl`). Every method adds processor nodes to the shared
 * `InternalTopologyBuilder` at once, taking generated names in the order Java takes them.
 *
 * Internal shape (used by the windows and joins helpers):
 * - `builder`: the topology being built; `name`: the node whose output this stream is;
 * - `subTopologySourceNodes`: names of the source nodes feeding it (Java uses them for co-partitioning);
 * - `keySerde` / `valueSerde`: known serdes, undefined = the config's default serde;
 * - `repartitionRequired`: the key may have changed (map, selectKey, flatMap, groupBy's key selector), so a grouping
 *   or join downstream must first write through a repartition topic (Java's `KStreamImpl.repartitionRequired`).
 */
export class KStream<K, V> {
  /** @internal Built by the DSL; learners get streams from `StreamsBuilder.stream` and other operators. */
  constructor(
    readonly builder: InternalTopologyBuilder,
    readonly name: string,
    readonly subTopologySourceNodes: readonly string[],
    readonly keySerde: Serde<K> | undefined,
    readonly valueSerde: Serde<V> | undefined,
    readonly repartitionRequired: boolean,
  ) {}

  filter(predicate: (key: K, value: V) => boolean, named?: Named): KStream<K, V> {
    return this.withProcessor(nameOrGenerate(this.builder, named?.name, "KSTREAM-FILTER-"), filterProcessor(predicate, false), this.keySerde, this.valueSerde);
  }

  filterNot(predicate: (key: K, value: V) => boolean, named?: Named): KStream<K, V> {
    return this.withProcessor(nameOrGenerate(this.builder, named?.name, "KSTREAM-FILTER-"), filterProcessor(predicate, true), this.keySerde, this.valueSerde);
  }

  /** Changes the key: a later grouping or join repartitions. */
  map<K2, V2>(mapper: (key: K, value: V) => KeyValue<K2, V2>, named?: Named): KStream<K2, V2> {
    return this.withProcessor<K2, V2>(nameOrGenerate(this.builder, named?.name, "KSTREAM-MAP-"), mapProcessor(mapper), undefined, undefined, true);
  }

  /** `mapper(value, key)`: value first, so `mapValues(v => …)` reads naturally. */
  mapValues<V2>(mapper: (value: V, key: K) => V2, named?: Named): KStream<K, V2> {
    return this.withProcessor<K, V2>(nameOrGenerate(this.builder, named?.name, "KSTREAM-MAPVALUES-"), mapValuesProcessor(mapper), this.keySerde, undefined);
  }

  /** Changes the key: a later grouping or join repartitions. */
  flatMap<K2, V2>(mapper: (key: K, value: V) => Iterable<KeyValue<K2, V2>>, named?: Named): KStream<K2, V2> {
    return this.withProcessor<K2, V2>(nameOrGenerate(this.builder, named?.name, "KSTREAM-FLATMAP-"), flatMapProcessor(mapper), undefined, undefined, true);
  }

  flatMapValues<V2>(mapper: (value: V, key: K) => Iterable<V2>, named?: Named): KStream<K, V2> {
    return this.withProcessor<K, V2>(nameOrGenerate(this.builder, named?.name, "KSTREAM-FLATMAPVALUES-"), flatMapValuesProcessor(mapper), this.keySerde, undefined);
  }

  /** Changes the key: a later grouping or join repartitions. */
  selectKey<K2>(mapper: (key: K, value: V) => K2, named?: Named): KStream<K2, V> {
    return this.withProcessor<K2, V>(nameOrGenerate(this.builder, named?.name, "KSTREAM-KEY-SELECT-"), selectKeyProcessor(mapper), undefined, this.valueSerde, true);
  }

  peek(action: (key: K, value: V) => void, named?: Named): KStream<K, V> {
    return this.withProcessor(nameOrGenerate(this.builder, named?.name, "KSTREAM-PEEK-"), peekProcessor(action), this.keySerde, this.valueSerde);
  }

  foreach(action: (key: K, value: V) => void, named?: Named): void {
    this.builder.addProcessor(nameOrGenerate(this.builder, named?.name, "KSTREAM-FOREACH-"), foreachProcessor(action), [this.name]);
  }

  /** Prints every record as `[label]: key, value` (Java's `print(Printed.toSysOut())`), for debugging. */
  print(printed: Printed<K, V>): void {
    const name = nameOrGenerate(this.builder, printed.processorName, "KSTREAM-PRINTER-");
    this.builder.addProcessor(name, foreachProcessor<K, V>((key, value) => printed.print(this.name, key, value)), [this.name]);
  }

  /** Routes each record to the first branch whose predicate matches (Java's `split()`, which replaced `branch()`). */
  split(named?: Named): BranchedKStream<K, V> {
    return new BranchedKStreamImpl(this, nameOrGenerate(this.builder, named?.name, "KSTREAM-BRANCH-"));
  }

  /** Both streams' records, in processing order. The serdes are dropped: neither side's can stand for both. */
  merge(other: KStream<K, V>, named?: Named): KStream<K, V> {
    const name = nameOrGenerate(this.builder, named?.name, "KSTREAM-MERGE-");
    // Merging a stream with itself gives one parent, as Java's graph keeps parents in a set.
    this.builder.addProcessor(name, passThroughProcessor<K, V>(), [...new Set([this.name, other.name])]);
    const sources = [...new Set([...this.subTopologySourceNodes, ...other.subTopologySourceNodes])];
    return new KStream(this.builder, name, sources, undefined, undefined, this.repartitionRequired || other.repartitionRequired);
  }

  /** Writes to a topic, or to the topic a function picks per record; serdes default to the stream's, then the config's. */
  to(topic: string | ((key: K, value: V) => string), produced?: Produced<K, V>): void {
    const name = nameOrGenerate(this.builder, produced?.processorName, "KSTREAM-SINK-");
    this.builder.addSink(name, topic as SinkNode["topic"], [this.name], {
      keySerde: (produced?.keySerde ?? this.keySerde) as Serde<unknown> | undefined,
      valueSerde: (produced?.valueSerde ?? this.valueSerde) as Serde<unknown> | undefined,
      partitioner: produced?.sinkPartitioner(),
    });
  }

  /**
   * Writes through `<application.id>-<name>-repartition` (name from Repartitioned.as, else `KSTREAM-REPARTITION-<n>`)
   * and reads it back: every later operator sees records partitioned by their current key.
   */
  repartition(repartitioned?: Repartitioned<K, V>): KStream<K, V> {
    // Java takes no counter value for a user-given name here (unlike most operators).
    const name = repartitioned?.name ?? this.builder.newProcessorName("KSTREAM-REPARTITION-");
    const keySerde = repartitioned?.keySerde ?? this.keySerde;
    const valueSerde = repartitioned?.valueSerde ?? this.valueSerde;
    const names = repartitionNames(this.builder, name);
    // Java 4.4.0 passes Repartitioned's own key serde (not the stream's) to the topic, so without one the topic uses
    // the default key serde while the returned stream keeps the stream's key serde (KStreamImpl.doRepartition).
    writeRepartition(this.builder, this.name, names, {
      keySerde: repartitioned?.keySerde as Serde<unknown> | undefined,
      valueSerde: valueSerde as Serde<unknown> | undefined,
      partitioner: repartitioned?.sinkPartitioner(),
      partitions: repartitioned?.numberOfPartitions,
    });
    return new KStream(this.builder, names.sourceName, [names.sourceName], keySerde, valueSerde, false);
  }

  /**
   * Groups by the current key. Grouped's serdes replace the stream's (Java: `groupByKey(Grouped.as("x"))` falls back to
   * the default serdes, not to the stream's).
   */
  groupByKey(grouped?: Grouped<K, V>): KGroupedStream<K, V> {
    const effective = grouped ?? Grouped.with(this.keySerde, this.valueSerde);
    return new KGroupedStream(this.builder, this.name, this.subTopologySourceNodes, effective.keySerde, effective.valueSerde, this.repartitionRequired, effective.name);
  }

  /** Groups by a new key: a key-select node now (named after Grouped, if given), a repartition topic at aggregation. */
  groupBy<K2>(keySelector: (key: K, value: V) => K2, grouped?: Grouped<K2, V>): KGroupedStream<K2, V> {
    const effective = grouped ?? Grouped.with<K2, V>(undefined, this.valueSerde);
    const name = nameOrGenerate(this.builder, effective.name, "KSTREAM-KEY-SELECT-");
    this.builder.addProcessor(name, selectKeyProcessor(keySelector), [this.name]);
    return new KGroupedStream(this.builder, name, this.subTopologySourceNodes, effective.keySerde, effective.valueSerde, true, effective.name);
  }

  /** The latest value per key as a table (null values delete, null keys are dropped); repartitions first if needed. */
  toTable(materialized: Materialized<K, V>): KTable<K, V>;
  toTable(named?: Named, materialized?: Materialized<K, V>): KTable<K, V>;
  toTable(namedOrMaterialized?: Named | Materialized<K, V>, materialized?: Materialized<K, V>): KTable<K, V> {
    const named = namedOrMaterialized instanceof Named ? namedOrMaterialized : undefined;
    const options = namedOrMaterialized instanceof Materialized ? namedOrMaterialized : (materialized ?? Materialized.with(this.keySerde, this.valueSerde));
    const name = nameOrGenerate(this.builder, named?.name, "KSTREAM-TOTABLE-");
    const store = materializedInternal(options, this.builder, "KSTREAM-TOTABLE-");
    const keySerde = store.keySerde ?? this.keySerde;
    const valueSerde = store.valueSerde ?? this.valueSerde;
    let parentName = this.name;
    let sourceNodes = this.subTopologySourceNodes;
    if (this.repartitionRequired) {
      const names = repartitionNames(this.builder, name);
      writeRepartition(this.builder, this.name, names, { keySerde: keySerde as Serde<unknown> | undefined, valueSerde: valueSerde as Serde<unknown> | undefined });
      parentName = names.sourceName;
      sourceNodes = [names.sourceName];
    }
    // The store keeps Materialized's own serdes (undefined = config defaults), as Java's StreamToTableNode does.
    const supplier = sourceTable<K, V>(this.builder, name, store);
    this.builder.addProcessor(name, () => supplier.get(), [parentName]);
    if (store.queryableStoreName !== undefined) supplier.materialize();
    return new KTable(this.builder, name, sourceNodes, keySerde, valueSerde, supplier, store.queryableStoreName);
  }

  // ---- joins (the joins helper owns these bodies and may sharpen the `unknown` option types) ----

  /**
   * Stream-stream (JoinWindows, StreamJoined?), stream-table (Joined?) or stream-GlobalKTable (key selector, Named?)
   * inner join; the joiner gets `(value, otherValue)`. See kstream/joins/ for the semantics.
   */
  join<VO, VR>(other: KStream<K, VO>, joiner: (value: V, otherValue: VO) => VR, windows: JoinWindows, streamJoined?: StreamJoined<K, V, VO>): KStream<K, VR>;
  join<VT, VR>(table: KTable<K, VT>, joiner: (value: V, tableValue: VT) => VR, joined?: Joined<K, V, VT>): KStream<K, VR>;
  join<GK, GV, VR>(globalTable: GlobalKTable<GK, GV>, keySelector: (key: K, value: V) => GK, joiner: (value: V, globalValue: GV) => VR, named?: Named): KStream<K, VR>;
  join(...args: unknown[]): KStream<K, unknown> {
    return joinKStream(this, args, { leftOuter: false, rightOuter: false });
  }

  /** As `join`, but every record of this stream with a non-null value gets a result: `joiner(value, null)` without a match. */
  leftJoin<VO, VR>(other: KStream<K, VO>, joiner: (value: V, otherValue: VO | null) => VR, windows: JoinWindows, streamJoined?: StreamJoined<K, V, VO>): KStream<K, VR>;
  leftJoin<VT, VR>(table: KTable<K, VT>, joiner: (value: V, tableValue: VT | null) => VR, joined?: Joined<K, V, VT>): KStream<K, VR>;
  leftJoin<GK, GV, VR>(globalTable: GlobalKTable<GK, GV>, keySelector: (key: K, value: V) => GK, joiner: (value: V, globalValue: GV | null) => VR, named?: Named): KStream<K, VR>;
  leftJoin(...args: unknown[]): KStream<K, unknown> {
    return joinKStream(this, args, { leftOuter: true, rightOuter: false });
  }

  /** Stream-stream only: unmatched records of either side give `joiner(value, null)` / `joiner(null, otherValue)`. */
  outerJoin<VO, VR>(other: KStream<K, VO>, joiner: (value: V | null, otherValue: VO | null) => VR, windows: JoinWindows, streamJoined?: StreamJoined<K, V, VO>): KStream<K, VR> {
    return joinKStream(this, [other, joiner, windows, streamJoined], { leftOuter: true, rightOuter: true }) as KStream<K, VR>;
  }

  /** Adds a one-parent processor after this stream and returns the stream it produces. */
  private withProcessor<K2, V2>(
    name: string,
    supplier: ProcessorSupplier<K, V, K2, V2>,
    keySerde: Serde<K2> | undefined,
    valueSerde: Serde<V2> | undefined,
    keyChanged = false,
  ): KStream<K2, V2> {
    this.builder.addProcessor(name, supplier, [this.name]);
    return new KStream(this.builder, name, this.subTopologySourceNodes, keySerde, valueSerde, this.repartitionRequired || keyChanged);
  }
}
