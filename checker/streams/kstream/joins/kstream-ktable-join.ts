import type { Processor, ProcessorContext, ProcessorSupplier } from "../../processor/api.ts";
import type { StreamRecord } from "../../processor/record.ts";
import { isNullish } from "../internals/store-value-getter.ts";
import type { KTableValueGetterSupplier } from "../internals/table-supplier.ts";

/**
 * A stream record looks up the table's current value (Java's `KStreamKTableJoinProcessor`, behind both `KStreamKTableJoin`
 * and `KStreamGlobalKTableJoin` in Kafka Streams 4.4.0). Only stream records trigger; table updates only change state.
 *
 * - The lookup key is `keyMapper(key, value)`: the stream key for a KTable, the user's key selector for a GlobalKTable.
 * - Inner join: emits `joiner(value, tableValue)` when the table has a value; drops records whose value is null or
 *   whose lookup key is null.
 * - Left join: emits for every record with a non-null value, `joiner(value, null)` when there is no match, including
 *   a null lookup key (KIP-962 for null stream keys; for a GlobalKTable key selector returning null since KAFKA-19208).
 * - The result keeps the stream record's key and timestamp.
 */
export function streamTableJoinProcessor<K, V, TK, TV, VR>(
  tableValues: KTableValueGetterSupplier<TK, TV>,
  keyMapper: (key: K, value: V) => TK,
  joiner: (value: V, tableValue: TV | null) => VR,
  leftJoin: boolean,
): ProcessorSupplier<K, V, K, VR> {
  return () => {
    const getter = tableValues.get();
    let context: ProcessorContext<K, VR>;
    const processor: Processor<K, V, K, VR> = {
      init(processorContext) {
        context = processorContext;
        getter.init(processorContext as ProcessorContext<unknown, unknown>);
      },
      process(record: StreamRecord<K, V>) {
        // Java calls the key mapper twice per record (drop check, then lookup); a user's mapper sees both calls.
        if (isDropped(keyMapper(record.key, record.value), record.value, leftJoin)) return;
        const lookupKey = keyMapper(record.key, record.value);
        const tableValue = isNullish(lookupKey) ? null : (getter.get(lookupKey)?.value ?? null);
        if (leftJoin || tableValue !== null) context.forward({ ...record, value: joiner(record.value, tableValue) });
      },
      close() {
        getter.close?.();
      },
    };
    return processor;
  };
}

/** Java's `maybeDropRecord` (it logs "Skipping record due to null join key or value" and counts a dropped record). */
function isDropped(lookupKey: unknown, value: unknown, leftJoin: boolean): boolean {
  if (leftJoin && isNullish(lookupKey) && !isNullish(value)) return false;
  return isNullish(lookupKey) || isNullish(value);
}
