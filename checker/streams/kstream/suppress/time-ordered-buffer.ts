import { IllegalStateError } from "../../errors.ts";
import type { Change, StreamRecord } from "../../processor/record.ts";
import type { Serde } from "../../serdes.ts";
import { StoreSerdes } from "../../state/store-serdes.ts";
import type { StateStore, StateStoreContext, StoreBuilder, ValueAndTimestamp } from "../../state/store.ts";
import { BufferValue, type BufferedContext } from "./buffer-value.ts";

/** One buffered key: its buffer time (kept from the first buffered update of the key), key bytes and value. */
interface BufferEntry {
  readonly time: number;
  readonly key: Buffer;
  value: BufferValue;
}

/** What an eviction hands to the suppress processor (Java's `TimeOrderedKeyValueBuffer.Eviction`). */
export interface Eviction<K, V> {
  readonly key: K;
  readonly value: Change<V>;
  readonly context: BufferedContext;
}

/**
 * The suppression buffer (Java's `InMemoryTimeOrderedKeyValueChangeBuffer`), a state store: one entry per key,
 * ordered by buffer time then key bytes; a new update of a buffered key replaces its value but keeps its place.
 * When logged, the keys changed since the last flush are written to `<application.id>-<store>-changelog` on flush
 * (Java: on commit), a tombstone for keys evicted meanwhile.
 */
export class InMemoryTimeOrderedKeyValueChangeBuffer<K, V> implements StateStore {
  private readonly index = new Map<string, BufferEntry>();
  /** Entries ascending by (time, key bytes): Java's TreeMap<BufferKey, BufferValue>. */
  private readonly sorted: BufferEntry[] = [];
  /** Keys changed since the last flush, with the timestamp their changelog record gets (see flush). */
  private readonly dirtyKeys = new Map<string, { key: Buffer; timestamp: number }>();
  private memBufferSize = 0;
  private state: { context: StateStoreContext; serdes: StoreSerdes<K, V> } | undefined;

  constructor(
    readonly name: string,
    readonly logged: boolean,
    private readonly keySerde: Serde<K> | undefined,
    private readonly valueSerde: Serde<V> | undefined,
  ) {}

  init(context: StateStoreContext): void {
    this.state = { context, serdes: new StoreSerdes(this.name, context, this.keySerde, this.valueSerde) };
  }

  put(time: number, record: StreamRecord<K, Change<V>>, context: BufferedContext): void {
    const { serdes } = this.open();
    const key = serdes.rawKey(record.key);
    const buffered = this.index.get(key.toString("hex"));
    const oldValue = this.serializeValue(record.value.oldValue);
    const newValue = this.serializeValue(record.value.newValue);
    const priorValue = buffered === undefined ? oldValue : buffered.value.priorValue;
    this.cleanPut(time, key, new BufferValue(priorValue, oldValue, newValue, context));
    if (this.logged) this.dirtyKeys.set(key.toString("hex"), { key, timestamp: context.timestamp });
  }

  /** Evicts the oldest entries, one at a time, while `predicate` holds, handing each to `callback` first. */
  evictWhile(predicate: () => boolean, callback: (eviction: Eviction<K, V>) => void): void {
    const { serdes } = this.open();
    while (this.sorted.length > 0 && predicate()) {
      const entry = this.sorted[0]!;
      const value: Change<V> = { newValue: this.deserializeValue(entry.value.newValue), oldValue: this.deserializeValue(entry.value.oldValue) };
      callback({ key: serdes.keyFrom(entry.key), value, context: entry.value.context });
      this.sorted.shift();
      this.index.delete(entry.key.toString("hex"));
      if (this.logged) this.dirtyKeys.set(entry.key.toString("hex"), { key: entry.key, timestamp: entry.value.context.timestamp });
      this.memBufferSize -= recordSize(entry.key, entry.value);
    }
  }

  /**
   * For a buffered key, the value downstream last saw (Java's `priorValueForBuffered`: timestamp -1, null when there
   * was none); undefined when the key is not buffered.
   */
  priorValueForBuffered(key: K): ValueAndTimestamp<V> | null | undefined {
    const { serdes } = this.open();
    const entry = this.index.get(serdes.rawKey(key).toString("hex"));
    if (entry === undefined) return undefined;
    const prior = this.deserializeValue(entry.value.priorValue);
    return prior === null ? null : { value: prior, timestamp: -1 };
  }

