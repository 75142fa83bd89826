// Exercise 6 — Durable writes: survive one broker down, fail fast when two are down.   Check it: npm run exercise 6
import { Kafka } from "kafkajs";
import type { ExerciseContext } from "kafkalings/context";

export interface Order {
  id: string;
  customer: string;
  total: number;
}

/**
 * Create the topic `ctx.topic("orders")` (3 partitions, say) so that an acknowledged write survives the loss of
 * a broker:
 *   - replication factor 3 (a copy on each of the three brokers),
 *   - the topic config `min.insync.replicas` = "2": a write with acks=all succeeds only while at least two
 *     replicas are in sync.
 */
export async function createDurableTopic(ctx: ExerciseContext): Promise<void> {
  const admin = new Kafka(ctx.kafka).admin();
  await admin.connect();
  try {
    // TODO: create the topic with admin.createTopics({ topics: [ ... ] })
  } finally {
    await admin.disconnect();
  }
}

/**
 * Write one order to `ctx.topic("orders")` (key: the order id, value: the order as JSON) with a producer set up
 * for durability:
 *   - acks=all (kafkajs: acks -1): the leader answers only once every in-sync replica has the record;
 *   - idempotent, so that a retry can never write the order twice;
 *   - and it gives up fast: when the write cannot be made durable, writeOrder must reject within 15 s (a Java
 *     producer retries until delivery.timeout.ms, 2 minutes by default; a kafkajs one retry.retries times, with
 *     back-offs that double from retry.initialRetryTime up to retry.maxRetryTime).
 *
 * Resolve once the order is written; when it cannot be written, let kafkajs's error reach the caller (don't catch it).
 * The grader stops one broker (your write must succeed), then a second one (your write must fail with
 * NOT_ENOUGH_REPLICAS, quickly).
 */
export async function writeOrder(ctx: ExerciseContext, order: Order): Promise<void> {
  // TODO: configure the producer for durability (and a bounded number of retries)
  const producer = new Kafka(ctx.kafka).producer();
  await producer.connect();
  try {
    // TODO: send the order with producer.send({ topic, acks, messages })
  } finally {
    await producer.disconnect();
  }
}
