// kafkalings/testing: what a learner's integration test (exercise 15) gets — the code under test and the
// practice cluster. kafkalings runs the test file once per publisher and tells it which one through the
// environment, so the test itself stays an ordinary vitest test.
import { Kafka } from "kafkajs";
import { createExerciseContext, type ContextSettings, type ExerciseContext } from "../context.ts";
import { CORRECT_PUBLISHER, PUBLISHERS, type Order } from "./order-publishers.ts";
import { readAllRecords, type StoredRecord } from "./read-all-records.ts";

export type { ExerciseContext } from "../context.ts";
export type { Order } from "./order-publishers.ts";
export type { StoredRecord } from "./read-all-records.ts";

/** Environment variables the grader sets for each run of the learner's test file. */
export const TEST_ENV = { context: "KAFKALINGS_TEST_CONTEXT", publisher: "KAFKALINGS_PUBLISHER" } as const;

/** The exercise context for this run of the test: the cluster, and topic/group names of its own. */
export function testContext(): ExerciseContext {
  const settings = process.env[TEST_ENV.context];
  if (!settings) throw new Error("testContext() works when kafkalings runs this test: npm run exercise 15 (or npm run check 15)");
  return createExerciseContext(JSON.parse(settings) as ContextSettings);
}

/**
 * The code under test: writes each order to the existing topic ctx.topic("orders") as one record, keyed by the
 * customer, valued with the order as JSON, with the header content-type: application/json, in the order given.
 */
export function publishOrders(ctx: ExerciseContext, orders: Order[]): Promise<void> {
  const name = process.env[TEST_ENV.publisher] ?? CORRECT_PUBLISHER;
  const publisher = PUBLISHERS[name];
  if (!publisher) throw new Error(`kafkalings has no publisher named ${name}`);
  return publisher.publish(ctx, orders);
}

/**
 * Every record of the topic, from its first offset up to the end each partition had when the read began, sorted by
 * partition and offset. Reading up to the end offsets, rather than waiting for an expected count, lets a test see
 * a missing record at once instead of waiting for it until it times out.
 */
export function readTopic(ctx: ExerciseContext, topic: string): Promise<StoredRecord[]> {
  return readAllRecords(new Kafka(ctx.kafka), topic, ctx.groupId("test-reader"));
}
