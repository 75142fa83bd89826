import { failOnInvalidTimestamp } from "../engine/timestamp-extractors.ts";
import { Serdes, type Serde } from "../serdes.ts";
import type { InternalTopologyBuilder } from "../topology/internal-topology-builder.ts";
import { changeSerde } from "./internals/change-serde.ts";
import { keyValueStoreBuilder } from "./internals/key-value-store-materializer.ts";
import { tableAggregate, tableReduce } from "./internals/ktable-aggregate.ts";
import { materializedInternal, withSerdeDefaults, type NamedMaterialized } from "./internals/materialized-internal.ts";
import { linkRepartition, REPARTITION_TOPIC_SUFFIX } from "./internals/repartition.ts";
import type { KTableSupplier } from "./internals/table-supplier.ts";
import { KTable, namedAndMaterialized } from "./ktable.ts";
import type { Materialized } from "./options/materialized.ts";
import { nameOrGenerate, suffixedNameOrGenerate, type Named } from "./options/named.ts";

/**
 * A table re-keyed by `KTable.groupBy` (Java's `KGroupedTable` / `KGroupedTableImpl`): every update arrives as "subtract
 * the old value from its old group, add the new value to its new group", through a repartition topic created when an
 * aggregation is called.
 */
export class KGroupedTable<K, V> {
  /** @internal `name` is the repartition-map node (Java's `KTableRepartitionMap`), whose output is Change<V>. */
  constructor(
    readonly builder: InternalTopologyBuilder,
    readonly name: string,
    readonly subTopologySourceNodes: readonly string[],
    readonly keySerde: Serde<K> | undefined,
    readonly valueSerde: Serde<V> | undefined,
    readonly groupedName: string | undefined,
  ) {}

  /** Source node of the repartition topic once written; a Grouped name makes later aggregations reuse it. */
  private repartitionSourceName: string | undefined;

  /** Rows per group; a group whose rows all left shows 0 (it is not deleted). */
  count(materialized: Materialized<K, number>): KTable<K, number>;
  count(named?: Named, materialized?: Materialized<K, number>): KTable<K, number>;
  count(namedOrMaterialized?: Named | Materialized<K, number>, materialized?: Materialized<K, number>): KTable<K, number> {
    const [named, options] = namedAndMaterialized(namedOrMaterialized, materialized);
    const store = withSerdeDefaults(materializedInternal(options, this.builder, "KTABLE-AGGREGATE-"), this.keySerde, Serdes.Long());
    const supplier = tableAggregate<K, V, number>(store.storeName, () => 0, (_key, _value, count) => count + 1, (_key, _value, count) => count - 1);
    return this.doAggregate(supplier, named, "KTABLE-AGGREGATE-", store);
  }

  /** `adder(aggregate, newValue)`, `subtractor(aggregate, oldValue)`; a null result deletes the group. */
  reduce(adder: (aggregate: V, value: V) => V, subtractor: (aggregate: V, value: V) => V, materialized: Materialized<K, V>): KTable<K, V>;
  reduce(adder: (aggregate: V, value: V) => V, subtractor: (aggregate: V, value: V) => V, named?: Named, materialized?: Materialized<K, V>): KTable<K, V>;
  reduce(
    adder: (aggregate: V, value: V) => V,
    subtractor: (aggregate: V, value: V) => V,
    namedOrMaterialized?: Named | Materialized<K, V>,
    materialized?: Materialized<K, V>,
  ): KTable<K, V> {
    const [named, options] = namedAndMaterialized(namedOrMaterialized, materialized);
    // Java names the store KTABLE-AGGREGATE-STATE-STORE-… for reduce too; only the processor is KTABLE-REDUCE-….
    const store = withSerdeDefaults(materializedInternal(options, this.builder, "KTABLE-AGGREGATE-"), this.keySerde, this.valueSerde);
    return this.doAggregate(tableReduce<K, V>(store.storeName, adder, subtractor), named, "KTABLE-REDUCE-", store);
  }

  /** `adder(key, newValue, aggregate)`, `subtractor(key, oldValue, aggregate)`, starting from `initializer()`. */
  aggregate<VA>(initializer: () => VA, adder: (key: K, value: V, aggregate: VA) => VA, subtractor: (key: K, value: V, aggregate: VA) => VA, materialized: Materialized<K, VA>): KTable<K, VA>;
  aggregate<VA>(
    initializer: () => VA,
    adder: (key: K, value: V, aggregate: VA) => VA,
    subtractor: (key: K, value: V, aggregate: VA) => VA,
    named?: Named,
    materialized?: Materialized<K, VA>,
  ): KTable<K, VA>;
  aggregate<VA>(
    initializer: () => VA,
    adder: (key: K, value: V, aggregate: VA) => VA,
    subtractor: (key: K, value: V, aggregate: VA) => VA,
    namedOrMaterialized?: Named | Materialized<K, VA>,
    materialized?: Materialized<K, VA>,
  ): KTable<K, VA> {
    const [named, options] = namedAndMaterialized(namedOrMaterialized, materialized);
    const store = withSerdeDefaults(materializedInternal(options, this.builder, "KTABLE-AGGREGATE-"), this.keySerde, undefined);
    return this.doAggregate(tableAggregate<K, V, VA>(store.storeName, initializer, adder, subtractor), named, "KTABLE-AGGREGATE-", store);
  }

  /**
   * Java's `KGroupedTableImpl.doAggregate`: sink and source names (`<Named>-sink`/`-source` or generated), the
   * processor name, then the topic `<Grouped name or store name>-repartition` carrying `Change` values, then the
   * aggregation node with its store.
   */
  private doAggregate<VA>(supplier: KTableSupplier<K, VA>, named: Named | undefined, functionPrefix: string, store: NamedMaterialized<K, VA>): KTable<K, VA> {
    const sinkName = suffixedNameOrGenerate(this.builder, named?.name, "-sink", "KSTREAM-SINK-");
    const sourceName = suffixedNameOrGenerate(this.builder, named?.name, "-source", "KSTREAM-SOURCE-");
    const functionName = nameOrGenerate(this.builder, named?.name, functionPrefix);
    const topic = (this.groupedName ?? store.storeName) + REPARTITION_TOPIC_SUFFIX;
    if (this.repartitionSourceName === undefined || this.groupedName === undefined) {
      const serdes = { keySerde: this.keySerde as Serde<unknown> | undefined, valueSerde: changeSerde(this.valueSerde) as Serde<unknown> };
      this.builder.addInternalTopic({ name: topic, kind: "repartition", partitions: undefined });
      this.builder.addSink(sinkName, topic, [this.name], serdes);
      this.builder.addSource(sourceName, [topic], { ...serdes, timestampExtractor: failOnInvalidTimestamp });
      linkRepartition(this.builder, sinkName, sourceName);
      this.repartitionSourceName = sourceName;
    }
    this.builder.addProcessor(functionName, () => supplier.get(), [this.repartitionSourceName]);
    this.builder.addStateStore(keyValueStoreBuilder(store), [functionName]);
    return new KTable(this.builder, functionName, [sourceName], store.keySerde, store.valueSerde, supplier, store.queryableStoreName);
  }
}
