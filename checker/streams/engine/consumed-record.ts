import type { RecordHeaders } from "../processor/record.ts";

/** A record as read from a topic, still serialized (Java's ConsumerRecord<byte[], byte[]>). */
export interface ConsumedRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly timestamp: number;
  readonly headers: RecordHeaders;
}
