import { keyValueStoreBuilder } from "../internals/key-value-store-materializer.ts";
import { materializedInternal } from "../internals/materialized-internal.ts";
import { KTable } from "../ktable.ts";
import type { Materialized } from "../options/materialized.ts";
import { nameOrGenerate, suffixedNameOrGenerate, type Named } from "../options/named.ts";
import { ensureCopartitionWith } from "./copartitioning.ts";
import { KTableKTableJoin, type TableJoinSide } from "./ktable-ktable-join.ts";
import { KTableKTableJoinMerger } from "./ktable-ktable-join-merger.ts";

/** Inner: `inner`/`inner`; left: `left` for this table, `right` for the other; outer: `outer`/`outer`. */
export interface TableJoinKind {
  readonly leftOuter: boolean;
  readonly rightOuter: boolean;
}

/**
 * `KTable.join/leftJoin/outerJoin(other, joiner, Named?, Materialized?)` (Java's `KTableImpl.doJoin`): both tables get
 * value getters (a source table is materialized), are registered as co-partitioned, and each side's updates join the
 * other side's current value; a left join makes this table send old values, an outer join both. Nodes:
 * `KTABLE-JOINTHIS-…` / `KTABLE-JOINOTHER-…` (or `<name>-join-this` / `<name>-join-other`) and the merge node
 * `KTABLE-MERGE-…` (or `<name>`), which is the joined table; with a Materialized, its store (named, or
 * `KTABLE-MERGE-STATE-STORE-…` taken before the merge name, as Java does).
 */
export function tableTableJoin<K, V, VO, VR>(
  thisTable: KTable<K, V>,
  other: KTable<K, VO>,
  joiner: (value: V | null, otherValue: VO | null) => VR,
  named: Named | undefined,
  materialized: Materialized<K, VR> | undefined,
  { leftOuter, rightOuter }: TableJoinKind,
): KTable<K, VR> {
  const builder = thisTable.builder;
  const store = materialized && materializedInternal(materialized, builder, "KTABLE-MERGE-");
  const mergeName = nameOrGenerate(builder, named?.name, "KTABLE-MERGE-");
  const sourceNodes = ensureCopartitionWith(builder, [thisTable.subTopologySourceNodes, other.subTopologySourceNodes]);
  if (leftOuter) thisTable.enableSendingOldValues(true);
  if (rightOuter) other.enableSendingOldValues(true);
  const keySerde = store?.keySerde ?? thisTable.keySerde;

  const thisSide: TableJoinSide = !leftOuter ? "inner" : rightOuter ? "outer" : "left";
  const otherSide: TableJoinSide = !leftOuter ? "inner" : rightOuter ? "outer" : "right";
  const joinThis = new KTableKTableJoin<K, V, VO, VR>(thisSide, thisTable, other, joiner);
  const joinOther = new KTableKTableJoin<K, VO, V, VR>(otherSide, other, thisTable, (otherValue, value) => joiner(value, otherValue));
  const thisName = suffixedNameOrGenerate(builder, named?.name, "-join-this", "KTABLE-JOINTHIS-");
  const otherName = suffixedNameOrGenerate(builder, named?.name, "-join-other", "KTABLE-JOINOTHER-");
  const merger = new KTableKTableJoinMerger<K, VR>(
    joinThis as KTableKTableJoin<K, unknown, unknown, VR>,
    joinOther as KTableKTableJoin<K, unknown, unknown, VR>,
    store?.storeName,
  );

  builder.addProcessor(thisName, () => joinThis.get(), [thisTable.name]);
  builder.addProcessor(otherName, () => joinOther.get(), [other.name]);
  builder.addProcessor(mergeName, () => merger.get(), [thisName, otherName]);
  if (store) builder.addStateStore(keyValueStoreBuilder({ ...store, keySerde }), [mergeName]);
  builder.connectProcessorAndStateStores([thisName], other.valueGetterSupplier().storeNames);
  builder.connectProcessorAndStateStores([otherName], thisTable.valueGetterSupplier().storeNames);
  return new KTable<K, VR>(builder, mergeName, sourceNodes, keySerde, store?.valueSerde, merger, store?.storeName);
}
