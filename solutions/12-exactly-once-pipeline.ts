// Reference solution for exercise 12 — Exactly-once pipeline: transactional read-process-write.
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

export async function priceOrder(order: Order, delayMs: number): Promise<Invoice> {
  await new Promise((resolve) => setTimeout(resolve, delayMs));
  return { orderId: order.orderId, customer: order.customer, total: Math.round(order.quantity * order.unitPrice * 100) / 100 };
}

export async function runPipeline(ctx: ExerciseContext, delayMs: number): Promise<void> {
  const groupId = ctx.groupId("invoicer");
  const transactionalId = `${groupId}-producer`;
  const kafka = new Kafka(ctx.kafka);
  const consumer = kafka.consumer({ groupId, sessionTimeout: 6000, heartbeatInterval: 1000, maxWaitTimeInMs: 100 });
  // Registering the transactional id with its coordinator (InitProducerId, at connect() or the first
  // transaction()) fences off a crashed instance with the same id and aborts the transaction it left open.
  const producer = kafka.producer({ transactionalId, idempotent: true, maxInFlightRequests: 1 });
  await Promise.all([consumer.connect(), producer.connect()]);
  try {
    // read_committed is the kafkajs default (readUncommitted: false): orders of aborted transactions never arrive.
    await consumer.subscribe({ topic: ctx.topic("orders"), fromBeginning: true });
    await new Promise<void>((resolve) => {
      void consumer.run({
        autoCommit: false,
        eachMessage: async ({ topic, partition, message }) => {
          const isEnd = message.key?.toString() === "END";
          const invoice = isEnd ? undefined : await priceOrder(JSON.parse(message.value!.toString()) as Order, delayMs);
          const transaction = await producer.transaction();
          try {
            if (invoice) await transaction.send({ topic: ctx.topic("invoices"), messages: [{ key: message.key, value: JSON.stringify(invoice) }] });
            // The consumed offset is committed by the transaction: the invoice and the progress both, or neither.
            await transaction.sendOffsets({ consumerGroupId: groupId, topics: [{ topic, partitions: [{ partition, offset: String(Number(message.offset) + 1) }] }] });
            await transaction.commit();
          } catch (error) {
            await transaction.abort();
            throw error;
          }
          if (isEnd) resolve();
        },
      });
    });
  } finally {
    await Promise.all([consumer.disconnect(), producer.disconnect()]);
  }
}
