// Reference solution for exercise 8 — At-least-once consumer: commit after processing, survive a crash.
import { Kafka, type Producer } from "kafkajs";
import type { ExerciseContext } from "kafkalings/context";

export interface Payment {
  id: string;
  amount: number;
}

export async function processPayment(ctx: ExerciseContext, producer: Producer, payment: Payment, delayMs: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, delayMs));
  await producer.send({ topic: ctx.topic("processed"), messages: [{ key: payment.id, value: JSON.stringify(payment) }] });
}

export async function processPayments(ctx: ExerciseContext, delayMs: number): Promise<void> {
  const kafka = new Kafka(ctx.kafka);
  const producer = kafka.producer();
  const consumer = kafka.consumer({ groupId: ctx.groupId("payment-processors"), sessionTimeout: 6000, heartbeatInterval: 1000, maxWaitTimeInMs: 100 });
  await Promise.all([producer.connect(), consumer.connect()]);
  try {
    // A new group has no committed offset: start at the earliest record, not at the end.
    await consumer.subscribe({ topic: ctx.topic("payments"), fromBeginning: true });
    await new Promise<void>((resolve) => {
      void consumer.run({
        autoCommit: false,
        eachMessage: async ({ topic, partition, message }) => {
          const isEnd = message.key?.toString() === "END";
          if (!isEnd) await processPayment(ctx, producer, JSON.parse(message.value!.toString()) as Payment, delayMs);
          // Only now is the record done: a crash before this line means it is processed again after the restart
          // (a duplicate), never lost. The committed offset is the next one to read.
          await consumer.commitOffsets([{ topic, partition, offset: String(Number(message.offset) + 1) }]);
          if (isEnd) resolve();
        },
      });
    });
  } finally {
    await Promise.all([consumer.disconnect(), producer.disconnect()]);
  }
}
