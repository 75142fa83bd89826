// Reference solution for exercise 7 — Idempotent producer: no duplicates, per-key order, through a leader failover.
import { Kafka } from "kafkajs";
import type { ExerciseContext } from "kafkalings/context";

export async function produceSequence(ctx: ExerciseContext, keys: string[], countPerKey: number): Promise<void> {
  const producer = new Kafka(ctx.kafka).producer({
    // The broker remembers the last sequence numbers per producer id and partition, and drops a retried batch it
    // already has: retries can no longer duplicate. One request in flight keeps a retried batch from being
    // overtaken by the next one (the Java client keeps order with idempotence and up to 5 in flight).
    idempotent: true,
    maxInFlightRequests: 1,
    // A killed leader is replaced after the broker session timeout (6 s here): retry for longer than that.
    retry: { retries: 10, initialRetryTime: 200, maxRetryTime: 2000 },
  });
  await producer.connect();
  try {
    for (let seq = 0; seq < countPerKey; seq++) {
      for (const key of keys) {
        // One record, so one partition, per request: kafkajs 2.2.4 can lose the records of a request that spans
        // partitions led by different brokers when one of them fails over (tulios/kafkajs#1798).
        await producer.send({ topic: ctx.topic("events"), acks: -1, messages: [{ key, value: String(seq) }] });
      }
    }
  } finally {
    await producer.disconnect();
  }
}
