import type { Serde } from "../../serdes.ts";
import type { StoreBuilder } from "../../state/store.ts";
import type { NamedMaterialized } from "../internals/materialized-internal.ts";
import type { KTableSupplier } from "../internals/table-supplier.ts";
import type { KGroupedStream } from "../kgrouped-stream.ts";
import type { KTable } from "../ktable.ts";
import type { Windowed } from "../windows/windowed.ts";
import { recordGracePeriod } from "./grace-periods.ts";

export interface WindowedAggregation<K, VA> {
  readonly functionName: string;
  readonly materialized: NamedMaterialized<K, VA>;
  readonly storeBuilder: StoreBuilder;
  readonly supplier: KTableSupplier<Windowed<K>, VA>;
  /** The table's key serde, built on the store's key serde (undefined when that is the config default, as in Java). */
  readonly keySerde: Serde<Windowed<K>> | undefined;
  /** What `suppress(untilWindowCloses)` downstream waits after a window's end (Java's `GracePeriodGraphNode`). */
  readonly gracePeriodMs: number;
}

/** Java's `GroupedStreamAggregateBuilder.buildWindowed`: the grouped stream's aggregation step, marked with its grace. */
export function buildWindowed<K, V, VA>(grouped: KGroupedStream<K, V>, aggregation: WindowedAggregation<K, VA>): KTable<Windowed<K>, VA> {
  const table = grouped.aggregateBuilder.build({
    functionName: aggregation.functionName,
    storeBuilder: aggregation.storeBuilder,
    supplier: aggregation.supplier,
    queryableStoreName: aggregation.materialized.queryableStoreName,
    keySerde: aggregation.keySerde,
    valueSerde: aggregation.materialized.valueSerde,
  });
  recordGracePeriod(grouped.builder, aggregation.functionName, aggregation.gracePeriodMs);
  return table;
}
