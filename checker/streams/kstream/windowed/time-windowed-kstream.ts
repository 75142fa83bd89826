import { Serdes } from "../../serdes.ts";
import { materializedInternal, withSerdeDefaults, type NamedMaterialized } from "../internals/materialized-internal.ts";
import type { KGroupedStream } from "../kgrouped-stream.ts";
import { namedAndMaterialized, type KTable } from "../ktable.ts";
import { Materialized } from "../options/materialized.ts";
import { nameOrGenerate, type Named } from "../options/named.ts";
import { SlidingWindows } from "../windows/sliding-windows.ts";
import type { TimeWindows } from "../windows/time-windows.ts";
import { TimeWindowedSerde } from "../windows/windowed-serdes.ts";
import type { Windowed } from "../windows/windowed.ts";
import { aggregatorFromReducer, countAggregator, countInitializer, type WindowedAggregator, type WindowedInitializer } from "./aggregation-functions.ts";
import { buildWindowed } from "./build-windowed.ts";
import { EmitStrategy } from "./emit-strategy.ts";
import { KStreamSlidingWindowAggregate } from "./kstream-sliding-window-aggregate.ts";
import { KStreamWindowAggregate } from "./kstream-window-aggregate.ts";
import { slidingWindowStoreBuilder, timeWindowStoreBuilder } from "./store-materializers.ts";

/**
 * A grouped stream windowed by TimeWindows or SlidingWindows (Java's `TimeWindowedKStream`, implemented there by
 * `TimeWindowedKStreamImpl` and `SlidingWindowedKStreamImpl`). Each aggregation returns a `KTable<Windowed<K>, VA>`
 * backed by a window store that emits every update; names are taken from the counter exactly where Java takes them.
 */
export class TimeWindowedKStream<K, V> {
  private strategy = EmitStrategy.onWindowUpdate();

  /** @internal Built by `KGroupedStream.windowedBy`. */
  constructor(
    private readonly grouped: KGroupedStream<K, V>,
    private readonly windows: TimeWindows | SlidingWindows,
  ) {}

  /**
   * Emit on every update (default) or once per window after it closes; applies to the aggregations called after
   * it (Java mutates this object the same way).
   */
  emitStrategy(emitStrategy: EmitStrategy): this {
    this.strategy = emitStrategy;
    return this;
  }

  /** Records per key and window (a null value is counted, as in Java; null keys are dropped). Long serde by default. */
  count(namedOrMaterialized?: Named | Materialized<K, number>, materialized?: Materialized<K, number>): KTable<Windowed<K>, number> {
    const [named, options] = namedAndMaterialized(namedOrMaterialized, materialized);
    // Java's TimeWindowedKStreamImpl.count(Materialized) burns a store name when the Materialized has none (kept for
    // topology compatibility); SlidingWindowedKStreamImpl does not.
    if (options !== undefined && options.storeName === undefined && !(this.windows instanceof SlidingWindows)) {
      this.grouped.builder.newStoreName("KSTREAM-AGGREGATE-");
    }
    const store = withSerdeDefaults(
      materializedInternal(options ?? Materialized.with(this.grouped.keySerde, Serdes.Long()), this.grouped.builder, "KSTREAM-AGGREGATE-"),
      this.grouped.keySerde,
      Serdes.Long(),
    );
    return this.doAggregate(named, "KSTREAM-AGGREGATE-", store, countInitializer, countAggregator as WindowedAggregator<K, V, number>);
  }

  /** `reducer(aggregate, value)` per key and window; the first value is the aggregate. */
  reduce(reducer: (aggregate: V, value: V) => V, namedOrMaterialized?: Named | Materialized<K, V>, materialized?: Materialized<K, V>): KTable<Windowed<K>, V> {
    const [named, options] = namedAndMaterialized(namedOrMaterialized, materialized);
    const store = withSerdeDefaults(materializedInternal(options, this.grouped.builder, "KSTREAM-REDUCE-"), this.grouped.keySerde, this.grouped.valueSerde);
    return this.doAggregate(named, "KSTREAM-REDUCE-", store, () => null, aggregatorFromReducer<K, V>(reducer));
  }

  /** `aggregator(key, value, aggregate)` per key and window, each window starting from `initializer()`. */
  aggregate<VA>(
    initializer: () => VA,
    aggregator: (key: K, value: V, aggregate: VA) => VA,
    namedOrMaterialized?: Named | Materialized<K, VA>,
    materialized?: Materialized<K, VA>,
  ): KTable<Windowed<K>, VA> {
    const [named, options] = namedAndMaterialized(namedOrMaterialized, materialized);
    const store = withSerdeDefaults(materializedInternal(options, this.grouped.builder, "KSTREAM-AGGREGATE-"), this.grouped.keySerde, undefined);
    return this.doAggregate(named, "KSTREAM-AGGREGATE-", store, initializer, aggregator as WindowedAggregator<K, V, VA>);
  }

  private doAggregate<VA>(
    named: Named | undefined,
    prefix: string,
    store: NamedMaterialized<K, VA>,
    initializer: WindowedInitializer<VA>,
    aggregator: WindowedAggregator<K, V, VA>,
  ): KTable<Windowed<K>, VA> {
    const functionName = nameOrGenerate(this.grouped.builder, named?.name, prefix);
    const windows = this.windows;
    const sliding = windows instanceof SlidingWindows;
    const windowSize = sliding ? windows.timeDifferenceMs() : windows.size();
    return buildWindowed(this.grouped, {
      functionName,
      materialized: store,
      storeBuilder: sliding ? slidingWindowStoreBuilder(store, windows, this.strategy) : timeWindowStoreBuilder(store, windows),
      supplier: sliding
        ? new KStreamSlidingWindowAggregate<K, V, VA>(windows, store.storeName, this.strategy, initializer, aggregator)
        : new KStreamWindowAggregate<K, V, VA>(windows, store.storeName, this.strategy, initializer, aggregator),
      keySerde: store.keySerde === undefined ? undefined : new TimeWindowedSerde(store.keySerde, windowSize),
      gracePeriodMs: windows.gracePeriodMs(),
    });
  }
}
