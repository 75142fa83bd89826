// Reference solution for exercise 9 — Rebalance-safe consumer: commit on revocation while the group grows.
import { Kafka, type KafkaMessage, type Producer } from "kafkajs";
import type { ExerciseContext } from "kafkalings/context";

export async function processShipment(ctx: ExerciseContext, producer: Producer, memberName: string, shipment: KafkaMessage, delayMs: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, delayMs));
  await producer.send({ topic: ctx.topic("shipped"), messages: [{ key: shipment.key, value: memberName }] });
}

export async function runMember(ctx: ExerciseContext, memberName: string, delayMs: number): Promise<void> {
  const kafka = new Kafka({ ...ctx.kafka, clientId: memberName });
  const producer = kafka.producer();
  const consumer = kafka.consumer({ groupId: ctx.groupId("shipping"), heartbeatInterval: 200, maxWaitTimeInMs: 100 });
  await Promise.all([producer.connect(), consumer.connect()]);
  try {
    await consumer.subscribe({ topic: ctx.topic("shipments"), fromBeginning: true });
    await new Promise<void>((resolve) => {
      void consumer.run({
        autoCommit: false,
        eachBatch: async ({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, uncommittedOffsets, isRunning, isStale }) => {
          // Everything this member processed (resolved) and has not committed yet, on every partition it holds.
          const commitProcessed = () => commitOffsetsIfNecessary(uncommittedOffsets());
          for (const message of batch.messages) {
            if (!isRunning() || isStale()) break;
            if (message.key?.toString() === "END") {
              resolveOffset(message.offset);
              await commitProcessed();
              resolve();
              return;
            }
            await processShipment(ctx, producer, memberName, message, delayMs);
            resolveOffset(message.offset);
            try {
              await heartbeat();
            } catch (error) {
              // A rebalance (or a lost membership): the partitions are about to be revoked. Commit the work done,
              // so whoever gets them next starts after it — kafkajs's counterpart of onPartitionsRevoked.
              await commitProcessed();
              throw error;
            }
          }
          await commitProcessed();
        },
      });
    });
  } finally {
    await Promise.all([consumer.disconnect(), producer.disconnect()]);
  }
}
