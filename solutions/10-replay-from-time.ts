// Reference solution for exercise 10 — Replay from a point in time: seek by timestamp.
import { Kafka } from "kafkajs";
import type { ExerciseContext } from "kafkalings/context";

export interface ReplayedRecord {
  partition: number;
  offset: string;
  timestamp: string;
  value: string;
}

export async function replayFrom(ctx: ExerciseContext, sinceMs: number): Promise<ReplayedRecord[]> {
  const kafka = new Kafka(ctx.kafka);
  const topic = ctx.topic("page-views");
  const admin = kafka.admin();
  await admin.connect();
  let ends: { partition: number; high: string }[];
  let starts: { partition: number; offset: string }[];
  try {
    ends = await admin.fetchTopicOffsets(topic);
    // ListOffsets by timestamp (Java: consumer.offsetsForTimes): per partition, the earliest offset whose
    // timestamp is >= sinceMs; kafkajs answers with the end offset where there is none.
    starts = await admin.fetchTopicOffsetsByTimestamp(topic, sinceMs);
  } finally {
    await admin.disconnect();
  }

  const expected = starts.reduce((sum, { partition, offset }) => sum + Number(ends.find((e) => e.partition === partition)?.high ?? offset) - Number(offset), 0);
  const records: ReplayedRecord[] = [];
  if (expected === 0) return records;
  const consumer = kafka.consumer({ groupId: ctx.groupId("replay"), maxWaitTimeInMs: 100 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic });
    let complete!: () => void;
    const completed = new Promise<void>((resolve) => (complete = resolve));
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        records.push({ partition, offset: message.offset, timestamp: message.timestamp, value: message.value?.toString() ?? "" });
        if (records.length === expected) complete();
      },
    });
    // seek works once run() has started the consumer (Java: seek after the partitions are assigned); kafkajs
    // drops anything it fetched from elsewhere and reads each partition from its start offset.
    for (const start of starts) consumer.seek({ topic, ...start });
    await completed;
  } finally {
    await consumer.disconnect();
  }
  return records;
}
