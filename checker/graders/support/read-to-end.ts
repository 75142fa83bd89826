// Reads a topic to its end as a brand-new consumer group would — transactional topics included, whose last
// offsets may hold commit/abort markers or aborted records that a read_committed consumer never hands over.
import type { GradeContext } from "../../runner/grade.ts";
import { pollUntil } from "../../cluster/wait.ts";

export interface ReadRecord {
  partition: number;
  offset: number;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
  /** Written by a transactional producer. */
  inTransaction: boolean;
}

/** The offsets a consumer stands at once it has read everything: the end (last stable) offset of each partition. */
export async function endOffsets(t: GradeContext, topic: string): Promise<Map<number, number>> {
  // kafkajs asks for them with isolation read_committed, so "high" is the last stable offset.
  const offsets = await t.admin.fetchTopicOffsets(topic);
  return new Map(offsets.map((o) => [o.partition, Number(o.high)]));
}

/** The group's committed offset per partition of `topic` (-1: none committed). */
export async function committedOffsets(t: GradeContext, groupId: string, topic: string): Promise<Map<number, number>> {
  const [answer] = await t.admin.fetchOffsets({ groupId, topics: [topic] });
  return new Map((answer?.partitions ?? []).map((p) => [p.partition, Number(p.offset)]));
}

let readers = 0;

/**
 * Every record of `topic` up to the end offsets it has when the read starts, in offset order per partition;
 * read_committed (the kafkajs default) unless `readUncommitted`.
 */
export async function readToEnd(t: GradeContext, topic: string, options: { readUncommitted?: boolean; timeoutMs?: number } = {}): Promise<ReadRecord[]> {
  const targets = await endOffsets(t, topic);
  const records: ReadRecord[] = [];
  // Where the consumer stands per partition: batches of nothing but markers or aborted records move it too.
  const positions = new Map<number, number>();
  const done = () => [...targets].every(([partition, end]) => (positions.get(partition) ?? 0) >= end);
  if (done()) return records;
  const consumer = t.kafka.consumer({ groupId: t.groupId(`grader-reader-${++readers}`), maxWaitTimeInMs: 100, readUncommitted: options.readUncommitted });
  consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) => positions.set(payload.partition, Math.max(positions.get(payload.partition) ?? 0, Number(payload.lastOffset) + 1)));
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        const offset = Number(message.offset);
        if (offset >= (targets.get(partition) ?? 0)) return;
        records.push({
          partition,
          offset,
          key: message.key?.toString() ?? null,
          value: message.value?.toString() ?? null,
          headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)])),
          // kafkajs hands each record its batch's header, though its types leave it out.
          inTransaction: (message as { batchContext?: { inTransaction?: boolean } }).batchContext?.inTransaction === true,
        });
      },
    });
    await pollUntil(done, { timeoutMs: options.timeoutMs ?? 15_000, intervalMs: 20, description: `the end of ${topic}` });
  } finally {
    await consumer.disconnect();
  }
  return records.sort((a, b) => a.partition - b.partition || a.offset - b.offset);
}
