import type { Processor, ProcessorContext } from "../../processor/api.ts";
import type { Change, StreamRecord } from "../../processor/record.ts";
import type { ValueAndTimestamp } from "../../state/store.ts";
import { ValueAndTimestamps, type TimestampedKeyValueStore } from "../../state/timestamped-key-value-store.ts";
import { isNullish, storeValueGetterSupplier } from "./store-value-getter.ts";
import type { KTableSupplier, KTableValueGetterSupplier } from "./table-supplier.ts";
import { TimestampedTupleForwarder } from "./timestamped-tuple-forwarder.ts";

/** One step of a stream aggregation: the new aggregate from the stored one (null = first record for the key). */
type AggregateStep<K, V, VA> = (key: K, value: V, stored: ValueAndTimestamp<VA> | null) => { readonly old: VA | null; readonly next: VA | null };

/**
 * `KGroupedStream.aggregate/count/reduce` (Java's `KStreamAggregate` and `KStreamReduce`): records with a null key or
 * null value are dropped; otherwise the stored aggregate is updated and forwarded with timestamp
 * max(record, stored aggregate). Always materialized, so old values are always available when asked for.
 */
class KStreamAggregateSupplier<K, V, VA> implements KTableSupplier<K, VA> {
  private sendOldValues = false;

  constructor(
    private readonly storeName: string,
    private readonly step: AggregateStep<K, V, VA>,
  ) {}

  enableSendingOldValues(): boolean {
    this.sendOldValues = true;
    return true;
  }

  view(): KTableValueGetterSupplier<K, VA> {
    return storeValueGetterSupplier(this.storeName);
  }

  get(): Processor<K, V, K, Change<VA>> {
    const { storeName, sendOldValues, step } = this;
    let store: TimestampedKeyValueStore<K, VA>;
    let forwarder: TimestampedTupleForwarder<K, VA>;
    return {
      init: (context: ProcessorContext<K, Change<VA>>) => {
        store = context.getStateStore<TimestampedKeyValueStore<K, VA>>(storeName);
        forwarder = new TimestampedTupleForwarder(store, context, sendOldValues);
      },
      process: (record: StreamRecord<K, V>) => {
        // Java logs "Skipping record due to null key or value" and counts it as dropped.
        if (isNullish(record.key) || isNullish(record.value)) return;
        const stored = store.get(record.key);
        const { old, next } = step(record.key, record.value, stored);
        const timestamp = stored === null ? record.timestamp : Math.max(record.timestamp, stored.timestamp);
        store.put(record.key, ValueAndTimestamps.make(next, timestamp));
        forwarder.maybeForward({ ...record, timestamp, value: { newValue: next, oldValue: sendOldValues ? old : null } });
      },
    };
  }
}

/**
 * Java's KStreamAggregate. Note: with old values enabled, a key's first update reports the initializer's value as
 * its old value (Java does the same: `oldAgg = initializer.apply()` before forwarding).
 */
export function streamAggregate<K, V, VA>(storeName: string, initializer: () => VA, aggregator: (key: K, value: V, aggregate: VA) => VA): KTableSupplier<K, VA> {
  return new KStreamAggregateSupplier<K, V, VA>(storeName, (key, value, stored) => {
    const old = stored === null ? initializer() : stored.value;
    return { old, next: aggregator(key, value, old) };
  });
}

/** Java's KStreamReduce: the first value is the aggregate; a reducer returning null deletes the key. */
export function streamReduce<K, V>(storeName: string, reducer: (aggregate: V, value: V) => V): KTableSupplier<K, V> {
  return new KStreamAggregateSupplier<K, V, V>(storeName, (_key, value, stored) => ({
    old: stored === null ? null : stored.value,
    next: stored === null ? value : reducer(stored.value, value),
  }));
}
