import type { KeyValue } from "../keyvalue.ts";
import type { Change } from "../processor/record.ts";
import type { Serde } from "../serdes.ts";
import type { InternalTopologyBuilder } from "../topology/internal-topology-builder.ts";
import { keyValueStoreBuilder } from "./internals/key-value-store-materializer.ts";
import { KTableFilter } from "./internals/ktable-filter.ts";
import { KTableMapValues } from "./internals/ktable-map-values.ts";
import { KTableRepartitionMap } from "./internals/ktable-repartition-map.ts";
import { materializedInternal, type MaterializedInternal } from "./internals/materialized-internal.ts";
import { mapValuesProcessor } from "./internals/stateless-processors.ts";
import type { KTableSupplier, KTableValueGetterSupplier } from "./internals/table-supplier.ts";
import { KGroupedTable } from "./kgrouped-table.ts";
import { joinKTable } from "./joins/join-dispatch.ts";
import { KStream } from "./kstream.ts";
import { Grouped } from "./options/grouped.ts";
import type { Materialized } from "./options/materialized.ts";
import { Named, nameOrGenerate } from "./options/named.ts";
import { suppressTable } from "./suppress/ktable-suppress.ts";
import type { Suppressed } from "./suppress/suppressed.ts";

/**
 * A changelog stream read as a table (Java's `KTable` / `KTableImpl`). Its node forwards `Change<V>` values
 * (new value, and the old one when a downstream operator enabled old values).
 *
 * Internal shape (used by the windows and joins helpers, who build KTables the same way):
 * - `builder`, `name` (the node that emits this table's changes), `subTopologySourceNodes`, `keySerde`/`valueSerde`
 *   (undefined = config default), as on KStream;
 * - `supplier`: what made the table (source, filter, mapValues, aggregate, join…); `valueGetterSupplier()` and
 *   `enableSendingOldValues(force)` delegate to it, as Java's `KTableImpl` does;
 * - `queryableStoreName`: the store name when the table is materialized under a user-given name, else undefined.
 */
export class KTable<K, V> {
  private sendOldValues = false;

  /** @internal Built by the DSL. */
  constructor(
    readonly builder: InternalTopologyBuilder,
    readonly name: string,
    readonly subTopologySourceNodes: readonly string[],
    readonly keySerde: Serde<K> | undefined,
    readonly valueSerde: Serde<V> | undefined,
    readonly supplier: KTableSupplier<K, V>,
    readonly queryableStoreName: string | undefined,
  ) {}

  /** Keys whose value fails the predicate leave the table (a tombstone downstream). */
  filter(predicate: (key: K, value: V) => boolean, materialized: Materialized<K, V>): KTable<K, V>;
  filter(predicate: (key: K, value: V) => boolean, named?: Named, materialized?: Materialized<K, V>): KTable<K, V>;
  filter(predicate: (key: K, value: V) => boolean, namedOrMaterialized?: Named | Materialized<K, V>, materialized?: Materialized<K, V>): KTable<K, V> {
    return this.doFilter(predicate, false, ...namedAndMaterialized(namedOrMaterialized, materialized));
  }

  filterNot(predicate: (key: K, value: V) => boolean, materialized: Materialized<K, V>): KTable<K, V>;
  filterNot(predicate: (key: K, value: V) => boolean, named?: Named, materialized?: Materialized<K, V>): KTable<K, V>;
  filterNot(predicate: (key: K, value: V) => boolean, namedOrMaterialized?: Named | Materialized<K, V>, materialized?: Materialized<K, V>): KTable<K, V> {
    return this.doFilter(predicate, true, ...namedAndMaterialized(namedOrMaterialized, materialized));
  }

