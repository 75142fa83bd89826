// Exercise 2 — Publish purchases and read them back from the beginning.   Check it: npm run exercise 2
import { Kafka } from "kafkajs";
import type { ExerciseContext } from "kafkalings/context";

export interface Purchase {
  item: string;
  quantity: number;
}

/**
 * Send every purchase to the topic `ctx.topic("purchases")` (it already exists, with 3 partitions):
 *   - the record key is the item, so all purchases of one item land in the same partition, in order;
 *   - the record value is the purchase as JSON, e.g. {"item":"apples","quantity":3}.
 */
export async function publishPurchases(ctx: ExerciseContext, purchases: Purchase[]): Promise<void> {
  const producer = new Kafka(ctx.kafka).producer();
  await producer.connect();
  try {
    // TODO: send the purchases with producer.send({ topic, messages })
  } finally {
    await producer.disconnect();
  }
}

/**
 * Read `count` purchases from the topic `ctx.topic("purchases")`, starting at the very first record, as the
 * consumer group `ctx.groupId("purchase-readers")`, and return them (parsed from JSON).
 */
export async function readPurchases(ctx: ExerciseContext, count: number): Promise<Purchase[]> {
  // maxWaitTimeInMs: how long the broker may hold a fetch while it waits for new data (Java: fetch.max.wait.ms,
  // default 500 ms; kafkajs: 5000). disconnect() waits for the fetch in flight, so a short wait ends sooner.
  const consumer = new Kafka(ctx.kafka).consumer({ groupId: ctx.groupId("purchase-readers"), maxWaitTimeInMs: 100 });
  const purchases: Purchase[] = [];
  await consumer.connect();
  try {
    // TODO: subscribe, run the consumer, collect `count` purchases, and only then return them
  } finally {
    await consumer.disconnect();
  }
  return purchases;
}
