import type { KeyValue } from "../keyvalue.ts";
import type { CacheFlushListener, KeyValueStore } from "../state/in-memory-key-value-store.ts";
import type { StateStoreContext } from "../state/store.ts";
import type { TimestampedKeyValueStore } from "../state/timestamped-key-value-store.ts";

/** No timestamp: what Java's facade writes for a plain put into a timestamped store (ConsumerRecord.NO_TIMESTAMP). */
const NO_TIMESTAMP = -1;

/**
 * A timestamped store seen as a plain one (Java's TopologyTestDriver.KeyValueStoreFacade): reads drop the
 * timestamps, writes store NO_TIMESTAMP.
 */
export class KeyValueStoreFacade<K, V> implements KeyValueStore<K, V> {
  constructor(private readonly inner: TimestampedKeyValueStore<K, V>) {}

  get name(): string {
    return this.inner.name;
  }

  get logged(): boolean {
    return this.inner.logged;
  }

  init(context: StateStoreContext): void {
    this.inner.init(context);
  }

  get(key: K): V | null {
    return this.inner.get(key)?.value ?? null;
  }

  put(key: K, value: V | null): void {
    this.inner.put(key, stamp(value));
  }

  putIfAbsent(key: K, value: V | null): V | null {
    return this.inner.putIfAbsent(key, stamp(value))?.value ?? null;
  }

  putAll(entries: Iterable<KeyValue<K, V | null>>): void {
    for (const { key, value } of entries) this.put(key, value);
  }

  delete(key: K): V | null {
    return this.inner.delete(key)?.value ?? null;
  }

  range(from?: K | null, to?: K | null): KeyValue<K, V>[] {
    return this.inner.range(from, to).map(unwrap);
  }

  reverseRange(from?: K | null, to?: K | null): KeyValue<K, V>[] {
    return this.inner.reverseRange(from, to).map(unwrap);
  }

  all(): KeyValue<K, V>[] {
    return this.inner.all().map(unwrap);
  }

  reverseAll(): KeyValue<K, V>[] {
    return this.inner.reverseAll().map(unwrap);
  }

  approximateNumEntries(): number {
    return this.inner.approximateNumEntries();
  }

  setFlushListener(_listener: CacheFlushListener<K, V>, _sendOldValues: boolean): boolean {
    return false;
  }

  flush(): void {
    this.inner.flush();
  }

  close(): void {
    this.inner.close();
  }

  restore(key: Buffer, value: Buffer | null, timestamp: number): void {
    this.inner.restore(key, value, timestamp);
  }
}

function stamp<V>(value: V | null): { value: V; timestamp: number } | null {
  return value === null ? null : { value, timestamp: NO_TIMESTAMP };
}

function unwrap<K, V>(entry: KeyValue<K, { value: V }>): KeyValue<K, V> {
  return { key: entry.key, value: entry.value.value };
}