  /** `mapper(value, key)`, value first as on KStream; never called for a deleted (null) value. */
  mapValues<V2>(mapper: (value: V, key: K) => V2, materialized: Materialized<K, V2>): KTable<K, V2>;
  mapValues<V2>(mapper: (value: V, key: K) => V2, named?: Named, materialized?: Materialized<K, V2>): KTable<K, V2>;
  mapValues<V2>(mapper: (value: V, key: K) => V2, namedOrMaterialized?: Named | Materialized<K, V2>, materialized?: Materialized<K, V2>): KTable<K, V2> {
    const [named, options] = namedAndMaterialized(namedOrMaterialized, materialized);
    const store = options && materializedInternal(options);
    // Java burns a store name before the processor name when Materialized has no name, to keep later names stable.
    if (store && store.storeName === undefined) this.builder.newStoreName("KTABLE-MAPVALUES-");
    const name = nameOrGenerate(this.builder, named?.name, "KTABLE-MAPVALUES-");
    const supplier = new KTableMapValues<K, V, V2>(this, mapper, store?.queryableStoreName);
    this.addTableProcessor(name, supplier, store);
    // The value type may change, so the parent's value serde is not inherited.
    return new KTable(this.builder, name, this.subTopologySourceNodes, store?.keySerde ?? this.keySerde, store?.valueSerde, supplier, store?.queryableStoreName);
  }

  /** Every update as a record, tombstones (null values) included; with a mapper, re-keyed as `toStream().selectKey`. */
  toStream(named?: Named): KStream<K, V>;
  toStream<K2>(mapper: (key: K, value: V) => K2, named?: Named): KStream<K2, V>;
  toStream<K2>(mapperOrNamed?: Named | ((key: K, value: V) => K2), named?: Named): KStream<K, V> | KStream<K2, V> {
    if (typeof mapperOrNamed === "function") return this.toStream(named).selectKey(mapperOrNamed);
    const name = nameOrGenerate(this.builder, mapperOrNamed?.name, "KTABLE-TOSTREAM-");
    this.builder.addProcessor(name, mapValuesProcessor((change: Change<V>) => change.newValue), [this.name]);
    return new KStream<K, V>(this.builder, name, this.subTopologySourceNodes, this.keySerde, this.valueSerde, false);
  }

  /**
   * Re-keys the table for an aggregation. Every update becomes "subtract old value from its group, add new value to
   * its group", so this table is made to send old values (and a source table gets a store).
   */
  groupBy<K2, V2>(selector: (key: K, value: V) => KeyValue<K2, V2>, grouped?: Grouped<K2, V2>): KGroupedTable<K2, V2> {
    const effective = grouped ?? Grouped.with<K2, V2>(undefined, undefined);
    const name = nameOrGenerate(this.builder, effective.name, "KTABLE-SELECT-");
    const supplier = new KTableRepartitionMap<K, V, K2, V2>(selector);
    this.builder.addProcessor(name, () => supplier.get(), [this.name]);
    this.enableSendingOldValues(true);
    return new KGroupedTable(this.builder, name, this.subTopologySourceNodes, effective.keySerde, effective.valueSerde, effective.name);
  }

  // ---- joins (the joins helper owns these bodies) ----

  /**
   * Joins on the key with the other table's current value; both sides' updates trigger, the result timestamp is the
   * larger of the two. See kstream/joins/ for the semantics.
   */
  join<VO, VR>(other: KTable<K, VO>, joiner: (value: V, otherValue: VO) => VR, materialized: Materialized<K, VR>): KTable<K, VR>;
  join<VO, VR>(other: KTable<K, VO>, joiner: (value: V, otherValue: VO) => VR, named?: Named, materialized?: Materialized<K, VR>): KTable<K, VR>;
  join<VO, VR>(other: KTable<K, VO>, joiner: (value: V, otherValue: VO) => VR, named?: Named | Materialized<K, VR>, materialized?: Materialized<K, VR>): KTable<K, VR> {
    return joinKTable(this, other, joiner as (value: V | null, otherValue: VO | null) => VR, named, materialized, { leftOuter: false, rightOuter: false });
  }

  /** Every key of this table gets a result, `joiner(value, null)` while the other table has none. */
  leftJoin<VO, VR>(other: KTable<K, VO>, joiner: (value: V, otherValue: VO | null) => VR, materialized: Materialized<K, VR>): KTable<K, VR>;
  leftJoin<VO, VR>(other: KTable<K, VO>, joiner: (value: V, otherValue: VO | null) => VR, named?: Named, materialized?: Materialized<K, VR>): KTable<K, VR>;
  leftJoin<VO, VR>(other: KTable<K, VO>, joiner: (value: V, otherValue: VO | null) => VR, named?: Named | Materialized<K, VR>, materialized?: Materialized<K, VR>): KTable<K, VR> {
    return joinKTable(this, other, joiner as (value: V | null, otherValue: VO | null) => VR, named, materialized, { leftOuter: true, rightOuter: false });
  }

