// Reference solution for exercise 2 — Publish purchases and read them back from the beginning.
import { Kafka } from "kafkajs";
import type { ExerciseContext } from "kafkalings/context";

export interface Purchase {
  item: string;
  quantity: number;
}

export async function publishPurchases(ctx: ExerciseContext, purchases: Purchase[]): Promise<void> {
  const producer = new Kafka(ctx.kafka).producer();
  await producer.connect();
  try {
    await producer.send({
      topic: ctx.topic("purchases"),
      messages: purchases.map((purchase) => ({ key: purchase.item, value: JSON.stringify(purchase) })),
    });
  } finally {
    await producer.disconnect();
  }
}

export async function readPurchases(ctx: ExerciseContext, count: number): Promise<Purchase[]> {
  // maxWaitTimeInMs: how long the broker may hold a fetch while it waits for new data (Java: fetch.max.wait.ms,
  // default 500 ms; kafkajs: 5000). disconnect() waits for the fetch in flight, so a short wait ends sooner.
  const consumer = new Kafka(ctx.kafka).consumer({ groupId: ctx.groupId("purchase-readers"), maxWaitTimeInMs: 100 });
  const purchases: Purchase[] = [];
  await consumer.connect();
  try {
    // A new group has no committed offsets: fromBeginning makes it start at the earliest offset
    // (auto.offset.reset=earliest) instead of only seeing records written after it joined.
    await consumer.subscribe({ topic: ctx.topic("purchases"), fromBeginning: true });
    await new Promise<void>((resolve) => {
      void consumer.run({
        eachMessage: async ({ message }) => {
          purchases.push(JSON.parse(message.value!.toString()) as Purchase);
          if (purchases.length === count) resolve();
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return purchases;
}
