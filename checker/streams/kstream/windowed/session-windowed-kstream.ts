import { Serdes } from "../../serdes.ts";
import { materializedInternal, withSerdeDefaults, type NamedMaterialized } from "../internals/materialized-internal.ts";
import type { KGroupedStream } from "../kgrouped-stream.ts";
import { namedAndMaterialized, type KTable } from "../ktable.ts";
import { Materialized } from "../options/materialized.ts";
import { nameOrGenerate, type Named } from "../options/named.ts";
import type { SessionWindows } from "../windows/session-windows.ts";
import { SessionWindowedSerde } from "../windows/windowed-serdes.ts";
import type { Windowed } from "../windows/windowed.ts";
import { aggregatorFromReducer, countAggregator, countInitializer, type WindowedAggregator, type WindowedInitializer, type WindowedMerger } from "./aggregation-functions.ts";
import { buildWindowed } from "./build-windowed.ts";
import { EmitStrategy } from "./emit-strategy.ts";
import { KStreamSessionWindowAggregate } from "./kstream-session-window-aggregate.ts";
import { sessionStoreBuilder } from "./store-materializers.ts";

/**
 * A grouped stream windowed by SessionWindows (Java's `SessionWindowedKStream`). Each aggregation returns a
 * `KTable<Windowed<K>, VA>` over a session store; merging sessions emits tombstones for the sessions merged away.
 */
export class SessionWindowedKStream<K, V> {
  private strategy = EmitStrategy.onWindowUpdate();

  /** @internal Built by `KGroupedStream.windowedBy`. */
  constructor(
    private readonly grouped: KGroupedStream<K, V>,
    private readonly windows: SessionWindows,
  ) {}

  /**
   * Emit on every update (default) or once per window after it closes; applies to the aggregations called after
   * it (Java mutates this object the same way).
   */
  emitStrategy(emitStrategy: EmitStrategy): this {
    this.strategy = emitStrategy;
    return this;
  }

  /** Records per session (a null value is counted, as in Java; null keys are dropped). Long serde by default. */
  count(namedOrMaterialized?: Named | Materialized<K, number>, materialized?: Materialized<K, number>): KTable<Windowed<K>, number> {
    const [named, options] = namedAndMaterialized(namedOrMaterialized, materialized);
    // Java's count(Materialized) burns a store name when the Materialized has none (kept for topology compatibility).
    if (options !== undefined && options.storeName === undefined) this.grouped.builder.newStoreName("KSTREAM-AGGREGATE-");
    const store = withSerdeDefaults(
      materializedInternal(options ?? Materialized.with(this.grouped.keySerde, Serdes.Long()), this.grouped.builder, "KSTREAM-AGGREGATE-"),
      this.grouped.keySerde,
      Serdes.Long(),
    );
    const sum: WindowedMerger<K, number> = (_key, count1, count2) => count1! + count2!;
    return this.doAggregate(named, "KSTREAM-AGGREGATE-", store, countInitializer, countAggregator as WindowedAggregator<K, V, number>, sum);
  }

  /** `reducer(aggregate, value)` per session; merging two sessions reduces their aggregates (earlier one first). */
  reduce(reducer: (aggregate: V, value: V) => V, namedOrMaterialized?: Named | Materialized<K, V>, materialized?: Materialized<K, V>): KTable<Windowed<K>, V> {
    const [named, options] = namedAndMaterialized(namedOrMaterialized, materialized);
    const store = withSerdeDefaults(materializedInternal(options, this.grouped.builder, "KSTREAM-REDUCE-"), this.grouped.keySerde, this.grouped.valueSerde);
    const aggregator = aggregatorFromReducer<K, V>(reducer);
    // Java's mergerFromAggregator: (key, agg1, agg2) -> aggregator(key, agg2, agg1).
    const merger: WindowedMerger<K, V> = (key, aggregate1, aggregate2) => aggregator(key, aggregate2 as V, aggregate1);
    return this.doAggregate(named, "KSTREAM-REDUCE-", store, () => null, aggregator, merger);
  }

  /** `aggregator(key, value, aggregate)` per session; `merger(key, agg1, agg2)` combines sessions a record bridges. */
  aggregate<VA>(
    initializer: () => VA,
    aggregator: (key: K, value: V, aggregate: VA) => VA,
    merger: (key: K, aggregate1: VA, aggregate2: VA) => VA,
    namedOrMaterialized?: Named | Materialized<K, VA>,
    materialized?: Materialized<K, VA>,
  ): KTable<Windowed<K>, VA> {
    const [named, options] = namedAndMaterialized(namedOrMaterialized, materialized);
    const store = withSerdeDefaults(materializedInternal(options, this.grouped.builder, "KSTREAM-AGGREGATE-"), this.grouped.keySerde, undefined);
    return this.doAggregate(named, "KSTREAM-AGGREGATE-", store, initializer, aggregator as WindowedAggregator<K, V, VA>, merger as WindowedMerger<K, VA>);
  }

  private doAggregate<VA>(
    named: Named | undefined,
    prefix: string,
    store: NamedMaterialized<K, VA>,
    initializer: WindowedInitializer<VA>,
    aggregator: WindowedAggregator<K, V, VA>,
    merger: WindowedMerger<K, VA>,
  ): KTable<Windowed<K>, VA> {
    const functionName = nameOrGenerate(this.grouped.builder, named?.name, prefix);
    return buildWindowed(this.grouped, {
      functionName,
      materialized: store,
      storeBuilder: sessionStoreBuilder(store, this.windows, this.strategy),
      supplier: new KStreamSessionWindowAggregate<K, V, VA>(this.windows, store.storeName, this.strategy, initializer, aggregator, merger),
      keySerde: store.keySerde === undefined ? undefined : new SessionWindowedSerde(store.keySerde),
      // Java's SessionWindowedKStreamImpl: a session can still grow until gap + grace after its end.
      gracePeriodMs: this.windows.gracePeriodMs() + this.windows.inactivityGap(),
    });
  }
}
