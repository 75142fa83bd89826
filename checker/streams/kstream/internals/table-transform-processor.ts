import type { Processor, ProcessorContext } from "../../processor/api.ts";
import type { Change, StreamRecord } from "../../processor/record.ts";
import { ValueAndTimestamps, type TimestampedKeyValueStore } from "../../state/timestamped-key-value-store.ts";
import { TimestampedTupleForwarder } from "./timestamped-tuple-forwarder.ts";

/**
 * The processor of a value-by-value table transformation (filter, mapValues): the new value is transformed; the old
 * one, when requested, is read from the result's own store if it has one (Java's behaviour), else transformed from
 * the upstream old value. `dropWhenBothNull` is KTableFilter's rule: nothing is forwarded when old values are sent
 * and both are null.
 */
export function tableTransformProcessor<K, V, VOut>(options: {
  queryableName: string | undefined;
  sendOldValues: boolean;
  transform: (key: K, value: V | null) => VOut | null;
  dropWhenBothNull: boolean;
}): Processor<K, Change<V>, K, Change<VOut>> {
  const { queryableName, sendOldValues, transform, dropWhenBothNull } = options;
  let context: ProcessorContext<K, Change<VOut>>;
  let store: TimestampedKeyValueStore<K, VOut> | undefined;
  let forwarder: TimestampedTupleForwarder<K, VOut> | undefined;
  return {
    init: (processorContext) => {
      context = processorContext;
      if (queryableName === undefined) return;
      store = context.getStateStore<TimestampedKeyValueStore<K, VOut>>(queryableName);
      forwarder = new TimestampedTupleForwarder(store, context, sendOldValues);
    },
    process: (record: StreamRecord<K, Change<V>>) => {
      const newValue = transform(record.key, record.value.newValue);
      let oldValue: VOut | null = null;
      if (sendOldValues) oldValue = store ? ValueAndTimestamps.getValueOrNull(store.get(record.key)) : transform(record.key, record.value.oldValue);
      if (dropWhenBothNull && sendOldValues && oldValue === null && newValue === null) return;
      if (store && forwarder) {
        store.put(record.key, ValueAndTimestamps.make(newValue, record.timestamp));
        forwarder.maybeForward({ ...record, value: { newValue, oldValue } });
      } else {
        context.forward({ ...record, value: { newValue, oldValue } });
      }
    },
  };
}
