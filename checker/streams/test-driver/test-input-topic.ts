import { InvalidArgumentError } from "../errors.ts";
import type { KeyValue } from "../keyvalue.ts";
import type { RecordHeaders } from "../processor/record.ts";
import type { Serde } from "../serdes.ts";
import { TestRecord } from "./test-record.ts";

/** What an input topic needs from the driver. */
export interface RecordPipe {
  pipeRecord(topic: string, key: Buffer | null, value: Buffer | null, timestamp: number, headers: RecordHeaders): void;
}

/**
 * Pipes records into one topic of a TopologyTestDriver (Java's TestInputTopic). Each record is processed to the end,
 * repartitioned records included, before the call returns. Records without a timestamp get the topic's clock,
 * which then moves on by `autoAdvance` ms.
 */
export class TestInputTopic<K, V> {
  private currentTime: number;

  constructor(
    private readonly driver: RecordPipe,
    readonly topic: string,
    private readonly keySerde: Serde<K>,
    private readonly valueSerde: Serde<V>,
    startTimestamp: number,
    private readonly autoAdvance: number,
  ) {
    if (autoAdvance < 0) throw new InvalidArgumentError("autoAdvance must be positive");
    this.currentTime = startTimestamp;
  }

  advanceTime(advanceMs: number): void {
    if (advanceMs < 0) throw new InvalidArgumentError("advance must be positive");
    this.currentTime += advanceMs;
  }

  pipeInput(key: K | null, value: V | null, timestamp?: number): void {
    this.pipeRecord(new TestRecord(key, value, timestamp));
  }

  pipeRecord(record: TestRecord<K, V>): void {
    const timestamp = record.timestamp ?? this.nextTimestamp();
    const key = this.keySerde.serialize(this.topic, record.key);
    const value = this.valueSerde.serialize(this.topic, record.value);
    this.driver.pipeRecord(this.topic, key, value, timestamp, record.headers);
  }

  pipeRecordList(records: Iterable<TestRecord<K, V>>): void {
    for (const record of records) this.pipeRecord(record);
  }

  /** Without `startTimestamp` the records take the topic's clock; with it, `start`, `start + advance`, … */
  pipeKeyValueList(keyValues: Iterable<KeyValue<K | null, V | null>>, startTimestamp?: number, advanceMs = 0): void {
    let time = startTimestamp;
    for (const { key, value } of keyValues) {
      this.pipeInput(key, value, time);
      if (time !== undefined) time += advanceMs;
    }
  }

  pipeValueList(values: Iterable<V | null>, startTimestamp?: number, advanceMs = 0): void {
    this.pipeKeyValueList([...values].map((value) => ({ key: null, value })), startTimestamp, advanceMs);
  }

  private nextTimestamp(): number {
    const timestamp = this.currentTime;
    this.currentTime += this.autoAdvance;
    return timestamp;
  }
}
