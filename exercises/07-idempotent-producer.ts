// Exercise 7 — Idempotent producer: no duplicates, per-key order, through a leader failover.   Check it: npm run exercise 7
import { Kafka } from "kafkajs";
import type { ExerciseContext } from "kafkalings/context";

/**
 * For every key, write the sequence numbers 0, 1, 2, … countPerKey - 1 to the topic `ctx.topic("events")` (it
 * already exists: 3 partitions, replication factor 3, min.insync.replicas 2):
 *   - record key: the key; record value: the sequence number as a string ("0", "1", …);
 *   - a stream: one record per send(), awaiting each send before the next, in the order
 *     seq 0 of every key, then seq 1 of every key, and so on.
 *
 * While your code runs, the grader kills the broker that leads one of the partitions. Every (key, seq) must still
 * end up in the topic exactly once, and each key's records in order. For that the producer must:
 *   - be idempotent (kafkajs: `idempotent: true`, which needs acks=all), so that a retried batch the dead leader
 *     had already written is not written twice;
 *   - keep retrying long enough to outlast the failover: a killed leader is replaced only once its ZooKeeper or
 *     KRaft session expires (6 s on the practice cluster).
 */
export async function produceSequence(ctx: ExerciseContext, keys: string[], countPerKey: number): Promise<void> {
  // TODO: configure the producer (idempotence, in-flight requests, retries)
  const producer = new Kafka(ctx.kafka).producer();
  await producer.connect();
  try {
    // TODO: for seq 0..countPerKey-1, for each key: await producer.send({ topic, acks, messages: [ ... ] })
  } finally {
    await producer.disconnect();
  }
}
