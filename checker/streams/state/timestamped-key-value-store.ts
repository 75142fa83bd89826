import type { StoredValue } from "./key-value-bytes-layer.ts";
import { KeyValueStoreBase, type KeyValueStore } from "./in-memory-key-value-store.ts";
import type { ValueAndTimestamp } from "./store.ts";

/** Java's TimestampedKeyValueStore: every value carries the timestamp of the record that produced it. */
export type TimestampedKeyValueStore<K, V> = KeyValueStore<K, ValueAndTimestamp<V>>;

export const ValueAndTimestamps = {
  /** Java's ValueAndTimestamp.make: a null value gives null (a delete), never a timestamped null. */
  make: <V>(value: V | null, timestamp: number): ValueAndTimestamp<V> | null => (value === null ? null : { value, timestamp }),
  /** Java's ValueAndTimestamp.getValueOrNull. */
  getValueOrNull: <V>(valueAndTimestamp: ValueAndTimestamp<V> | null): V | null => (valueAndTimestamp === null ? null : valueAndTimestamp.value),
};

/**
 * In-memory timestamped store. Like Java's ChangeLoggingTimestampedKeyValueBytesStore, the changelog record carries
 * the plain serialized value with the stored timestamp as record timestamp, so restoring rebuilds both.
 */
export class InMemoryTimestampedKeyValueStore<K, V> extends KeyValueStoreBase<K, ValueAndTimestamp<V>, V> {
  protected toStored(valueAndTimestamp: ValueAndTimestamp<V>): StoredValue | null {
    const bytes = this.serializeValue(valueAndTimestamp.value);
    return bytes === null ? null : { bytes, timestamp: valueAndTimestamp.timestamp };
  }

  protected fromStored(stored: StoredValue): ValueAndTimestamp<V> {
    return { value: this.deserializeValue(stored.bytes), timestamp: stored.timestamp };
  }
}
