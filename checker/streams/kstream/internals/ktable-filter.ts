import type { Processor, ProcessorContext } from "../../processor/api.ts";
import type { Change, StreamRecord } from "../../processor/record.ts";
import type { ValueAndTimestamp } from "../../state/store.ts";
import { ValueAndTimestamps, type TimestampedKeyValueStore } from "../../state/timestamped-key-value-store.ts";
import { storeValueGetterSupplier } from "./store-value-getter.ts";
import type { KTableSupplier, KTableValueGetterSupplier, ParentTable } from "./table-supplier.ts";
import { TimestampedTupleForwarder } from "./timestamped-tuple-forwarder.ts";

/**
 * `KTable.filter` / `filterNot` (Java's `KTableFilter`): a value that does not pass becomes a tombstone (the key leaves
 * the filtered table). When old values are known and both old and new are filtered out, nothing is forwarded. The
 * predicate never sees a null value. With a user store name the result is materialized in its own store.
 */
export class KTableFilter<K, V> implements KTableSupplier<K, V> {
  private sendOldValues: boolean;

  constructor(
    private readonly parent: ParentTable<K, V>,
    private readonly predicate: (key: K, value: V) => boolean,
    private readonly filterNot: boolean,
    private readonly queryableName: string | undefined,
  ) {
    // If the parent is already materialized, old values come for free and spare downstream needless tombstones.
    this.sendOldValues = parent.enableSendingOldValues(false);
  }

  enableSendingOldValues(forceMaterialization: boolean): boolean {
    if (this.queryableName !== undefined) {
      this.sendOldValues = true;
      return true;
    }
    if (this.parent.enableSendingOldValues(forceMaterialization)) this.sendOldValues = true;
    return this.sendOldValues;
  }

  view(): KTableValueGetterSupplier<K, V> {
    if (this.queryableName !== undefined) return storeValueGetterSupplier(this.queryableName);
    const parentSupplier = this.parent.valueGetterSupplier();
    return {
      storeNames: parentSupplier.storeNames,
      get: () => {
        const parentGetter = parentSupplier.get();
        return {
          init: (context) => parentGetter.init(context),
          get: (key) => this.passing(key, parentGetter.get(key)),
          close: () => parentGetter.close?.(),
        };
      },
    };
  }

  get(): Processor<K, Change<V>, K, Change<V>> {
    const { queryableName, sendOldValues } = this;
    let context: ProcessorContext<K, Change<V>>;
    let store: TimestampedKeyValueStore<K, V> | undefined;
    let forwarder: TimestampedTupleForwarder<K, V> | undefined;
    return {
      init: (processorContext) => {
        context = processorContext;
        if (queryableName === undefined) return;
        store = context.getStateStore<TimestampedKeyValueStore<K, V>>(queryableName);
        forwarder = new TimestampedTupleForwarder(store, context, sendOldValues);
      },
      process: (record: StreamRecord<K, Change<V>>) => {
        const newValue = this.passingValue(record.key, record.value.newValue);
        let oldValue: V | null = null;
        if (sendOldValues) oldValue = store ? ValueAndTimestamps.getValueOrNull(store.get(record.key)) : this.passingValue(record.key, record.value.oldValue);
        if (sendOldValues && oldValue === null && newValue === null) return;
        if (store && forwarder) {
          store.put(record.key, ValueAndTimestamps.make(newValue, record.timestamp));
          forwarder.maybeForward({ ...record, value: { newValue, oldValue } });
        } else {
          context.forward({ ...record, value: { newValue, oldValue } });
        }
      },
    };
  }

  private passingValue(key: K, value: V | null): V | null {
    return value !== null && this.filterNot !== this.predicate(key, value) ? value : null;
  }

  private passing(key: K, valueAndTimestamp: ValueAndTimestamp<V> | null): ValueAndTimestamp<V> | null {
    return valueAndTimestamp !== null && this.filterNot !== this.predicate(key, valueAndTimestamp.value) ? valueAndTimestamp : null;
  }
}
