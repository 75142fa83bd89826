// Reference solution for exercise 11 — A compacted topic as a table: latest value per key, tombstones delete.
import { Kafka } from "kafkajs";
import type { ExerciseContext } from "kafkalings/context";

export interface Change {
  key: string;
  value: string | null;
}

export async function createTableTopic(ctx: ExerciseContext): Promise<void> {
  const admin = new Kafka(ctx.kafka).admin();
  await admin.connect();
  try {
    await admin.createTopics({
      topics: [
        {
          topic: ctx.topic("prices"),
          numPartitions: 1,
          replicationFactor: 3,
          configEntries: [
            { name: "cleanup.policy", value: "compact" },
            // Lab settings: the cleaner only compacts closed segments, and waits until this share of the log is dirty.
            { name: "segment.ms", value: "100" },
            { name: "min.cleanable.dirty.ratio", value: "0.01" },
          ],
        },
      ],
    });
  } finally {
    await admin.disconnect();
  }
}

export async function writeChanges(ctx: ExerciseContext, changes: Change[]): Promise<void> {
  const producer = new Kafka(ctx.kafka).producer();
  await producer.connect();
  try {
    // value: null is a tombstone: compaction keeps it (for delete.retention.ms) and then drops the key entirely.
    await producer.send({ topic: ctx.topic("prices"), messages: changes.map(({ key, value }) => ({ key, value })) });
  } finally {
    await producer.disconnect();
  }
}

export async function readTable(ctx: ExerciseContext): Promise<Record<string, string>> {
  const kafka = new Kafka(ctx.kafka);
  const topic = ctx.topic("prices");
  const admin = kafka.admin();
  await admin.connect();
  // Where each partition's log ends right now; partitions that are empty have nothing to wait for.
  const endOf = new Map((await admin.fetchTopicOffsets(topic)).filter((p) => Number(p.high) > Number(p.low)).map((p) => [p.partition, Number(p.high)]));
  await admin.disconnect();

  const table: Record<string, string> = {};
  if (endOf.size === 0) return table;
  const consumer = kafka.consumer({ groupId: ctx.groupId("price-table"), maxWaitTimeInMs: 100 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve) => {
      void consumer.run({
        eachMessage: async ({ partition, message }) => {
          const key = message.key!.toString();
          // Later records win; a tombstone removes the key.
          if (message.value === null) delete table[key];
          else table[key] = message.value.toString();
          if (Number(message.offset) + 1 >= endOf.get(partition)!) endOf.delete(partition);
          if (endOf.size === 0) resolve();
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return table;
}
