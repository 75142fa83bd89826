// Exercise 13 — Poison pills go to a dead-letter topic; the consumer keeps going.   Check it: npm run exercise 13
import { Kafka } from "kafkajs";
import type { ExerciseContext } from "kafkalings/context";

export interface Order {
  orderId: string;
  item: string;
  quantity: number;
  unitPrice: number;
}

export class InvalidOrderError extends Error {
  override name = "InvalidOrderError";
}

/** Given: parses one record value. Throws a SyntaxError when it is not JSON, an InvalidOrderError when a field is wrong. */
export function parseOrder(value: Buffer | null): Order {
  const order = JSON.parse(value?.toString() ?? "") as Partial<Order>;
  if (typeof order.orderId !== "string" || order.orderId === "") throw new InvalidOrderError("orderId must be a non-empty string");
  if (typeof order.item !== "string" || order.item === "") throw new InvalidOrderError(`order ${order.orderId}: item must be a non-empty string`);
  if (!Number.isInteger(order.quantity) || order.quantity! <= 0) throw new InvalidOrderError(`order ${order.orderId}: quantity must be a positive integer`);
  if (typeof order.unitPrice !== "number" || order.unitPrice <= 0) throw new InvalidOrderError(`order ${order.orderId}: unitPrice must be a positive number`);
  return order as Order;
}

/** Given: the invoice for a valid order. */
export function invoiceFor(order: Order): { orderId: string; total: number } {
  return { orderId: order.orderId, total: Math.round(order.quantity * order.unitPrice * 100) / 100 };
}

/**
 * Read `count` records of ctx.topic("orders") (3 partitions, key = customer) from the first one, as the consumer
 * group ctx.groupId("order-router"), then return. For each record:
 *   - valid (parseOrder succeeds): send invoiceFor(order) as JSON to ctx.topic("invoices"), with the record's key;
 *   - a poison pill (parseOrder throws): send it to the dead-letter topic ctx.topic("orders-dlt") with its original
 *     key and value, unchanged, and these headers:
 *       error.class      the error's name, e.g. "SyntaxError"
 *       error.message    the error's message
 *       original.topic, original.partition, original.offset   where the record came from
 *     …and go on with the next record: one bad record must not stop the consumer, nor be retried forever.
 * Every record's offset is committed by the time you return.
 */
export async function routeOrders(ctx: ExerciseContext, count: number): Promise<void> {
  const kafka = new Kafka(ctx.kafka);
  const producer = kafka.producer();
  const consumer = kafka.consumer({ groupId: ctx.groupId("order-router"), maxWaitTimeInMs: 100 });
  await Promise.all([producer.connect(), consumer.connect()]);
  try {
    // TODO: subscribe from the beginning and run the consumer; in eachMessage, route each record as described
    // above (try/catch around parseOrder). Return once `count` records were handled.
  } finally {
    await Promise.all([consumer.disconnect(), producer.disconnect()]);
  }
}
