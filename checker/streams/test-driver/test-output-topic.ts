import { IllegalStateError } from "../errors.ts";
import { KeyValue } from "../keyvalue.ts";
import type { Serde } from "../serdes.ts";
import type { ProducedRecord } from "../engine/record-collector.ts";
import { TestRecord } from "./test-record.ts";

/** What an output topic needs from the driver. */
export interface RecordTap {
  /** Removes and returns the oldest record of `topic`; throws when there is none. */
  readRecord(topic: string): ProducedRecord;
  queueSize(topic: string): number;
}

/** Reads, in order, what the topology wrote to one topic (Java's TestOutputTopic). Reading consumes. */
export class TestOutputTopic<K, V> {
  constructor(
    private readonly driver: RecordTap,
    readonly topic: string,
    private readonly keySerde: Serde<K>,
    private readonly valueSerde: Serde<V>,
  ) {}

  readRecord(): TestRecord<K, V> {
    const record = this.driver.readRecord(this.topic);
    const key = this.keySerde.deserialize(record.topic, record.key);
    const value = this.valueSerde.deserialize(record.topic, record.value);
    return new TestRecord(key, value, record.timestamp, record.headers);
  }

  readValue(): V | null {
    return this.readRecord().value;
  }

  readKeyValue(): KeyValue<K | null, V | null> {
    const { key, value } = this.readRecord();
    return KeyValue.pair(key, value);
  }

  readRecordsToList(): TestRecord<K, V>[] {
    return this.drain(() => this.readRecord());
  }

  readKeyValuesToList(): KeyValue<K | null, V | null>[] {
    return this.drain(() => this.readKeyValue());
  }

  readValuesToList(): (V | null)[] {
    return this.drain(() => this.readValue());
  }

  /** The last value per key (a table's latest state); null keys are an error, as in Java. */
  readKeyValuesToMap(): Map<K, V | null> {
    const map = new Map<K, V | null>();
    while (!this.isEmpty()) {
      const { key, value } = this.readKeyValue();
      if (key === null) throw new IllegalStateError("Null keys not allowed with readKeyValuesToMap method");
      map.set(key, value);
    }
    return map;
  }

  getQueueSize(): number {
    return this.driver.queueSize(this.topic);
  }

  isEmpty(): boolean {
    return this.getQueueSize() === 0;
  }

  private drain<T>(read: () => T): T[] {
    const items: T[] = [];
    while (!this.isEmpty()) items.push(read());
    return items;
  }
}