  /** Every key of either table gets a result, with null for the side that has no value. */
  outerJoin<VO, VR>(other: KTable<K, VO>, joiner: (value: V | null, otherValue: VO | null) => VR, materialized: Materialized<K, VR>): KTable<K, VR>;
  outerJoin<VO, VR>(other: KTable<K, VO>, joiner: (value: V | null, otherValue: VO | null) => VR, named?: Named, materialized?: Materialized<K, VR>): KTable<K, VR>;
  outerJoin<VO, VR>(other: KTable<K, VO>, joiner: (value: V | null, otherValue: VO | null) => VR, named?: Named | Materialized<K, VR>, materialized?: Materialized<K, VR>): KTable<K, VR> {
    return joinKTable(this, other, joiner as (value: V | null, otherValue: VO | null) => VR, named, materialized, { leftOuter: true, rightOuter: true });
  }

  // ---- suppress (the windows helper owns this body and may sharpen the `unknown` type) ----

  /** Holds back updates: one final result per window (untilWindowCloses) or the latest per key (untilTimeLimit). */
  suppress(suppressed: Suppressed<K>): KTable<K, V> {
    return suppressTable(this, suppressed);
  }

  // ---- internals (Java's KTableImpl package-private methods) ----

  /** @internal Getter over this table's values; a source table becomes materialized (as Java). */
  valueGetterSupplier(): KTableValueGetterSupplier<K, V> {
    return this.supplier.view();
  }

  /**
   * @internal Makes this table forward old values. False when that needs a store that is not there and
   * `forceMaterialization` is false (Java's `KTableImpl.enableSendingOldValues`).
   */
  enableSendingOldValues(forceMaterialization: boolean): boolean {
    if (!this.sendOldValues) {
      if (!this.supplier.enableSendingOldValues(forceMaterialization)) return false;
      this.sendOldValues = true;
    }
    return true;
  }

  /** @internal Whether old values were enabled (Java's `KTableImpl.sendingOldValueEnabled`). */
  sendingOldValueEnabled(): boolean {
    return this.sendOldValues;
  }

  private doFilter(predicate: (key: K, value: V) => boolean, filterNot: boolean, named: Named | undefined, materialized: Materialized<K, V> | undefined): KTable<K, V> {
    const store = materialized && materializedInternal(materialized);
    // Java burns a store name before the processor name when Materialized has no name, to keep later names stable.
    if (store && store.storeName === undefined) this.builder.newStoreName("KTABLE-FILTER-");
    const name = nameOrGenerate(this.builder, named?.name, "KTABLE-FILTER-");
    const supplier = new KTableFilter<K, V>(this, predicate, filterNot, store?.queryableStoreName);
    this.addTableProcessor(name, supplier, store);
    return new KTable(this.builder, name, this.subTopologySourceNodes, store?.keySerde ?? this.keySerde, store?.valueSerde ?? this.valueSerde, supplier, store?.queryableStoreName);
  }

  /** Adds a table operator's node, and its own store when the user named one (Java's TableProcessorNode). */
  private addTableProcessor<V2>(name: string, supplier: KTableSupplier<K, V2>, store: MaterializedInternal<K, V2> | undefined): void {
    this.builder.addProcessor(name, () => supplier.get(), [this.name]);
    if (store?.queryableStoreName !== undefined) this.builder.addStateStore(keyValueStoreBuilder({ ...store, storeName: store.queryableStoreName }), [name]);
  }
}

/** Java's overloads `op(x)`, `op(x, Named)`, `op(x, Materialized)`, `op(x, Named, Materialized)` in one signature. */
export function namedAndMaterialized<M>(namedOrMaterialized: Named | M | undefined, materialized: M | undefined): [Named | undefined, M | undefined] {
  return namedOrMaterialized instanceof Named ? [namedOrMaterialized, materialized] : [undefined, namedOrMaterialized ?? materialized];
}
