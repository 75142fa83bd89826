// Reference solution for exercise 13 — Poison pills go to a dead-letter topic; the consumer keeps going.
import { Kafka, type KafkaMessage, type Producer } from "kafkajs";
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

export function parseOrder(value: Buffer | null): Order {
  const order = JSON.parse(value?.toString() ?? "") as Partial<Order>;
  if (typeof order.orderId !== "string" || order.orderId === "") throw new InvalidOrderError("orderId must be a non-empty string");
  if (typeof order.item !== "string" || order.item === "") throw new InvalidOrderError(`order ${order.orderId}: item must be a non-empty string`);
  if (!Number.isInteger(order.quantity) || order.quantity! <= 0) throw new InvalidOrderError(`order ${order.orderId}: quantity must be a positive integer`);
  if (typeof order.unitPrice !== "number" || order.unitPrice <= 0) throw new InvalidOrderError(`order ${order.orderId}: unitPrice must be a positive number`);
  return order as Order;
}

export function invoiceFor(order: Order): { orderId: string; total: number } {
  return { orderId: order.orderId, total: Math.round(order.quantity * order.unitPrice * 100) / 100 };
}

/** The poison pill as it was, plus headers that say what went wrong and where it came from. */
function sendToDeadLetters(ctx: ExerciseContext, producer: Producer, topic: string, partition: number, message: KafkaMessage, error: unknown) {
  const failure = error instanceof Error ? error : new Error(String(error));
  return producer.send({
    topic: ctx.topic("orders-dlt"),
    messages: [
      {
        key: message.key,
        value: message.value,
        headers: {
          "error.class": failure.name,
          "error.message": failure.message,
          "original.topic": topic,
          "original.partition": String(partition),
          "original.offset": message.offset,
        },
      },
    ],
  });
}

/** Invoices a valid order; dead-letters a poison pill. Only parsing is guarded: a failed send is no poison pill. */
async function route(ctx: ExerciseContext, producer: Producer, topic: string, partition: number, message: KafkaMessage): Promise<void> {
  let order: Order;
  try {
    order = parseOrder(message.value);
  } catch (error) {
    // A poison pill fails the same way on every retry: park it and move on.
    await sendToDeadLetters(ctx, producer, topic, partition, message, error);
    return;
  }
  await producer.send({ topic: ctx.topic("invoices"), messages: [{ key: message.key, value: JSON.stringify(invoiceFor(order)) }] });
}

export async function routeOrders(ctx: ExerciseContext, count: number): Promise<void> {
  const kafka = new Kafka(ctx.kafka);
  const producer = kafka.producer();
  const consumer = kafka.consumer({ groupId: ctx.groupId("order-router"), maxWaitTimeInMs: 100 });
  await Promise.all([producer.connect(), consumer.connect()]);
  try {
    await consumer.subscribe({ topic: ctx.topic("orders"), fromBeginning: true });
    let handled = 0;
    await new Promise<void>((resolve) => {
      void consumer.run({
        eachMessage: async ({ topic, partition, message }) => {
          await route(ctx, producer, topic, partition, message);
          if (++handled === count) resolve();
        },
      });
    });
  } finally {
    // Auto-commit (the kafkajs default) commits what eachMessage finished, at the latest when the consumer stops.
    await Promise.all([consumer.disconnect(), producer.disconnect()]);
  }
}
