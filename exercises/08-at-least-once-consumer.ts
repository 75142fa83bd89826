// Exercise 8 — At-least-once consumer: commit after processing, survive a crash.   Check it: npm run exercise 8
import { Kafka, type Producer } from "kafkajs";
import type { ExerciseContext } from "kafkalings/context";

export interface Payment {
  id: string;
  amount: number;
}

/** Processing one payment (given, keep it as it is): takes `delayMs`, then records the result on ctx.topic("processed"). */
export async function processPayment(ctx: ExerciseContext, producer: Producer, payment: Payment, delayMs: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, delayMs));
  await producer.send({ topic: ctx.topic("processed"), messages: [{ key: payment.id, value: JSON.stringify(payment) }] });
}

/**
 * Process every payment on ctx.topic("payments") (one partition; key = payment id, value = the payment as JSON)
 * with processPayment, as the consumer group ctx.groupId("payment-processors").
 *
 * The grader kills your process (SIGKILL) in the middle and then calls processPayments again. Together, the two
 * runs must process every payment at least once — a few twice is fine, none lost:
 *   - turn auto-commit off and commit a record's offset only after processPayment finished for it;
 *   - a new group (no committed offset yet) starts at the first record of the topic.
 * After the payments comes one record with key "END" (not a payment): commit it too, then return.
 */
export async function processPayments(ctx: ExerciseContext, delayMs: number): Promise<void> {
  const kafka = new Kafka(ctx.kafka);
  const producer = kafka.producer();
  // A killed consumer stays in its group until its session times out (6 s here, the broker's minimum): only then
  // does the restarted one get the partition. maxWaitTimeInMs: see exercise 2.
  const consumer = kafka.consumer({ groupId: ctx.groupId("payment-processors"), sessionTimeout: 6000, heartbeatInterval: 1000, maxWaitTimeInMs: 100 });
  await Promise.all([producer.connect(), consumer.connect()]);
  try {
    // TODO: subscribe to the payments, then run the consumer with autoCommit: false. For each record: process it
    // (unless it is the END record), then commit offset + 1 (the next record to read) with consumer.commitOffsets.
    // Return once the END record is committed.
  } finally {
    await Promise.all([consumer.disconnect(), producer.disconnect()]);
  }
}
