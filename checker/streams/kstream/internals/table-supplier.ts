import type { Processor, ProcessorContext } from "../../processor/api.ts";
import type { Change } from "../../processor/record.ts";
import type { ValueAndTimestamp } from "../../state/store.ts";

/**
 * Reads a table's current value for a key inside a task (Java's `KTableValueGetter`): from the table's own store when
 * it is materialized, otherwise by computing it from the parent's getter (filter, mapValues…).
 */
export interface KTableValueGetter<K, V> {
  /** Called once per task with the context of the processor that reads (its stores must include `storeNames`). */
  init(context: ProcessorContext<unknown, unknown>): void;
  get(key: K): ValueAndTimestamp<V> | null;
  close?(): void;
}

/** Java's `KTableValueGetterSupplier`: the stores a reader must be connected to, and a fresh getter per task. */
export interface KTableValueGetterSupplier<K, V> {
  readonly storeNames: readonly string[];
  get(): KTableValueGetter<K, V>;
}

/**
 * What every KTable is made by (Java's `KTableProcessorSupplier` / `KStreamAggProcessorSupplier` / `KTableSource`):
 * the processor that emits the table's `Change`s, a getter over its values, and the switch that makes it send old
 * values (needed downstream by groupBy, joins and suppress).
 */
export interface KTableSupplier<K, V> {
  /** Input: plain values for sources and stream aggregations, `Change`s for table operators. */
  get(): Processor<unknown, unknown, K, Change<V>>;
  /** Getter over the table's values; a source table becomes materialized when asked (as Java's `KTableSource`). */
  view(): KTableValueGetterSupplier<K, V>;
  /**
   * Makes the processor forward `oldValue`s. Returns false when this would need a store that does not exist and
   * `forceMaterialization` is false (Java: a non-materialized source table, or a filter over one); the caller then
   * computes old values itself.
   */
  enableSendingOldValues(forceMaterialization: boolean): boolean;
}

/** The parent-table side a table operator needs (KTable implements it; kept narrow to avoid an import cycle). */
export interface ParentTable<K, V> {
  valueGetterSupplier(): KTableValueGetterSupplier<K, V>;
  enableSendingOldValues(forceMaterialization: boolean): boolean;
}
