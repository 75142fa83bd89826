// Reference solution for exercise 6 — Durable writes: survive one broker down, fail fast when two are down.
import { Kafka } from "kafkajs";
import type { ExerciseContext } from "kafkalings/context";

export interface Order {
  id: string;
  customer: string;
  total: number;
}

export async function createDurableTopic(ctx: ExerciseContext): Promise<void> {
  const admin = new Kafka(ctx.kafka).admin();
  await admin.connect();
  try {
    await admin.createTopics({
      topics: [
        {
          topic: ctx.topic("orders"),
          numPartitions: 3,
          replicationFactor: 3,
          // With acks=all, the leader refuses a write (NOT_ENOUGH_REPLICAS) while fewer than 2 replicas are in sync.
          configEntries: [{ name: "min.insync.replicas", value: "2" }],
        },
      ],
    });
  } finally {
    await admin.disconnect();
  }
}

export async function writeOrder(ctx: ExerciseContext, order: Order): Promise<void> {
  // NOT_ENOUGH_REPLICAS is retriable: the producer tries again until its retries run out (Java: until
  // delivery.timeout.ms, 2 minutes by default). Two retries with short back-offs give up after about a second.
  const producer = new Kafka(ctx.kafka).producer({
    idempotent: true,
    maxInFlightRequests: 1,
    retry: { retries: 2, initialRetryTime: 300, maxRetryTime: 1000 },
  });
  await producer.connect();
  try {
    await producer.send({ topic: ctx.topic("orders"), acks: -1, messages: [{ key: order.id, value: JSON.stringify(order) }] });
  } finally {
    await producer.disconnect();
  }
}
