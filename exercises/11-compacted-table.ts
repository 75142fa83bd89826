// Exercise 11 — A compacted topic as a table: latest value per key, tombstones delete.   Check it: npm run exercise 11
import { Kafka } from "kafkajs";
import type { ExerciseContext } from "kafkalings/context";

/** One change to the price table: a new price for a product, or `value: null` to remove the product. */
export interface Change {
  key: string;
  value: string | null;
}

/**
 * Create the topic `ctx.topic("prices")` as a compacted topic, with one partition, set up so that compaction
 * happens within seconds in this lab (on a real cluster you would keep the defaults):
 *   - cleanup.policy = "compact": keep the latest record of every key instead of deleting old segments;
 *   - segment.ms = "100": close the active segment after 100 ms (the log cleaner never touches the active segment);
 *   - min.cleanable.dirty.ratio = "0.01": clean as soon as 1% of the log is not yet compacted (default 0.5).
 */
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
          // TODO: configEntries: [{ name: "...", value: "..." }, ...]
        },
      ],
    });
  } finally {
    await admin.disconnect();
  }
}

/**
 * Write the changes to `ctx.topic("prices")`, one record each, in order: the key is change.key; the value is
 * change.value, and a removal (`value: null`) is a tombstone — a record whose value is null.
 */
export async function writeChanges(ctx: ExerciseContext, changes: Change[]): Promise<void> {
  const producer = new Kafka(ctx.kafka).producer();
  await producer.connect();
  try {
    // TODO: producer.send({ topic, messages }) with one message per change
  } finally {
    await producer.disconnect();
  }
}

/**
 * Rebuild the table from `ctx.topic("prices")`: read it from its first record up to the end it has when you start,
 * and return the latest value of every key, leaving out the keys whose latest record is a tombstone.
 * (This is how a Kafka Streams KTable, or a cache warmed from a compacted topic, starts up.)
 */
export async function readTable(ctx: ExerciseContext): Promise<Record<string, string>> {
  const kafka = new Kafka(ctx.kafka);
  const table: Record<string, string> = {};
  // TODO: find where the log ends now: admin.fetchTopicOffsets(topic) gives each partition's `high` (the offset
  // the next record will get); the last record to read is at high - 1.
  const consumer = kafka.consumer({ groupId: ctx.groupId("price-table"), maxWaitTimeInMs: 100 });
  await consumer.connect();
  try {
    // TODO: subscribe from the beginning, apply each record to the table, stop once the last offset was read
  } finally {
    await consumer.disconnect();
  }
  return table;
}
