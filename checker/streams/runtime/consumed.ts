import type { KafkaMessage } from "kafkajs";
import type { ConsumedRecord } from "../engine/consumed-record.ts";
import type { RecordHeaders } from "../processor/record.ts";

/** A kafkajs message as the engine takes it (Java's ConsumerRecord<byte[], byte[]>). */
export function consumedRecord(topic: string, partition: number, message: KafkaMessage): ConsumedRecord {
  return {
    topic,
    partition,
    offset: Number(message.offset),
    key: message.key ?? null,
    value: message.value ?? null,
    timestamp: Number(message.timestamp),
    headers: headersOf(message),
  };
}

/** kafkajs gives headers as an object (a repeated key as an array); the engine keeps Kafka's ordered list. */
function headersOf(message: KafkaMessage): RecordHeaders {
  const headers: Array<{ key: string; value: Buffer | null }> = [];
  for (const [key, value] of Object.entries(message.headers ?? {})) {
    for (const one of Array.isArray(value) ? value : [value]) {
      headers.push({ key, value: one === undefined ? null : Buffer.isBuffer(one) ? one : Buffer.from(one) });
    }
  }
  return headers;
}
