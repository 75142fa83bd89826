// Reference solution for exercise 1 — Create a topic with the Admin API.
import { Kafka } from "kafkajs";
import type { ExerciseContext } from "kafkalings/context";

const THREE_DAYS_MS = 3 * 24 * 60 * 60 * 1000;

export async function createInventoryTopic(ctx: ExerciseContext): Promise<void> {
  const admin = new Kafka(ctx.kafka).admin();
  await admin.connect();
  try {
    await admin.createTopics({
      topics: [
        {
          topic: ctx.topic("inventory_purchases"),
          numPartitions: 6,
          replicationFactor: 3,
          // Topic configs are strings; retention.ms overrides the broker's log.retention.hours for this topic.
          configEntries: [{ name: "retention.ms", value: String(THREE_DAYS_MS) }],
        },
      ],
    });
  } finally {
    await admin.disconnect();
  }
}
