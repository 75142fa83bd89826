import { StreamsError } from "../../errors.ts";
import type { Processor, ProcessorContext } from "../../processor/api.ts";
import type { Change, StreamRecord } from "../../processor/record.ts";
import type { ValueAndTimestamp } from "../../state/store.ts";
import { ValueAndTimestamps, type TimestampedKeyValueStore } from "../../state/timestamped-key-value-store.ts";
import { isNullish, storeValueGetterSupplier } from "./store-value-getter.ts";
import type { KTableSupplier, KTableValueGetterSupplier } from "./table-supplier.ts";
import { TimestampedTupleForwarder } from "./timestamped-tuple-forwarder.ts";

/** One update of a regrouped table's aggregate: subtract the old value, then add the new one. */
type TableAggregateStep<K, V, VA> = (key: K, change: Change<V>, stored: ValueAndTimestamp<VA> | null, recordTimestamp: number) => { readonly next: VA | null; readonly timestamp: number };

/**
 * `KGroupedTable.aggregate/count/reduce` (Java's `KTableAggregate` and `KTableReduce`). Each `Change` from the
 * repartition topic first subtracts its old value (if both it and a stored aggregate exist), then adds its new value.
 * A count that falls to 0 stays as 0; only an aggregate of null (subtractor/reducer returned null) deletes the key.
 */
class KTableAggregateSupplier<K, V, VA> implements KTableSupplier<K, VA> {
  private sendOldValues = false;

  constructor(
    private readonly storeName: string,
    private readonly operator: string,
    private readonly step: TableAggregateStep<K, V, VA>,
  ) {}

  /** Aggregates are always materialized. */
  enableSendingOldValues(): boolean {
    this.sendOldValues = true;
    return true;
  }

  view(): KTableValueGetterSupplier<K, VA> {
    return storeValueGetterSupplier(this.storeName);
  }

  get(): Processor<K, Change<V>, K, Change<VA>> {
    const { storeName, operator, sendOldValues, step } = this;
    let store: TimestampedKeyValueStore<K, VA>;
    let forwarder: TimestampedTupleForwarder<K, VA>;
    return {
      init: (context: ProcessorContext<K, Change<VA>>) => {
        store = context.getStateStore<TimestampedKeyValueStore<K, VA>>(storeName);
        forwarder = new TimestampedTupleForwarder(store, context, sendOldValues);
      },
      process: (record: StreamRecord<K, Change<V>>) => {
        if (isNullish(record.key)) throw new StreamsError(`Record key for KTable ${operator} operator with state ${storeName} should not be null.`);
        const stored = store.get(record.key);
        const { next, timestamp } = step(record.key, record.value, stored, record.timestamp);
        store.put(record.key, ValueAndTimestamps.make(next, timestamp));
        forwarder.maybeForward({ ...record, timestamp, value: { newValue: next, oldValue: sendOldValues ? (stored?.value ?? null) : null } });
      },
    };
  }
}

export function tableAggregate<K, V, VA>(
  storeName: string,
  initializer: () => VA,
  adder: (key: K, value: V, aggregate: VA) => VA,
  subtractor: (key: K, value: V, aggregate: VA) => VA,
): KTableSupplier<K, VA> {
  return new KTableAggregateSupplier<K, V, VA>(storeName, "aggregate", (key, change, stored, recordTimestamp) => {
    let timestamp = recordTimestamp;
    let aggregate: VA | null = stored?.value ?? null;
    if (change.oldValue !== null && stored !== null) {
      aggregate = subtractor(key, change.oldValue, stored.value);
      timestamp = Math.max(recordTimestamp, stored.timestamp);
    }
    if (change.newValue === null) return { next: aggregate, timestamp };
    // Java takes max(record, stored) here even when nothing was subtracted.
    if (stored !== null) timestamp = Math.max(recordTimestamp, stored.timestamp);
    return { next: adder(key, change.newValue, aggregate ?? initializer()), timestamp };
  });
}

export function tableReduce<K, V>(storeName: string, adder: (aggregate: V, value: V) => V, subtractor: (aggregate: V, value: V) => V): KTableSupplier<K, V> {
  return new KTableAggregateSupplier<K, V, V>(storeName, "reduce", (_key, change, stored, recordTimestamp) => {
    let timestamp = recordTimestamp;
    let aggregate: V | null = stored?.value ?? null;
    if (change.oldValue !== null && stored !== null) {
      aggregate = subtractor(stored.value, change.oldValue);
      timestamp = Math.max(recordTimestamp, stored.timestamp);
    }
    if (change.newValue === null) return { next: aggregate, timestamp };
    if (aggregate === null) return { next: change.newValue, timestamp };
    // `aggregate` is only non-null here if a stored aggregate existed.
    return { next: adder(aggregate, change.newValue), timestamp: Math.max(recordTimestamp, stored!.timestamp) };
  });
}
