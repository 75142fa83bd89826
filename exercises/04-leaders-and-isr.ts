// Exercise 4 — Report partition leaders and the ISR, before and after a broker dies.   Check it: npm run exercise 4
import { Kafka } from "kafkajs";
import type { ExerciseContext } from "kafkalings/context";

export interface PartitionState {
  partition: number;
  /** The id of the broker that leads the partition: producers write to it and, by default, consumers read from it. */
  leader: number;
  /** Every broker assigned a copy of the partition (the replica set), whether it is alive or not. */
  replicas: number[];
  /** The in-sync replicas: the leader and the followers that are caught up with it. */
  isr: number[];
}

/**
 * Describe every partition of `topic` as the cluster sees it right now: its leader, its replicas and its ISR,
 * one entry per partition, in partition order. The grader calls this twice: with every broker up, and again
 * after it has killed a broker that leads one of the partitions — your answer must then show the new leader and
 * the shrunk ISR.
 */
export async function describePartitions(ctx: ExerciseContext, topic: string): Promise<PartitionState[]> {
  const admin = new Kafka(ctx.kafka).admin();
  await admin.connect();
  try {
    // TODO: ask the cluster for the topic's metadata (admin.fetchTopicMetadata) and map its partitions
    return [];
  } finally {
    await admin.disconnect();
  }
}
