// Reads back everything a topic holds, from the first offset to the end offset each partition had when the read
// began. Stopping at those end offsets, instead of waiting for an expected count, shows a missing record at once.
import { randomUUID } from "node:crypto";
import type { Kafka } from "kafkajs";
import { pollUntil } from "../cluster/wait.ts";

export interface StoredRecord {
  partition: number;
  offset: number;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
  /** The id of the producer that wrote the record's batch; "-1" when that producer was not idempotent. */
  producerId: string;
}

/** Every record of the topic, sorted by partition and offset; `groupPrefix` names the reading consumer group. */
export async function readAllRecords(kafka: Kafka, topic: string, groupPrefix: string, timeoutMs = 15_000): Promise<StoredRecord[]> {
  const admin = kafka.admin();
  await admin.connect();
  const offsets = await admin.fetchTopicOffsets(topic).finally(() => admin.disconnect());
  const endOf = new Map(offsets.filter((p) => Number(p.high) > Number(p.low)).map((p) => [p.partition, Number(p.high)]));
  const records: StoredRecord[] = [];
  if (endOf.size === 0) return records;
  const consumer = kafka.consumer({ groupId: `${groupPrefix}-${randomUUID().slice(0, 8)}`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        const offset = Number(message.offset);
        if (offset >= (endOf.get(partition) ?? 0)) return;
        records.push({
          partition,
          offset,
          key: message.key?.toString() ?? null,
          value: message.value?.toString() ?? null,
          headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)])),
          // kafkajs hands each record its batch's header, with the producer id, though its types leave it out.
          producerId: (message as { batchContext?: { producerId?: string } }).batchContext?.producerId ?? "-1",
        });
        if (offset + 1 >= endOf.get(partition)!) endOf.delete(partition);
      },
    });
    await pollUntil(() => endOf.size === 0, { timeoutMs, intervalMs: 10, description: `every record of ${topic}` });
  } finally {
    await consumer.disconnect();
  }
  return records.sort((a, b) => a.partition - b.partition || a.offset - b.offset);
}
