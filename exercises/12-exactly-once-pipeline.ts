// Exercise 12 — Exactly-once pipeline: transactional read-process-write.   Check it: npm run exercise 12
import { Kafka } from "kafkajs";
import type { ExerciseContext } from "kafkalings/context";

export interface Order {
  orderId: string;
  customer: string;
  quantity: number;
  unitPrice: number;
}

export interface Invoice {
  orderId: string;
  customer: string;
  total: number;
}

/** Given, keep it: prices one order, slowly (`delayMs`), like a call to another service would. */
export async function priceOrder(order: Order, delayMs: number): Promise<Invoice> {
  await new Promise((resolve) => setTimeout(resolve, delayMs));
  return { orderId: order.orderId, customer: order.customer, total: Math.round(order.quantity * order.unitPrice * 100) / 100 };
}

/**
 * Turn every order on ctx.topic("orders") (one partition; key = customer, value = the order as JSON) into an
 * invoice on ctx.topic("invoices") (same key, value = priceOrder's result as JSON), exactly once.
 *
 * The grader kills your process (SIGKILL) mid-way and calls runPipeline again; the input also holds orders of a
 * transaction that was aborted, which must never be invoiced. A read_committed reader of invoices must then see
 * each order's invoice exactly once, in order per customer:
 *   - write each invoice in a transaction, and commit the consumed offset in the same transaction
 *     (transaction.sendOffsets), so that both happen or neither does;
 *   - the consumer commits nothing itself (autoCommit off) and reads only committed input (read_committed);
 *   - a new group starts at the first order.
 * After the orders comes one record with key "END" (no order): commit its offset too, then return.
 */
export async function runPipeline(ctx: ExerciseContext, delayMs: number): Promise<void> {
  // Names unique to this grading run. The restarted pipeline must use the same transactional id as the crashed
  // one: that is how the broker knows to fence the old instance off and abort its unfinished transaction.
  const groupId = ctx.groupId("invoicer");
  const transactionalId = `${groupId}-producer`;
  const kafka = new Kafka(ctx.kafka);
  // A killed consumer stays in its group until its session times out (6 s here, the broker's minimum): only then
  // does the restarted one get the partition.
  const consumer = kafka.consumer({ groupId, sessionTimeout: 6000, heartbeatInterval: 1000, maxWaitTimeInMs: 100 });
  const producer = kafka.producer({ transactionalId, idempotent: true, maxInFlightRequests: 1 });
  await Promise.all([consumer.connect(), producer.connect()]);
  try {
    // TODO: subscribe, then run with autoCommit: false. For each record: open a transaction
    // (producer.transaction()), send the invoice in it (not for END), add the consumed offset + 1 with
    // transaction.sendOffsets({ consumerGroupId: groupId, topics: [...] }), commit it (abort it on an error).
    // Return once the END record's offset is committed.
  } finally {
    await Promise.all([consumer.disconnect(), producer.disconnect()]);
  }
}
