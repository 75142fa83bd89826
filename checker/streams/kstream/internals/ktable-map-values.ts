import type { Processor, ProcessorContext } from "../../processor/api.ts";
import type { Change, StreamRecord } from "../../processor/record.ts";
import { ValueAndTimestamps, type TimestampedKeyValueStore } from "../../state/timestamped-key-value-store.ts";
import { storeValueGetterSupplier } from "./store-value-getter.ts";
import type { KTableSupplier, KTableValueGetterSupplier, ParentTable } from "./table-supplier.ts";
import { TimestampedTupleForwarder } from "./timestamped-tuple-forwarder.ts";

/**
 * `KTable.mapValues` (Java's `KTableMapValues`): maps new and (when requested) old values; a null value stays null
 * without calling the mapper. With a user store name the result is materialized in its own store.
 */
export class KTableMapValues<K, V, V2> implements KTableSupplier<K, V2> {
  private sendOldValues = false;

  constructor(
    private readonly parent: ParentTable<K, V>,
    private readonly mapper: (value: V, key: K) => V2,
    private readonly queryableName: string | undefined,
  ) {}

  enableSendingOldValues(forceMaterialization: boolean): boolean {
    if (this.queryableName !== undefined) {
      this.sendOldValues = true;
      return true;
    }
    if (this.parent.enableSendingOldValues(forceMaterialization)) this.sendOldValues = true;
    return this.sendOldValues;
  }

  view(): KTableValueGetterSupplier<K, V2> {
    if (this.queryableName !== undefined) return storeValueGetterSupplier(this.queryableName);
    const parentSupplier = this.parent.valueGetterSupplier();
    return {
      storeNames: parentSupplier.storeNames,
      get: () => {
        const parentGetter = parentSupplier.get();
        return {
          init: (context) => parentGetter.init(context),
          // Java: ValueAndTimestamp.make(mapper(value), ts), so a mapper returning null reads as "absent".
          get: (key) => {
            const found = parentGetter.get(key);
            return found === null ? null : ValueAndTimestamps.make(this.mapper(found.value, key), found.timestamp);
          },
          close: () => parentGetter.close?.(),
        };
      },
    };
  }

  get(): Processor<K, Change<V>, K, Change<V2>> {
    const { queryableName, sendOldValues } = this;
    let context: ProcessorContext<K, Change<V2>>;
    let store: TimestampedKeyValueStore<K, V2> | undefined;
    let forwarder: TimestampedTupleForwarder<K, V2> | undefined;
    return {
      init: (processorContext) => {
        context = processorContext;
        if (queryableName === undefined) return;
        store = context.getStateStore<TimestampedKeyValueStore<K, V2>>(queryableName);
        forwarder = new TimestampedTupleForwarder(store, context, sendOldValues);
      },
      process: (record: StreamRecord<K, Change<V>>) => {
        const newValue = this.mapped(record.key, record.value.newValue);
        let oldValue: V2 | null = null;
        if (sendOldValues) oldValue = store ? ValueAndTimestamps.getValueOrNull(store.get(record.key)) : this.mapped(record.key, record.value.oldValue);
        if (store && forwarder) {
          store.put(record.key, ValueAndTimestamps.make(newValue, record.timestamp));
          forwarder.maybeForward({ ...record, value: { newValue, oldValue } });
        } else {
          context.forward({ ...record, value: { newValue, oldValue } });
        }
      },
    };
  }

  private mapped(key: K, value: V | null): V2 | null {
    return value === null ? null : this.mapper(value, key);
  }
}
