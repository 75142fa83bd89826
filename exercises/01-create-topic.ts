// Exercise 1 — Create a topic with the Admin API.   Check it: npm run exercise 1
import { Kafka } from "kafkajs";
import type { ExerciseContext } from "kafkalings/context";

/**
 * Create the topic named `ctx.topic("inventory_purchases")` with:
 *   - 6 partitions,
 *   - replication factor 3 (every partition on all three brokers),
 *   - records kept for 3 days (the topic config `retention.ms`, in milliseconds, as a string).
 */
export async function createInventoryTopic(ctx: ExerciseContext): Promise<void> {
  const admin = new Kafka(ctx.kafka).admin();
  await admin.connect();
  try {
    // TODO: create the topic with admin.createTopics({ topics: [ ... ] })
  } finally {
    await admin.disconnect();
  }
}
