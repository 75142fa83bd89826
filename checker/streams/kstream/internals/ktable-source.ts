import type { Processor, ProcessorContext } from "../../processor/api.ts";
import type { InternalTopologyBuilder } from "../../topology/internal-topology-builder.ts";
import type { Change, StreamRecord } from "../../processor/record.ts";
import { ValueAndTimestamps, type TimestampedKeyValueStore } from "../../state/timestamped-key-value-store.ts";
import { keyValueStoreBuilder } from "./key-value-store-materializer.ts";
import type { NamedMaterialized } from "./materialized-internal.ts";
import { isNullish, storeValueGetterSupplier } from "./store-value-getter.ts";
import type { KTableSupplier, KTableValueGetterSupplier } from "./table-supplier.ts";
import { TimestampedTupleForwarder } from "./timestamped-tuple-forwarder.ts";

/**
 * Turns a stream of upserts into table changes (Java's `KTableSource`; used by `builder.table`, `toTable` and global
 * tables). Null keys are dropped. Without a store it forwards `Change(value, null)`; with one it keeps the latest value
 * per key (a null value deletes) and can report the old value. It gets a store only when something needs one: a user
 * store name, a value getter (joins) or old values (groupBy) — `onMaterialize` then adds the store to the topology
 * (Java decides at build time; adding it on demand gives the same topology).
 */
export class KTableSource<K, V> implements KTableSupplier<K, V> {
  private sendOldValues = false;

  private queryableName: string | undefined;

  constructor(
    private readonly storeName: string,
    private readonly onMaterialize: () => void = () => {},
  ) {}

  materialize(): void {
    if (this.queryableName !== undefined) return;
    this.queryableName = this.storeName;
    this.onMaterialize();
  }

  materialized(): boolean {
    return this.queryableName !== undefined;
  }

  view(): KTableValueGetterSupplier<K, V> {
    this.materialize();
    return storeValueGetterSupplier(this.storeName);
  }

  enableSendingOldValues(forceMaterialization: boolean): boolean {
    if (!forceMaterialization && !this.materialized()) return false;
    this.sendOldValues = true;
    this.materialize();
    return true;
  }

  get(): Processor<K, V, K, Change<V>> {
    const storeName = this.queryableName;
    const sendOldValues = this.sendOldValues;
    let context: ProcessorContext<K, Change<V>>;
    let store: TimestampedKeyValueStore<K, V> | undefined;
    let forwarder: TimestampedTupleForwarder<K, V> | undefined;
    return {
      init: (processorContext) => {
        context = processorContext;
        if (storeName === undefined) return;
        store = context.getStateStore<TimestampedKeyValueStore<K, V>>(storeName);
        forwarder = new TimestampedTupleForwarder(store, context, sendOldValues);
      },
      process: (record: StreamRecord<K, V>) => {
        if (isNullish(record.key)) return; // Java logs "Skipping record due to null key" and drops it
        if (!store || !forwarder) {
          context.forward({ ...record, value: { newValue: record.value, oldValue: null } });
          return;
        }
        // An out-of-order update (older timestamp) is applied all the same; Java only logs a warning.
        const old = store.get(record.key);
        store.put(record.key, ValueAndTimestamps.make(record.value, record.timestamp));
        forwarder.maybeForward({ ...record, value: { newValue: record.value, oldValue: old?.value ?? null } });
      },
    };
  }
}

/**
 * A KTableSource for the processor `processorName` whose store (built from `store`) joins the topology when the
 * table gets materialized. Call `materialize()` after adding the processor when the user named the store.
 */
export function sourceTable<K, V>(builder: InternalTopologyBuilder, processorName: string, store: NamedMaterialized<K, V>): KTableSource<K, V> {
  const storeBuilder = keyValueStoreBuilder(store);
  return new KTableSource<K, V>(store.storeName, () => builder.addStateStore(storeBuilder, [processorName]));
}