  numRecords(): number {
    return this.index.size;
  }

  bufferSize(): number {
    return this.memBufferSize;
  }

  /** Buffer time of the oldest entry (Java: Long.MAX_VALUE when empty). */
  minTimestamp(): number {
    return this.sorted[0]?.time ?? Number.MAX_SAFE_INTEGER;
  }

  /**
   * Logs the dirty keys (a tombstone for evicted ones) in Java's value layout. Java sends them without a timestamp
   * (the producer stamps them); here they carry the timestamp of the buffered record that last changed the key.
   */
  flush(): void {
    if (!this.logged) return;
    const { context } = this.open();
    for (const { key, timestamp } of this.dirtyKeys.values()) {
      const entry = this.index.get(key.toString("hex"));
      context.log(this.name, key, entry === undefined ? null : entry.value.serialize(entry.time), timestamp);
    }
    this.dirtyKeys.clear();
  }

  close(): void {
    this.index.clear();
    this.sorted.length = 0;
    this.dirtyKeys.clear();
    this.memBufferSize = 0;
    this.state = undefined;
  }

  restore(key: Buffer, value: Buffer | null): void {
    if (value === null) {
      const entry = this.index.get(key.toString("hex"));
      if (entry === undefined) return;
      this.index.delete(key.toString("hex"));
      this.sorted.splice(this.sorted.indexOf(entry), 1);
      this.memBufferSize -= recordSize(entry.key, entry.value);
      return;
    }
    const { value: bufferValue, bufferTime } = BufferValue.deserialize(value);
    this.cleanPut(bufferTime, Buffer.from(key), bufferValue);
  }

  private cleanPut(time: number, key: Buffer, value: BufferValue): void {
    const previous = this.index.get(key.toString("hex"));
    if (previous === undefined) {
      const entry: BufferEntry = { time, key, value };
      this.index.set(key.toString("hex"), entry);
      this.sorted.splice(this.insertionIndex(entry), 0, entry);
      this.memBufferSize += recordSize(key, value);
    } else {
      this.memBufferSize += recordSize(key, value) - recordSize(key, previous.value);
      previous.value = value;
    }
  }

  private insertionIndex(entry: BufferEntry): number {
    let low = 0;
    let high = this.sorted.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const other = this.sorted[middle]!;
      const before = other.time < entry.time || (other.time === entry.time && Buffer.compare(other.key, entry.key) < 0);
      if (before) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private serializeValue(value: V | null): Buffer | null {
    return value === null || value === undefined ? null : this.open().serdes.rawValue(value);
  }

  private deserializeValue(bytes: Buffer | null): V | null {
    return bytes === null ? null : this.open().serdes.valueFrom(bytes);
  }

  private open(): NonNullable<typeof this.state> {
    if (!this.state) throw new IllegalStateError(`Store ${this.name} is currently closed.`);
    return this.state;
  }
}

/** Java's `computeRecordSize`: buffer time, key bytes and the value's estimate. */
function recordSize(key: Buffer, value: BufferValue): number {
  return 8 + key.length + value.sizeEstimate();
}

/** Java's `InMemoryTimeOrderedKeyValueChangeBuffer.Builder`: logged unless the BufferConfig disabled it; never cached. */
export function suppressionBufferBuilder<K, V>(
  name: string,
  keySerde: Serde<K> | undefined,
  valueSerde: Serde<V> | undefined,
  logConfig: Readonly<Record<string, string>> | null,
): StoreBuilder<InMemoryTimeOrderedKeyValueChangeBuffer<K, V>> {
  return {
    name,
    logged: logConfig !== null,
    cached: false,
    // Java's UnwindowedUnversionedChangelogTopicConfig: a compacted topic, plus the user's configs.
    changelogConfig: logConfig === null ? {} : { "cleanup.policy": "compact", ...logConfig },
    build: () => new InMemoryTimeOrderedKeyValueChangeBuffer<K, V>(name, logConfig !== null, keySerde, valueSerde),
  };
}
