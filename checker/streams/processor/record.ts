/** One record flowing through a topology: Java's `org.apache.kafka.streams.processor.api.Record`. */
export interface StreamRecord<K, V> {
  readonly key: K;
  readonly value: V;
  /** Milliseconds since the epoch: event time, as Kafka Streams uses it. */
  readonly timestamp: number;
  readonly headers: RecordHeaders;
}

export type RecordHeaders = ReadonlyArray<{ readonly key: string; readonly value: Buffer | null }>;

export function streamRecord<K, V>(key: K, value: V, timestamp: number, headers: RecordHeaders = []): StreamRecord<K, V> {
  return { key, value, timestamp, headers };
}

export function withKeyValue<K, V>(record: StreamRecord<unknown, unknown>, key: K, value: V): StreamRecord<K, V> {
  return { key, value, timestamp: record.timestamp, headers: record.headers };
}

/**
 * What a KTable forwards downstream for every update: the new value and the value it replaced (Java's `Change`).
 * `oldValue` is only filled when a downstream operator asked for old values (groupBy on a table, joins, suppress).
 */
export interface Change<V> {
  readonly newValue: V | null;
  readonly oldValue: V | null;
}

/** Where the record being processed came from (Java's `RecordMetadata` / record context). */
export interface RecordOrigin {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
}
