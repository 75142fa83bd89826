import { Serdes, type Serde } from "../serdes.ts";
import type { InternalTopologyBuilder } from "../topology/internal-topology-builder.ts";
import { GroupedStreamAggregateBuilder } from "./internals/grouped-stream-aggregate-builder.ts";
import { keyValueStoreBuilder } from "./internals/key-value-store-materializer.ts";
import { streamAggregate, streamReduce } from "./internals/kstream-aggregate.ts";
import { materializedInternal, withSerdeDefaults, type NamedMaterialized } from "./internals/materialized-internal.ts";
import type { KTableSupplier } from "./internals/table-supplier.ts";
import { namedAndMaterialized, type KTable } from "./ktable.ts";
import { Materialized } from "./options/materialized.ts";
import { nameOrGenerate, type Named } from "./options/named.ts";
import { SessionWindowedKStream } from "./windowed/session-windowed-kstream.ts";
import { TimeWindowedKStream } from "./windowed/time-windowed-kstream.ts";
import { SessionWindows } from "./windows/session-windows.ts";
import type { SlidingWindows } from "./windows/sliding-windows.ts";
import type { TimeWindows } from "./windows/time-windows.ts";

/**
 * A stream grouped by key, ready to aggregate (Java's `KGroupedStream` / `KGroupedStreamImpl`). Nothing is added to
 * the topology until an aggregation is called: only then is the repartition topic created (when
 * `repartitionRequired`), named after the Grouped name, else the store name (Java's `GroupedStreamAggregateBuilder`).
 *
 * Internal shape (the windows helper's windowedBy builds on it):
 * - `builder`, `name` (the node to aggregate from), `subTopologySourceNodes`, `keySerde`/`valueSerde` (the Grouped
 *   serdes, else the stream's; undefined = default), `repartitionRequired`, `groupedName` (Grouped.as name or undefined);
 * - `aggregateBuilder`: adds an aggregation node (and the repartition step first, when needed); windowed
 *   aggregations call it too, so that every aggregation of one grouped stream shares Java's repartition logic.
 */
export class KGroupedStream<K, V> {
  /** @internal */
  constructor(
    readonly builder: InternalTopologyBuilder,
    readonly name: string,
    readonly subTopologySourceNodes: readonly string[],
    readonly keySerde: Serde<K> | undefined,
    readonly valueSerde: Serde<V> | undefined,
    readonly repartitionRequired: boolean,
    readonly groupedName: string | undefined,
  ) {
    this.aggregateBuilder = new GroupedStreamAggregateBuilder(builder, name, subTopologySourceNodes, keySerde, valueSerde, repartitionRequired, groupedName);
  }

  /** @internal */
  readonly aggregateBuilder: GroupedStreamAggregateBuilder<K, V>;

  /** Records per key (null keys and null values are not counted), as a KTable of numbers (Long serde by default). */
  count(materialized: Materialized<K, number>): KTable<K, number>;
  count(named?: Named, materialized?: Materialized<K, number>): KTable<K, number>;
  count(namedOrMaterialized?: Named | Materialized<K, number>, materialized?: Materialized<K, number>): KTable<K, number> {
    const [named, options] = namedAndMaterialized(namedOrMaterialized, materialized);
    // Java's count(Materialized) burns a store name first when the Materialized has none (kept for compatibility);
    // count() and count(Named) do not.
    if (options !== undefined && options.storeName === undefined) this.builder.newStoreName("KSTREAM-AGGREGATE-");
    const store = withSerdeDefaults(
      materializedInternal(options ?? Materialized.with(this.keySerde, Serdes.Long()), this.builder, "KSTREAM-AGGREGATE-"),
      this.keySerde,
      Serdes.Long(),
    );
    const name = nameOrGenerate(this.builder, named?.name, "KSTREAM-AGGREGATE-");
    return this.doAggregate(name, store, streamAggregate<K, V, number>(store.storeName, () => 0, (_key, _value, count) => count + 1));
  }

  /** `reducer(aggregate, value)`; the first value of a key is its aggregate. Null keys and null values are dropped. */
  reduce(reducer: (aggregate: V, value: V) => V, materialized: Materialized<K, V>): KTable<K, V>;
  reduce(reducer: (aggregate: V, value: V) => V, named?: Named, materialized?: Materialized<K, V>): KTable<K, V>;
  reduce(reducer: (aggregate: V, value: V) => V, namedOrMaterialized?: Named | Materialized<K, V>, materialized?: Materialized<K, V>): KTable<K, V> {
    const [named, options] = namedAndMaterialized(namedOrMaterialized, materialized);
    const store = withSerdeDefaults(materializedInternal(options, this.builder, "KSTREAM-REDUCE-"), this.keySerde, this.valueSerde);
    const name = nameOrGenerate(this.builder, named?.name, "KSTREAM-REDUCE-");
    return this.doAggregate(name, store, streamReduce<K, V>(store.storeName, reducer));
  }

  /** `aggregator(key, value, aggregate)` starting from `initializer()`. Null keys and null values are dropped. */
  aggregate<VA>(initializer: () => VA, aggregator: (key: K, value: V, aggregate: VA) => VA, materialized: Materialized<K, VA>): KTable<K, VA>;
  aggregate<VA>(initializer: () => VA, aggregator: (key: K, value: V, aggregate: VA) => VA, named?: Named, materialized?: Materialized<K, VA>): KTable<K, VA>;
  aggregate<VA>(
    initializer: () => VA,
    aggregator: (key: K, value: V, aggregate: VA) => VA,
    namedOrMaterialized?: Named | Materialized<K, VA>,
    materialized?: Materialized<K, VA>,
  ): KTable<K, VA> {
    const [named, options] = namedAndMaterialized(namedOrMaterialized, materialized);
    const store = withSerdeDefaults(materializedInternal(options, this.builder, "KSTREAM-AGGREGATE-"), this.keySerde, undefined);
    const name = nameOrGenerate(this.builder, named?.name, "KSTREAM-AGGREGATE-");
    return this.doAggregate(name, store, streamAggregate<K, V, VA>(store.storeName, initializer, aggregator));
  }

  // ---- windowing (the windows helper owns this body and sharpens the types) ----

  /** Windowed aggregations: TimeWindows (tumbling, hopping) and SlidingWindows, or SessionWindows. */
  windowedBy(windows: TimeWindows | SlidingWindows): TimeWindowedKStream<K, V>;
  windowedBy(windows: SessionWindows): SessionWindowedKStream<K, V>;
  windowedBy(windows: TimeWindows | SlidingWindows | SessionWindows): TimeWindowedKStream<K, V> | SessionWindowedKStream<K, V> {
    return windows instanceof SessionWindows ? new SessionWindowedKStream(this, windows) : new TimeWindowedKStream(this, windows);
  }

  private doAggregate<VA>(functionName: string, store: NamedMaterialized<K, VA>, supplier: KTableSupplier<K, VA>): KTable<K, VA> {
    return this.aggregateBuilder.build({
      functionName,
      storeBuilder: keyValueStoreBuilder(store),
      supplier,
      queryableStoreName: store.queryableStoreName,
      keySerde: store.keySerde,
      valueSerde: store.valueSerde,
    });
  }
}
