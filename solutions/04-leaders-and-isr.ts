// Reference solution for exercise 4 — Report partition leaders and the ISR, before and after a broker dies.
import { Kafka } from "kafkajs";
import type { ExerciseContext } from "kafkalings/context";

export interface PartitionState {
  partition: number;
  leader: number;
  replicas: number[];
  isr: number[];
}

export async function describePartitions(ctx: ExerciseContext, topic: string): Promise<PartitionState[]> {
  const admin = new Kafka(ctx.kafka).admin();
  await admin.connect();
  try {
    // Any broker answers a metadata request from its metadata cache, which the controller keeps up to date.
    const [metadata] = (await admin.fetchTopicMetadata({ topics: [topic] })).topics;
    return (metadata?.partitions ?? [])
      .map(({ partitionId, leader, replicas, isr }) => ({ partition: partitionId, leader, replicas, isr }))
      .sort((a, b) => a.partition - b.partition);
  } finally {
    await admin.disconnect();
  }
}
