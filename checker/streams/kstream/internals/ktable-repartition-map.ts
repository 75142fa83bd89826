import { IllegalStateError, StreamsError } from "../../errors.ts";
import type { KeyValue } from "../../keyvalue.ts";
import type { Processor, ProcessorContext } from "../../processor/api.ts";
import type { Change, StreamRecord } from "../../processor/record.ts";
import { isNullish } from "./store-value-getter.ts";
import type { KTableSupplier, KTableValueGetterSupplier } from "./table-supplier.ts";

/**
 * `KTable.groupBy`'s selector (Java's `KTableRepartitionMap`): maps the old and the new value of every update to
 * (group key, value) pairs and sends "remove old from its group" before "add new to its group". When both pairs
 * land in the same group, one combined `Change(new, old)` is sent instead (KIP-904, Kafka 3.5+). A pair with a null
 * key or null value is skipped.
 */
export class KTableRepartitionMap<K, V, K2, V2> implements KTableSupplier<K2, V2> {
  /** The parent table must send old values (KTable.groupBy forces it), or nothing could be subtracted. */
  constructor(private readonly selector: (key: K, value: V) => KeyValue<K2, V2>) {}

  get(): Processor<K, Change<V>, K2, Change<V2>> {
    let context: ProcessorContext<K2, Change<V2>>;
    return {
      init: (processorContext) => {
        context = processorContext;
      },
      process: (record: StreamRecord<K, Change<V>>) => {
        if (isNullish(record.key)) throw new StreamsError("Record key for the grouping KTable should not be null.");
        const newPair = record.value.newValue === null ? null : this.selector(record.key, record.value.newValue);
        const oldPair = record.value.oldValue === null ? null : this.selector(record.key, record.value.oldValue);
        const oldUsable = isUsable(oldPair);
        const newUsable = isUsable(newPair);
        if (oldUsable && newUsable && keysEqual(oldPair.key, newPair.key)) {
          context.forward({ ...record, key: oldPair.key, value: { newValue: newPair.value, oldValue: oldPair.value } });
          return;
        }
        if (oldUsable) context.forward({ ...record, key: oldPair.key, value: { newValue: null, oldValue: oldPair.value } });
        if (newUsable) context.forward({ ...record, key: newPair.key, value: { newValue: newPair.value, oldValue: null } });
      },
    };
  }

  /** Java throws here too: a regrouped table is read through its aggregate, never through the map. */
  view(): KTableValueGetterSupplier<K2, V2> {
    throw new StreamsError("Underlying state store not accessible due to repartitioning.");
  }

  enableSendingOldValues(): boolean {
    throw new IllegalStateError("KTableRepartitionMap should always require sending old values.");
  }
}

function isUsable<K, V>(pair: KeyValue<K, V> | null): pair is KeyValue<K, V> {
  return pair !== null && !isNullish(pair.key) && !isNullish(pair.value);
}

/**
 * Java compares the two group keys with `equals`. Strings and numbers compare by value; JSON keys (Java would need
 * a value class with equals) compare by their JSON text; Buffers by bytes.
 */
export function keysEqual(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (Buffer.isBuffer(left) && Buffer.isBuffer(right)) return left.equals(right);
  if (typeof left === "object" && typeof right === "object" && left !== null && right !== null) return JSON.stringify(left) === JSON.stringify(right);
  return false;
}
